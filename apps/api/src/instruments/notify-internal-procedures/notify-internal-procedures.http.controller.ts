import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { PartyActParams } from '../shared/route-params.dto.js';
import { NotifyInternalProceduresRequestDto } from './notify-internal-procedures.request.dto.js';

@ApiTags('party acts')
@Controller('api/instruments')
export class NotifyInternalProceduresHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/parties/:code/notification')
  @HttpCode(201)
  @ApiOperation({ summary: 'Bilateral agreements: record a party’s notification that its internal procedures are complete' })
  notify(
    @Param() { id, code }: PartyActParams,
    @Body() body: NotifyInternalProceduresRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(response, id, { type: 'NotifyInternalProcedures', data: { party: code, notifiedOn: body.notifiedOn } }, request);
  }
}
