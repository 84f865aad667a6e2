import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DraftRecordedResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND, InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { RecordDraftRequestDto } from './record-draft.request.dto.js';
import { LEGAL_OFFICER } from '../../identity/access-rule.js';

@ApiTags('drafting')
@Controller('api/instruments')
export class RecordDraftHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: LEGAL_OFFICER,
    path: ':id/drafts',
    summary: 'Record a new draft version of the whole text; answers with its version number',
    body: RecordDraftRequestDto,
    response: DraftRecordedResponse,
    notFound: INSTRUMENT_NOT_FOUND,
    conflict: 'The text is in review or adopted already (ILLEGAL_STAGE).',
  })
  async record(@Param() { id }: InstrumentParams, @Body() body: RecordDraftRequestDto, @HttpWrite() write: HttpWrite): Promise<DraftRecordedResponse> {
    const preparedOn = body.preparedOn ? { preparedOn: body.preparedOn } : {};
    const result = await this.commands.send(write, id, { type: 'RecordDraft', data: { text: body.text, summary: body.summary, ...preparedOn } });
    const draft = result.events.find((e) => e.type === 'DraftVersionRecorded.v2');
    return { ...result, version: Number(draft?.data.version) };
  }
}
