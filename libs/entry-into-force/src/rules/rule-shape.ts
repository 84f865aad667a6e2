/**
 * What one shape of rule on entry into force supplies: its fields, its checks, its general condition, each
 * party's own date and its paragraph in words. The registry (rule-shapes.ts) holds one per rule type, and
 * validation, evaluation and the final-clause text dispatch through it.
 */
import type { AssessmentFlag } from '../assessment-flag.js';
import type { LegalDate } from '../calendar.js';
import type { Act } from '../counting.js';
import type { EntryIntoForceAssessment, InstrumentFacts, PartyFacts, Trigger } from '../entry-into-force.assessment.js';
import type { ClauseWords } from '../final-clause.words.js';
import type { Json, Validation } from '../validation.js';
import type { WithdrawalTerms } from '../withdrawal.terms.js';

/** What an evaluation reads: the facts as at the reference date, the withdrawal terms, and where flags go. */
export interface EvaluationContext {
  readonly parties: readonly PartyFacts[];
  readonly facts: InstrumentFacts;
  /** asOf, or far in the future when evaluating every recorded act. */
  readonly reference: LegalDate;
  readonly withdrawal: WithdrawalTerms | undefined;
  readonly flags: AssessmentFlag[];
}

/** The general condition under one shape: the date, the act that met it, and the counts the assessment reports. */
export interface GeneralResult
  extends Pick<
    EntryIntoForceAssessment,
    'date' | 'instrumentsRequired' | 'instrumentsDeposited' | 'qualifyingDeposited' | 'weightPercent' | 'shareDenominator' | 'stillRequired' | 'awaiting'
  > {
  readonly trigger: Trigger | null;
  /** Parties whose act counts towards the condition. */
  readonly counted: ReadonlySet<string>;
}

export interface RuleShape<R extends { readonly type: string }> {
  /** Every field a rule of this shape may hold, `type` included; any other is refused. */
  readonly fields: { readonly [K in keyof R]-?: true };
  /** The shape's own checks, once the type is known and unknown fields are reported. */
  readonly validate: (value: Json, path: string, v: Validation) => void;
  readonly evaluate: (rule: R, ctx: EvaluationContext) => GeneralResult;
  /** The act by which a party is bound under this shape (null: not bound). */
  readonly boundBy: (party: PartyFacts, index: number) => Act | null;
  /** A bound party's own date, once the general date is known. */
  readonly partyEntryIntoForce: (rule: R, general: GeneralResult & { readonly date: LegalDate }, party: PartyFacts, bound: Act) => LegalDate | null;
  /** The sentences of the entry-into-force paragraph. */
  readonly clause: (rule: R, w: ClauseWords) => readonly string[];
}
