import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';
import { WithdrawReservationRequestDto } from './withdraw-reservation.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class WithdrawReservationHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/reservation-withdrawals',
    summary: 'Record the withdrawal of the party’s reservation or declaration, effective on receipt or on a later date it names (VCLT 22)',
    body: WithdrawReservationRequestDto,
    response: InstrumentCommandResponse,
    notFound: `${PARTY_ACT_NOT_FOUND.slice(0, -1)}, or the party made no reservation with this event id (RESERVATION_NOT_FOUND).`,
    conflict: 'The reservation is withdrawn already (ALREADY_WITHDRAWN), or the notification is dated before it (WITHDRAWAL_BEFORE_RESERVATION).',
  })
  withdraw(@Param() { id, code }: PartyActParams, @Body() body: WithdrawReservationRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, {
      type: 'WithdrawReservation',
      data: { party: code, reservationId: body.reservationId, notifiedOn: body.notifiedOn, effectiveOn: body.effectiveOn ?? null },
    });
  }
}
