import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { defaultRule } from '#libs/entry-into-force';
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
  @ApiOperation({ summary: 'Revise the final clauses (entry-into-force rule, withdrawal, MOU term) until the text is adopted; each revision is an event' })
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
      { type: 'ReviseFinalClauses', data: { entryIntoForce: body.entryIntoForce ?? defaultRule, withdrawal: body.withdrawal ?? null, term: body.term ?? null } },
      request,
    );
  }
}
