import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { FinalClausesDto, finalClauseExamples, provisionalClauseOf } from '../shared/final-clauses.dto.js';
import { INSTRUMENT_NOT_FOUND, InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { LEGAL_OFFICER } from '../../identity/access-rule.js';

@ApiTags('entry into force')
@Controller('api/instruments')
export class ReviseFinalClausesHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: LEGAL_OFFICER,
    path: ':id/final-clauses',
    summary: 'Revise the final clauses (entry-into-force rule, withdrawal, MOU term, provisional application) until the text is adopted; clauses left out stay as they are; each revision is an event',
    body: FinalClausesDto,
    examples: finalClauseExamples((entryIntoForce) => ({ entryIntoForce })),
    response: InstrumentCommandResponse,
    notFound: INSTRUMENT_NOT_FOUND,
    conflict: 'The text is adopted already (ILLEGAL_STAGE).',
  })
  revise(@Param() { id }: InstrumentParams, @Body() body: FinalClausesDto, @HttpWrite() write: HttpWrite) {
    // Clauses left out of the body stay as they are.
    return this.commands.send(write, id, { type: 'ReviseFinalClauses', data: {
        entryIntoForce: body.entryIntoForce,
        withdrawal: body.withdrawal,
        term: body.term,
        ...(body.provisionalApplication !== undefined ? { provisionalApplication: provisionalClauseOf(body.provisionalApplication) } : {}),
      },
    });
  }
}
