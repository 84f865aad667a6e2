import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { NotifyWithdrawalRequestDto } from './notify-withdrawal.request.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class NotifyWithdrawalHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/withdrawal',
    summary: 'Record a notice of withdrawal or denunciation and the date it takes effect',
    body: NotifyWithdrawalRequestDto,
    response: InstrumentCommandResponse,
    notFound: PARTY_ACT_NOT_FOUND,
    conflict: 'The party is not bound (WITHDRAWAL_BEFORE_CONSENT), is withdrawing already (ALREADY_WITHDRAWING), is locked in (WITHDRAWAL_LOCKED_IN), or the date is before the notice (WITHDRAWAL_EFFECTIVE_BEFORE_NOTICE).',
  })
  notify(@Param() { id, code }: PartyActParams, @Body() body: NotifyWithdrawalRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, { type: 'NotifyWithdrawal', data: { party: code, notifiedOn: body.notifiedOn, effectiveOn: body.effectiveOn ?? null } });
  }
}
