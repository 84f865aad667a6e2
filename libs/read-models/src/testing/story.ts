/** A small treaty story as events (test helper): the projection specs check their documents against it. */
import type { ConsentKind, EligibleParty, EntryIntoForceRule, InstrumentEvent, PartyEvent, TermTerms, WithdrawalTerms } from '#libs/lifecycle';
import { EventLog } from './event-log.js';

export const PARTIES: readonly EligibleParty[] = [
  { code: 'JAM', name: 'Jamaica', kind: 'state' },
  { code: 'CUB', name: 'Cuba', kind: 'state' },
  { code: 'VGB', name: 'British Virgin Islands', kind: 'territory' },
];

export const TREATY = '8b0c8a4e-0000-4000-8000-000000000001';

/** Event ids of the story's acts (the store wants UUIDs). */
export const IDS = {
  jamSigned: '00000000-0000-4000-8000-0000000000a1',
  cubSigned: '00000000-0000-4000-8000-0000000000a2',
  jamReservation: '00000000-0000-4000-8000-0000000000a3',
  cubDeclaration: '00000000-0000-4000-8000-0000000000a4',
  cubRatified: '00000000-0000-4000-8000-0000000000a5',
  jamCorrected: '00000000-0000-4000-8000-0000000000a6',
} as const;

export const ev = {
  created: (
    instrumentId = TREATY,
    eligibleParties = PARTIES,
    kind: 'treaty' | 'mou' | 'agreement' = 'treaty',
    clauses: { entryIntoForce?: EntryIntoForceRule; withdrawal?: WithdrawalTerms; term?: TermTerms } = {},
  ): InstrumentEvent => ({
    type: 'InstrumentCreated.v1',
    data: {
      instrumentId,
      kind,
      title: 'Treaty establishing the Caribbean Customs Organization',
      parentId: null,
      languages: ['en'],
      depositary: 'CCLEC Secretariat',
      eligibleParties,
      entryIntoForce: clauses.entryIntoForce ?? { type: 'definitive-signature-by-all' },
      ...(clauses.withdrawal ? { withdrawal: clauses.withdrawal } : {}),
      ...(clauses.term ? { term: clauses.term } : {}),
      createdOn: '2016-09-01',
    },
  }),
  revised: (entryIntoForce: EntryIntoForceRule, withdrawal: WithdrawalTerms | null = null, term: TermTerms | null = null): InstrumentEvent => ({
    type: 'FinalClausesRevised.v1',
    data: { entryIntoForce, withdrawal, term },
  }),
  notified: (party: string, notifiedOn: string): InstrumentEvent => ({ type: 'InternalProceduresNotified.v1', data: { party, notifiedOn } }),
  revoked: (party: string, revokedOn: string): InstrumentEvent => ({ type: 'WithdrawalRevoked.v1', data: { party, revokedOn } }),
  terminationNotice: (party: string, notifiedOn: string, namedEffectiveOn: string | null = null): InstrumentEvent => ({
    type: 'TerminationNotified.v1',
    data: { party, notifiedOn, namedEffectiveOn },
  }),
  determinationRevoked: (supersedes: string): InstrumentEvent => ({
    type: 'EntryIntoForceDeterminationRevoked.v1',
    data: { supersedes, reason: 'A correction took away what met the condition.' },
  }),
  draft: (version: number, preparedOn = '2016-06-01'): InstrumentEvent => ({
    type: 'DraftVersionRecorded.v2',
    data: { version, text: { preamble: 'The Parties...', articles: [{ number: '1', heading: 'Establishment', body: 'Long text...' }] }, summary: `Draft ${version}`, preparedOn },
  }),
  reviewRequested: (round = 1, reviewers = ['legal@cclec.org']): InstrumentEvent => ({
    type: 'ReviewRequested.v1',
    data: { round, version: round, reviewers, note: null },
  }),
  comment: (round = 1): InstrumentEvent => ({ type: 'ReviewCommentAdded.v1', data: { round, author: 'legal', text: 'Fine.', article: '1' } }),
  decided: (round = 1, decision: 'approve' | 'request-changes' = 'approve'): InstrumentEvent => ({
    type: 'ReviewDecided.v1',
    data: { round, decision, comment: null },
  }),
  adopted: (adoptedOn = '2017-05-10'): InstrumentEvent => ({
    type: 'TextAdopted.v1',
    data: { adoptedOn, place: 'Port of Spain', method: 'consensus', votes: null, version: 1 },
  }),
  opened: (opensOn = '2019-05-22', closesOn: string | null = null): InstrumentEvent => ({
    type: 'SignatureOpened.v1',
    data: { opensOn, closesOn, place: 'Havana' },
  }),
  signed: (party: string, signedOn = '2019-05-22', definitive = false): InstrumentEvent => ({
    type: 'InstrumentSigned.v1',
    data: { party, signedOn, signatory: { name: `Minister of ${party}`, title: 'Minister' }, definitive, place: 'Havana' },
  }),
  consent: (party: string, depositedOn: string, kind: ConsentKind = 'ratification', domesticActOn: string | null = null): InstrumentEvent => ({
    type: 'ConsentDeposited.v1',
    data: { party, kind, depositedOn, domesticActOn },
  }),
  reservation: (party: string, madeOn: string, kind: 'reservation' | 'declaration' = 'reservation'): InstrumentEvent => ({
    type: 'ReservationMade.v1',
    data: { party, kind, text: `${party} reserves article 5.`, madeOn, madeAt: 'signature' },
  }),
  withdrawal: (party: string, notifiedOn: string, effectiveOn: string): InstrumentEvent => ({
    type: 'WithdrawalNotified.v1',
    data: { party, notifiedOn, effectiveOn },
  }),
  inForce: (date: string, supersedes: string | null = null, rule = 'definitive-signature-by-all'): InstrumentEvent => ({
    type: 'EntryIntoForceDetermined.v1',
    data: { date, rule, supersedes },
  }),
  terminated: (terminatedOn: string): InstrumentEvent => ({ type: 'InstrumentTerminated.v1', data: { terminatedOn, reason: 'Superseded.' } }),
  corrected: (correctedEventId: string, correctedType: string, changes: Record<string, unknown>): InstrumentEvent =>
    ({ type: 'ActCorrected.v1', data: { correctedEventId, correctedType, reason: 'Date misread from the note verbale.', changes } }) as InstrumentEvent,
  registered: (code: string, name: string, kind: 'state' | 'territory' | 'organisation' = 'state'): PartyEvent => ({
    type: 'PartyRegistered.v1',
    data: { code, name, kind },
  }),
};

/**
 * The treaty from creation to Cuba's ratification, with a reservation, a declaration, and a correction of
 * Jamaica's signature date (under the final clauses given, by default all must be bound). Returns the log and
 * the ids of the acts a test may want to name.
 */
export const treatyStory = (clauses: Parameters<typeof ev.created>[3] = {}) => {
  const log = new EventLog();
  for (const p of PARTIES) log.party(ev.registered(p.code, p.name, p.kind));
  const t = (event: InstrumentEvent, id?: string) => log.instrument(TREATY, event, id ? { id } : {});
  t(ev.created(TREATY, PARTIES, 'treaty', clauses));
  t(ev.draft(1));
  t(ev.reviewRequested());
  t(ev.comment());
  t(ev.decided());
  t(ev.adopted());
  t(ev.opened());
  t(ev.signed('JAM', '2019-05-23'), IDS.jamSigned);
  t(ev.signed('CUB', '2019-05-22'), IDS.cubSigned);
  t(ev.reservation('JAM', '2019-05-23'), IDS.jamReservation);
  t(ev.reservation('CUB', '2019-05-22', 'declaration'), IDS.cubDeclaration);
  t(ev.consent('CUB', '2019-11-01', 'ratification', '2019-10-15'), IDS.cubRatified);
  t(ev.corrected(IDS.jamSigned, 'InstrumentSigned.v1', { signedOn: '2019-05-22' }), IDS.jamCorrected);
  return { log, ids: IDS };
};
