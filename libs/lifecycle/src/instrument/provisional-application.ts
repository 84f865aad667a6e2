/**
 * Provisional application (VCLT 25) as at a date: by the final clauses (every signatory from signature, or from
 * a date) or by the party's own declaration; it ends when the instrument enters into force for the party, or
 * when the party notifies that it will not become a party.
 */
import { latestDate, validateProvisionalApplicationTerms } from '#libs/entry-into-force';
import { invalid } from '../shared/domain-error.js';
import type { LegalDate } from '../shared/event.js';
import type { ProvisionalApplicationClause } from './instrument.events.js';
import type { Instrument } from './instrument.state.js';

export interface ProvisionalApplicationStatus {
  readonly basis: 'final-clauses' | 'declaration';
  readonly since: LegalDate;
  /** The day it ended, when that is on or before the date asked (entry into force for the party, or its notice). */
  readonly endedOn: LegalDate | null;
  readonly endedBy: 'entry-into-force' | 'notice' | null;
  /** Whether the party applied the instrument provisionally on the date asked. */
  readonly applied: boolean;
}

/** The clause is checked by the library that writes it out; the first problem names its field. */
export const requireProvisionalClause = (clause: ProvisionalApplicationClause): void => {
  const problems = validateProvisionalApplicationTerms(clause);
  if (problems.length) throw invalid(problems[0]!.path, `The final clauses are not valid: ${problems.map((p) => p.message).join('; ')}.`, 'INVALID_FINAL_CLAUSES');
};

/** Where the final clauses provide for it: from the party's signature, or from the clause's date if it signed before. */
const byClause = (state: Instrument, party: string): LegalDate | null => {
  const clause = state.provisionalApplication;
  const signedOn = state.participants[party]?.signature?.signedOn;
  if (!clause || !signedOn) return null;
  return clause.from === 'signature' ? signedOn : latestDate(clause.date, signedOn)!;
};

/** The day provisional application began (or begins) for the party, and on which basis; null when it has none. */
export const provisionalApplicationStart = (state: Instrument, party: string): { since: LegalDate; basis: ProvisionalApplicationStatus['basis'] } | null => {
  const clause = byClause(state, party);
  const declared = state.participants[party]?.provisionalApplication?.appliesFrom ?? null;
  if (clause && (!declared || clause <= declared)) return { since: clause, basis: 'final-clauses' };
  return declared ? { since: declared, basis: 'declaration' } : null;
};

/** As at `asOf` (acts dated later unseen); `entryIntoForceOn` is the instrument's own date for the party. */
export const provisionalApplicationAsOf = (
  state: Instrument,
  party: string,
  entryIntoForceOn: LegalDate | null,
  asOf: LegalDate,
): ProvisionalApplicationStatus | null => {
  const p = state.participants[party];
  // A declaration counts from its notification; a signature from its date.
  const seen: Instrument =
    p?.provisionalApplication && p.provisionalApplication.notifiedOn > asOf
      ? { ...state, participants: { ...state.participants, [party]: { ...p, provisionalApplication: null } } }
      : state;
  const start = provisionalApplicationStart(seen, party);
  // A clause's date is never before the signature it runs from, so `since` alone says whether it had begun.
  if (!start || start.since > asOf) return null;
  const notice = p?.provisionalApplicationEnded?.notifiedOn ?? null;
  const ends = [
    entryIntoForceOn ? { on: entryIntoForceOn, by: 'entry-into-force' as const } : null,
    notice ? { on: notice, by: 'notice' as const } : null,
  ]
    .filter((e): e is { on: LegalDate; by: 'entry-into-force' | 'notice' } => !!e && e.on <= asOf)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const end = ends[0] ?? null;
  return { basis: start.basis, since: start.since, endedOn: end?.on ?? null, endedBy: end?.by ?? null, applied: end === null };
};
