import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND, InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { TerminateInstrumentRequestDto } from './terminate-instrument.request.dto.js';
import { LEGAL_OFFICER } from '../../identity/access-rule.js';

@ApiTags('adoption and signature')
@Controller('api/instruments')
export class TerminateInstrumentHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: LEGAL_OFFICER,
    path: ':id/termination',
    summary: 'Record the termination of the instrument (VCLT 54); no act can be recorded after it',
    body: TerminateInstrumentRequestDto,
    response: InstrumentCommandResponse,
    notFound: INSTRUMENT_NOT_FOUND,
    conflict: 'The instrument is terminated already, or was never in force (the code names the rule).',
  })
  terminate(@Param() { id }: InstrumentParams, @Body() body: TerminateInstrumentRequestDto, @HttpWrite() write: HttpWrite) {
    return this.commands.send(write, id, { type: 'TerminateInstrument', data: { terminatedOn: body.terminatedOn, reason: body.reason } });
  }
}
