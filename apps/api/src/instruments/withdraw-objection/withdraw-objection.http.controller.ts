import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';
import { WithdrawObjectionRequestDto } from './withdraw-objection.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class WithdrawObjectionHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/objection-withdrawals',
    summary: 'Record the withdrawal of the party’s objection to a reservation, effective on receipt or on a later date it names (VCLT 22)',
    body: WithdrawObjectionRequestDto,
    response: InstrumentCommandResponse,
    notFound: `${PARTY_ACT_NOT_FOUND.slice(0, -1)}, or the party made no objection with this event id (OBJECTION_NOT_FOUND).`,
    conflict: 'The objection is withdrawn already (ALREADY_WITHDRAWN), or the notification is dated before it (WITHDRAWAL_BEFORE_OBJECTION).',
  })
  withdraw(@Param() { id, code }: PartyActParams, @Body() body: WithdrawObjectionRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, {
      type: 'WithdrawObjection',
      data: { party: code, objectionId: body.objectionId, notifiedOn: body.notifiedOn, effectiveOn: body.effectiveOn ?? null },
    });
  }
}
