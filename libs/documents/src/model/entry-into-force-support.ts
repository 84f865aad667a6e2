import type { DateExplanation, PeriodExplanation } from '#libs/entry-into-force';
import type { Instrument, LegalDate } from '#libs/lifecycle';
import { boundOn, participationAsAt } from './as-at.js';

/** What the entry-into-force engine knows as at a date. */
export interface EntryIntoForceAssessment {
  /** The general date once the condition is met as at the date (it may still lie ahead: projected); else null. */
  readonly date: LegalDate | null;
  /** Further instruments needed while the condition is unmet; null when unknown. */
  readonly stillRequired: number | null;
  /** Each bound party's own date of entry into force, where one is determined. */
  readonly partyDates: Readonly<Record<string, LegalDate>>;
  /** Why the general date is what it is (absent where the engine gives none). */
  readonly explanation?: DateExplanation | null;
  /** Why each party's withdrawal takes effect when it does, by party code. */
  readonly withdrawalExplanations?: Readonly<Record<string, PeriodExplanation>>;
  /** An MOU's term dates as at the date, each with its explanation: next renewal, end of the term, termination after notice. */
  readonly termDates?: readonly PeriodExplanation[];
}

/** How the final clauses name the instrument and the parties. */
export interface FinalClauseWording {
  /** The English noun of the instrument's kind ("Treaty", "Memorandum of Understanding"), from INSTRUMENT_NOUNS. */
  readonly noun: string;
  readonly partyNames: Readonly<Record<string, string>>;
}

/**
 * The documents' port onto the entry-into-force engine. Both parts are optional: without `finalClauses`
 * the text has no final clauses and the status report summarises the rule itself; without `assess` the
 * documents show only the determination recorded in the log and omit the instruments still required.
 */
export interface EntryIntoForceSupport {
  /** The final clauses in English, one paragraph each; the first is the clause on entry into force. */
  readonly finalClauses?: (instrument: Instrument, wording: FinalClauseWording) => readonly string[];
  readonly assess?: (instrument: Instrument, asOf: LegalDate) => EntryIntoForceAssessment | null;
}

/**
 * From the log alone: the recorded determination counts once its date has come; parties bound by then share
 * it. Later parties' own dates need the rule's evaluator, so they stay blank here.
 */
export const assessFromLog = (state: Instrument, asOf: LegalDate): EntryIntoForceAssessment => {
  const date = state.entryIntoForce && state.entryIntoForce.date <= asOf ? state.entryIntoForce.date : null;
  const partyDates: Record<string, LegalDate> = {};
  if (date) {
    for (const p of participationAsAt(state, asOf)) {
      const bound = boundOn(p);
      if (bound && bound <= date) partyDates[p.code] = date;
    }
  }
  return { date, stillRequired: null, partyDates };
};

export const assess = (support: EntryIntoForceSupport, state: Instrument, asOf: LegalDate): EntryIntoForceAssessment =>
  support.assess?.(state, asOf) ?? assessFromLog(state, asOf);
