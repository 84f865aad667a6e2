import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { TerminateInstrumentRequestDto } from './terminate-instrument.request.dto.js';

@ApiTags('adoption and signature')
@Controller('api/instruments')
export class TerminateInstrumentHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/termination')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record the termination of the instrument (VCLT 54); no act can be recorded after it' })
  terminate(
    @Param() { id }: InstrumentParams,
    @Body() body: TerminateInstrumentRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(response, id, { type: 'TerminateInstrument', data: { terminatedOn: body.terminatedOn, reason: body.reason } }, request);
  }
}
