import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { InstrumentCommands, PARTY_ACT_NOT_FOUND } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { MakeReservationRequestDto } from './make-reservation.request.dto.js';
import { PARTY_ACT } from '../../identity/access-rule.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class MakeReservationHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: PARTY_ACT,
    path: ':id/parties/:code/reservations',
    summary: 'Record a reservation or declaration made at signature or at deposit (VCLT 19-23)',
    body: MakeReservationRequestDto,
    response: InstrumentCommandResponse,
    notFound: PARTY_ACT_NOT_FOUND,
    conflict: 'The party has not signed or deposited the act the reservation goes with (RESERVATION_WITHOUT_ACT, RESERVATION_BEFORE_ACT), or is not eligible (PARTY_NOT_ELIGIBLE).',
  })
  make(@Param() { id, code }: PartyActParams, @Body() body: MakeReservationRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, {
      type: 'MakeReservation',
      data: { party: code, kind: body.kind, text: body.text, madeOn: body.madeOn, madeAt: body.madeAt ?? null },
    });
  }
}
