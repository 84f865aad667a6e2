import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { RevokeWithdrawalRequestDto } from './revoke-withdrawal.request.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class RevokeWithdrawalHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/withdrawal/revocation',
    summary: 'Record the revocation of a notice of withdrawal before it takes effect',
    body: RevokeWithdrawalRequestDto,
    response: InstrumentCommandResponse,
    notFound: PARTY_ACT_NOT_FOUND,
    conflict: 'No notice of withdrawal stands (NO_PENDING_WITHDRAWAL), or it has taken effect (REVOCATION_OUT_OF_TIME).',
  })
  revoke(@Param() { id, code }: PartyActParams, @Body() body: RevokeWithdrawalRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, { type: 'RevokeWithdrawal', data: { party: code, revokedOn: body.revokedOn } });
  }
}
