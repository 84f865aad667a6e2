import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';
import { ObjectToReservationRequestDto } from './object-to-reservation.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class ObjectToReservationHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/objections',
    summary: 'Record the party’s objection to another party’s reservation (VCLT 20, 21), and whether it opposes entry into force between the two (20(4)(b))',
    body: ObjectToReservationRequestDto,
    response: InstrumentCommandResponse,
    notFound: `${PARTY_ACT_NOT_FOUND.slice(0, -1)}, or no reservation with this event id (RESERVATION_NOT_FOUND).`,
    conflict: 'The party is not entitled to become a party (PARTY_NOT_ELIGIBLE), objects to its own reservation (OWN_RESERVATION) or to a declaration (NOT_A_RESERVATION), before the reservation (OBJECTION_BEFORE_RESERVATION), after its withdrawal (RESERVATION_WITHDRAWN), or a second time (ALREADY_OBJECTED).',
  })
  object(@Param() { id, code }: PartyActParams, @Body() body: ObjectToReservationRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, {
      type: 'ObjectToReservation',
      data: { party: code, reservationId: body.reservationId, text: body.text, objectedOn: body.objectedOn, opposesEntryIntoForce: body.opposesEntryIntoForce ?? false },
    });
  }
}
