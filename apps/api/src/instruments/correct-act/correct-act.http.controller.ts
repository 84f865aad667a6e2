import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND, InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { CorrectActRequestDto } from './correct-act.request.dto.js';
import { CORRECTORS } from '../../identity/access-rule.js';

@ApiTags('corrections')
@Controller('api/instruments')
export class CorrectActHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: CORRECTORS,
    path: ':id/corrections',
    summary: 'Correct a recorded act: a new event names the corrected event and the reason; nothing is rewritten',
    body: CorrectActRequestDto,
    response: InstrumentCommandResponse,
    notFound: INSTRUMENT_NOT_FOUND + ' Also EVENT_NOT_FOUND: no such event on this instrument.',
    conflict: 'The event recorded no act that can be corrected this way, or the corrected act would break a rule (the code names it).',
  })
  correct(@Param() { id }: InstrumentParams, @Body() body: CorrectActRequestDto, @HttpWrite() write: HttpWrite) {
    const { eventId, reason, ...fields } = body;
    // Plain values only, and only the fields the client sent (null clears an optional field).
    const changes = JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
    return this.commands.send(write, id, { type: 'CorrectAct', data: { eventId, reason, changes } });
  }
}
