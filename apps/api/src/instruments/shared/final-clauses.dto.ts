import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { ENTRY_INTO_FORCE_RULE_EXAMPLES, TERM_EXAMPLES, WITHDRAWAL_TERMS_EXAMPLES } from '#libs/entry-into-force';
import type { EntryIntoForceRule, ProvisionalApplicationClause, TermTerms, WithdrawalTerms } from '#libs/lifecycle';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional, OptionalNullable } from '../../common/validation.js';

const shapes = Object.values(ENTRY_INTO_FORCE_RULE_EXAMPLES)
  .map((e) => `- ${e.summary}: \`${JSON.stringify(e.value)}\``)
  .join('\n');

const PROVISIONAL_FROM = ['signature', 'date'] as const;

/** VCLT 25(1)(a): the instrument is applied provisionally by each signatory from its signature, or from a date. */
export class ProvisionalApplicationClauseDto {
  @ApiProperty({ enum: PROVISIONAL_FROM, description: '`signature`: each signatory from its signature; `date`: from `date` (a later signatory from its signature).' })
  @IsIn(PROVISIONAL_FROM)
  from: (typeof PROVISIONAL_FROM)[number];

  @ApiPropertyOptional({ example: '2019-07-01', description: 'Required with from "date", refused otherwise.' })
  @ValidateIf((clause: ProvisionalApplicationClauseDto) => clause.from === 'date' || clause.date !== undefined)
  @IsLegalDate()
  date?: string;
}

/** The clause as the domain takes it; a date sent with from "signature" is passed on, for the domain to refuse by name. */
export const provisionalClauseOf = (dto: ProvisionalApplicationClauseDto | null | undefined): ProvisionalApplicationClause | null | undefined => {
  if (dto === undefined || dto === null) return dto;
  if (dto.from === 'date') return { from: 'date', date: dto.date! };
  return { from: 'signature', ...(dto.date !== undefined ? { date: dto.date } : {}) } as ProvisionalApplicationClause;
};

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

  @ApiPropertyOptional({ type: ProvisionalApplicationClauseDto, nullable: true, description: 'Provisional application under the final clauses (VCLT 25). Default (and null): none; a party may still declare it.' })
  @OptionalNullable()
  @IsObject()
  @ValidateNested()
  @Type(() => ProvisionalApplicationClauseDto)
  provisionalApplication?: ProvisionalApplicationClauseDto | null;
}

/** Request-body examples for OpenAPI: one per rule shape. */
export const finalClauseExamples = (wrap: (rule: unknown) => object) =>
  Object.fromEntries(
    Object.entries(ENTRY_INTO_FORCE_RULE_EXAMPLES).map(([name, e]) => [name, { summary: e.summary, value: wrap(e.value) }]),
  );
