import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EntryIntoForceRule, TermTerms, WithdrawalTerms } from '#libs/lifecycle';
import { CommandRequestInfo, type CommandRequest } from '../../common/command-request.js';
import { uuidFromKey } from '../../common/command-runner.js';
import { finalClauseExamples } from '../shared/final-clauses.dto.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { CreateInstrumentRequestDto } from './create-instrument.request.dto.js';

@ApiTags('instruments')
@Controller('api/instruments')
export class CreateInstrumentHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a new instrument (treaty, agreement, MOU, protocol or amendment) at the drafting stage' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating the request with the same key returns the first result.' })
  @ApiBody({
    type: CreateInstrumentRequestDto,
    examples: finalClauseExamples((entryIntoForce) => ({
      kind: 'treaty',
      title: 'Agreement establishing the Caribbean Customs Organization',
      eligibleParties: ['NLD', 'GBR', 'BHS', 'CUB'],
      entryIntoForce,
    })),
  })
  @ApiCreatedResponse({ description: '{ id, revision, position, eventIds }' })
  async create(
    @Body() body: CreateInstrumentRequestDto,
    @CommandRequestInfo() request: CommandRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    // With an Idempotency-Key the id is derived from it, so a retried create finds its first result.
    const id = request.idempotencyKey ? uuidFromKey('instrument', request.idempotencyKey) : randomUUID();
    const result = await this.commands.send(
      response,
      id,
      {
        type: 'CreateInstrument',
        data: {
          instrumentId: id,
          kind: body.kind,
          title: body.title,
          parentId: body.parentId ?? null,
          languages: body.languages ?? [],
          depositary: body.depositary ?? null,
          eligibleParties: body.eligibleParties,
          entryIntoForce: (body.entryIntoForce as EntryIntoForceRule | undefined) ?? null,
          withdrawal: (body.withdrawal as WithdrawalTerms | undefined) ?? null,
          term: (body.term as TermTerms | undefined) ?? null,
          text: body.text ?? null,
          ...(body.preparedOn ? { preparedOn: body.preparedOn } : {}),
        },
      },
      request,
    );
    response.setHeader('Location', `/api/instruments/${id}`);
    return result;
  }
}
