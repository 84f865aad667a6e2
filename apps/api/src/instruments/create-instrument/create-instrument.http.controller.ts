import { randomUUID } from 'node:crypto';
import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EntryIntoForceRule, TermTerms, WithdrawalTerms } from '#libs/lifecycle';
import { InstrumentCommandResponse } from '../../common/answers.dto.js';
import { HttpWrite } from '../../common/command-request.js';
import { uuidFromKey } from '../../common/command-runner.js';
import { WriteRoute } from '../../common/route-declarations.js';
import { finalClauseExamples, provisionalClauseOf } from '../shared/final-clauses.dto.js';
import { InstrumentCommands } from '../shared/instrument-commands.js';
import { CreateInstrumentRequestDto } from './create-instrument.request.dto.js';
import { LEGAL_OFFICER } from '../../identity/access-rule.js';

@ApiTags('instruments')
@Controller('api/instruments')
export class CreateInstrumentHttpController {
  constructor(private readonly commands: InstrumentCommands) {}

  @WriteRoute({
    access: LEGAL_OFFICER,
    summary: 'Record a new instrument (treaty, agreement, MOU, protocol or amendment) at the drafting stage',
    body: CreateInstrumentRequestDto,
    examples: finalClauseExamples((entryIntoForce) => ({
      kind: 'treaty',
      title: 'Agreement establishing the Caribbean Customs Organization',
      eligibleParties: ['NLD', 'GBR', 'BHS', 'CUB'],
      entryIntoForce,
    })),
    response: InstrumentCommandResponse,
    creates: true,
    notFound: 'An eligible party is not registered (PARTY_NOT_FOUND), or the parent instrument is not recorded (PARENT_NOT_FOUND).',
    conflict: 'An instrument with this id exists already (INSTRUMENT_EXISTS).',
  })
  async create(@Body() body: CreateInstrumentRequestDto, @HttpWrite() write: HttpWrite) {
    const { idempotencyKey } = write.request;
    // With an Idempotency-Key the id is derived from it, so a retried create finds its first result.
    const id = idempotencyKey ? uuidFromKey('instrument', idempotencyKey) : randomUUID();
    const result = await this.commands.send(write, id, {
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
        withdrawal: (body.withdrawal as WithdrawalTerms | null | undefined) ?? null,
        term: (body.term as TermTerms | null | undefined) ?? null,
        provisionalApplication: provisionalClauseOf(body.provisionalApplication) ?? null,
        text: body.text ?? null,
        ...(body.preparedOn ? { preparedOn: body.preparedOn } : {}),
      },
    });
    write.response.setHeader('Location', `/api/instruments/${id}`);
    return result;
  }
}
