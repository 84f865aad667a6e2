import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND, InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { DiscardInstrumentRequestDto } from './discard-instrument.request.dto.js';
import { LEGAL_OFFICER } from '../../identity/access-rule.js';

@ApiTags('drafting and review')
@Controller('api/instruments')
export class DiscardInstrumentHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: LEGAL_OFFICER,
    path: ':id/discarding',
    summary: 'Discard a record created by mistake (before adoption): it leaves every list and report, stays in the log, and takes no further act',
    body: DiscardInstrumentRequestDto,
    response: InstrumentCommandResponse,
    notFound: INSTRUMENT_NOT_FOUND,
    conflict: 'The text was adopted already (terminate it instead), or the record is discarded already.',
  })
  discard(@Param() { id }: InstrumentParams, @Body() body: DiscardInstrumentRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, { type: 'DiscardInstrument', data: { reason: body.reason, ...(body.discardedOn ? { discardedOn: body.discardedOn } : {}) } });
  }
}
