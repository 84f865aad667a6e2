import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { CorrectActRequestDto } from './correct-act.request.dto.js';

@ApiTags('corrections')
@Controller('api/instruments')
export class CorrectActHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/corrections')
  @HttpCode(201)
  @ApiOperation({ summary: 'Correct a recorded act: a new event names the corrected event and the reason; nothing is rewritten' })
  correct(
    @Param() { id }: InstrumentParams,
    @Body() body: CorrectActRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { eventId, reason, ...fields } = body;
    // Plain values only, and only the fields the client sent (null clears an optional date).
    const changes = JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
    return this.commands.send(response, id, { type: 'CorrectAct', data: { eventId, reason, changes } }, request);
  }
}
