import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { DiscardInstrumentRequestDto } from './discard-instrument.request.dto.js';

@ApiTags('drafting and review')
@Controller('api/instruments')
export class DiscardInstrumentHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/discarding')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Discard a record created by mistake (before adoption): it leaves every list and report, stays in the log, and takes no further act',
  })
  discard(
    @Param() { id }: InstrumentParams,
    @Body() body: DiscardInstrumentRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(response, id, { type: 'DiscardInstrument', data: { reason: body.reason, ...(body.discardedOn ? { discardedOn: body.discardedOn } : {}) } }, request);
  }
}
