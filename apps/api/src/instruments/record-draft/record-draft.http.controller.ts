import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { RecordDraftRequestDto } from './record-draft.request.dto.js';

@ApiTags('drafting')
@Controller('api/instruments')
export class RecordDraftHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/drafts')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a new draft version of the whole text; answers with its version number' })
  async record(
    @Param() { id }: InstrumentParams,
    @Body() body: RecordDraftRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.send(response, id, { type: 'RecordDraft', data: { text: body.text, summary: body.summary, ...(body.preparedOn ? { preparedOn: body.preparedOn } : {}) } }, request);
    const draft = result.events.find((e) => e.type === 'DraftVersionRecorded.v2');
    return { ...result, version: draft?.data.version };
  }
}
