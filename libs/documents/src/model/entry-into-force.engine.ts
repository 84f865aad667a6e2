import { finalClausesText, type InstrumentNoun, type PeriodExplanation } from '#libs/entry-into-force';
import { assessInstrument, instrumentTerms, type Instrument, type LegalDate } from '#libs/lifecycle';
import type { EntryIntoForceSupport, FinalClauseWording } from './entry-into-force-support.js';

/**
 * The library words an MOU's clauses ("shall come into effect", "Participants") when its noun is "Memorandum",
 * as an MOU refers to itself; every other kind is named by its noun ("This Treaty shall enter into force").
 */
const clauseNoun = (instrument: Instrument, wording: FinalClauseWording): InstrumentNoun => (instrument.kind === 'mou' ? 'Memorandum' : wording.noun);

/** The entry-into-force library behind the documents' port: the default of every DocumentRenderer. */
export const ENTRY_INTO_FORCE_ENGINE: EntryIntoForceSupport = {
  finalClauses: (instrument, wording) =>
    finalClausesText(instrumentTerms(instrument), { instrumentNoun: clauseNoun(instrument, wording), partyNames: wording.partyNames }),
  assess: (instrument, asOf) => {
    const { entryIntoForce, term } = assessInstrument(instrument, { asOf });
    const partyDates: Record<string, LegalDate> = {};
    const withdrawalExplanations: Record<string, PeriodExplanation> = {};
    for (const p of entryIntoForce.parties) {
      if (p.entryIntoForceOn) partyDates[p.code] = p.entryIntoForceOn;
      if (p.withdrawalExplanation) withdrawalExplanations[p.code] = p.withdrawalExplanation;
    }
    const e = term?.explanations;
    const termDates = e ? [e.renewal, e.expiry, e.termination].filter((x): x is PeriodExplanation => x !== null) : [];
    return {
      date: entryIntoForce.date,
      stillRequired: entryIntoForce.date ? 0 : entryIntoForce.stillRequired.instruments,
      partyDates,
      explanation: entryIntoForce.explanation,
      withdrawalExplanations,
      termDates,
    };
  },
};
