import { finalClausesText } from '#libs/entry-into-force';
import { assessInstrument, instrumentTerms, type LegalDate } from '#libs/lifecycle';
import type { EntryIntoForceSupport } from './entry-into-force-support.js';

/** The entry-into-force library behind the documents' port: the default of every DocumentRenderer. */
export const ENTRY_INTO_FORCE_ENGINE: EntryIntoForceSupport = {
  finalClauses: (instrument, wording) => finalClausesText(instrumentTerms(instrument), { instrumentNoun: wording.noun, partyNames: wording.partyNames }),
  assess: (instrument, asOf) => {
    const { entryIntoForce } = assessInstrument(instrument, { asOf });
    const partyDates: Record<string, LegalDate> = {};
    for (const p of entryIntoForce.parties) if (p.entryIntoForceOn) partyDates[p.code] = p.entryIntoForceOn;
    return {
      date: entryIntoForce.date,
      stillRequired: entryIntoForce.date ? 0 : entryIntoForce.stillRequired.instruments,
      partyDates,
    };
  },
};
