import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { MakeReservationRequestDto } from './make-reservation.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class MakeReservationHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/parties/:code/reservations')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a reservation or declaration made at signature or at deposit (VCLT 19-23)' })
  make(
    @Param() { id, code }: PartyActParams,
    @Body() body: MakeReservationRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(
      response,
      id,
      { type: 'MakeReservation', data: { party: code, kind: body.kind, text: body.text, madeOn: body.madeOn, madeAt: body.madeAt ?? null } },
      request,
    );
  }
}
