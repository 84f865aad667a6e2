import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { FinalClausesDto, finalClauseExamples } from '../shared/final-clauses.dto.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';

@ApiTags('entry into force')
@Controller('api/instruments')
export class ReviseFinalClausesHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post(':id/final-clauses')
  @HttpCode(201)
  @ApiOperation({ summary: 'Revise the final clauses (entry-into-force rule, withdrawal, MOU term) until the text is adopted; clauses left out stay as they are; each revision is an event' })
  @ApiBody({ type: FinalClausesDto, examples: finalClauseExamples((entryIntoForce) => ({ entryIntoForce })) })
  revise(
    @Param() { id }: InstrumentParams,
    @Body() body: FinalClausesDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.commands.send(
      response,
      id,
      // Clauses left out of the body stay as they are.
      { type: 'ReviseFinalClauses', data: { entryIntoForce: body.entryIntoForce, withdrawal: body.withdrawal, term: body.term } },
      request,
    );
  }
}
