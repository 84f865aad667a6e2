import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { ENTRY_INTO_FORCE_RULE_EXAMPLES, TERM_EXAMPLES, WITHDRAWAL_TERMS_EXAMPLES } from '#libs/entry-into-force';
import type { EntryIntoForceRule, TermTerms, WithdrawalTerms } from '#libs/lifecycle';
import { Optional, OptionalNullable } from '../../common/validation.js';

const shapes = Object.values(ENTRY_INTO_FORCE_RULE_EXAMPLES)
  .map((e) => `- ${e.summary}: \`${JSON.stringify(e.value)}\``)
  .join('\n');

/** The final clauses as data. Their shape is checked by the entry-into-force library (400 names the field). */
export class FinalClausesDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: `The entry-into-force rule. Default: in force on definitive signature by all eligible parties. Shapes:\n${shapes}`,
    example: ENTRY_INTO_FORCE_RULE_EXAMPLES.instrumentsDays.value,
  })
  @Optional()
  @IsObject()
  entryIntoForce?: EntryIntoForceRule;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Withdrawal: notice period and optional lock-in. Default (and null): twelve months (VCLT 56(2)).',
    example: Object.values(WITHDRAWAL_TERMS_EXAMPLES)[0]?.value,
  })
  @OptionalNullable()
  @IsObject()
  withdrawal?: WithdrawalTerms | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'An MOU’s term: effective date, term, automatic renewal, termination on notice. Default (and null): open-ended.',
    example: Object.values(TERM_EXAMPLES)[0]?.value,
  })
  @OptionalNullable()
  @IsObject()
  term?: TermTerms | null;
}

/** Request-body examples for OpenAPI: one per rule shape. */
export const finalClauseExamples = (wrap: (rule: unknown) => object) =>
  Object.fromEntries(
    Object.entries(ENTRY_INTO_FORCE_RULE_EXAMPLES).map(([name, e]) => [name, { summary: e.summary, value: wrap(e.value) }]),
  );
