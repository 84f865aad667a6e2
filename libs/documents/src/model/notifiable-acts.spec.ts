import { LogBuilder } from '../fixtures/log-builder.fixture.js';
import { DocumentRenderer, instrumentRecord, notifiableActs } from '../index.js';

/** A bilateral agreement: in force on the later of the two notifications that internal procedures are complete. */
const bilateral = () => {
  const log = new LogBuilder();
  const id = '00000000-0000-4000-8000-0000000000b1';
  log.instrument(id, '2021-01-04', {
    type: 'CreateInstrument',
    data: {
      instrumentId: id,
      kind: 'agreement',
      title: 'Agreement between Cuba and Saint Lucia on Mutual Assistance in Customs Matters',
      parent: null,
      languages: ['en', 'es'],
      depositary: null,
      eligibleParties: [
        { code: 'CUB', name: 'Cuba', kind: 'state' },
        { code: 'LCA', name: 'Saint Lucia', kind: 'state' },
      ],
      entryIntoForce: { type: 'bilateral', timing: { kind: 'days-after', days: 30 } },
      text: { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Scope', body: 'The Parties shall assist each other.' }] },
    },
  });
  log.instrument(id, '2021-01-05', { type: 'RequestReview', data: { reviewers: ['r'], note: null } });
  log.instrument(id, '2021-01-06', { type: 'DecideReview', data: { decision: 'approve', comment: null } });
  log.instrument(id, '2021-02-01', { type: 'AdoptText', data: { adoptedOn: '2021-02-01', place: 'Castries', method: 'consensus', votes: null } });
  log.instrument(id, '2021-02-01', { type: 'OpenForSignature', data: { opensOn: '2021-02-01', closesOn: null, place: 'Castries' } });
  log.instrument(id, '2021-02-01', { type: 'SignInstrument', data: { party: 'CUB', signedOn: '2021-02-01', signatory: { name: 'A', title: 'Minister' }, definitive: false, place: null } });
  log.instrument(id, '2021-02-01', { type: 'SignInstrument', data: { party: 'LCA', signedOn: '2021-02-01', signatory: { name: 'B', title: 'Minister' }, definitive: false, place: null } });
  log.instrument(id, '2021-03-10', { type: 'NotifyInternalProcedures', data: { party: 'CUB', notifiedOn: '2021-03-10' } });
  const last = log.instrument(id, '2021-04-12', { type: 'NotifyInternalProcedures', data: { party: 'LCA', notifiedOn: '2021-04-12' } });
  return { record: instrumentRecord(log.stream(id)), lcaNotification: last[0]!.id };
};

/** A multilateral instrument from which a party gives notice of withdrawal, then revokes it (VCLT 68). */
const withdrawalRevoked = () => {
  const log = new LogBuilder();
  const id = '00000000-0000-4000-8000-0000000000b2';
  log.instrument(id, '2021-01-04', {
    type: 'CreateInstrument',
    data: {
      instrumentId: id,
      kind: 'treaty',
      title: 'Convention on Customs Cooperation',
      parent: null,
      languages: ['en'],
      depositary: 'CCLEC',
      eligibleParties: [
        { code: 'CUB', name: 'Cuba', kind: 'state' },
        { code: 'LCA', name: 'Saint Lucia', kind: 'state' },
        { code: 'JAM', name: 'Jamaica', kind: 'state' },
      ],
      entryIntoForce: { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } },
      text: { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Scope', body: 'The Parties shall cooperate.' }] },
    },
  });
  log.instrument(id, '2021-01-05', { type: 'RequestReview', data: { reviewers: ['r'], note: null } });
  log.instrument(id, '2021-01-06', { type: 'DecideReview', data: { decision: 'approve', comment: null } });
  log.instrument(id, '2021-02-01', { type: 'AdoptText', data: { adoptedOn: '2021-02-01', place: 'Castries', method: 'consensus', votes: null } });
  log.instrument(id, '2021-02-01', { type: 'OpenForSignature', data: { opensOn: '2021-02-01', closesOn: null, place: 'Castries' } });
  log.instrument(id, '2021-03-01', { type: 'DepositConsent', data: { party: 'CUB', kind: 'accession', depositedOn: '2021-03-01', domesticActOn: null } });
  log.instrument(id, '2021-04-01', { type: 'DepositConsent', data: { party: 'LCA', kind: 'accession', depositedOn: '2021-04-01', domesticActOn: null } });
  log.instrument(id, '2022-06-01', { type: 'NotifyWithdrawal', data: { party: 'CUB', notifiedOn: '2022-06-01', effectiveOn: null } });
  log.instrument(id, '2022-09-01', { type: 'RevokeWithdrawal', data: { party: 'CUB', revokedOn: '2022-09-01' } });
  return instrumentRecord(log.stream(id));
};

const renderer = new DocumentRenderer();
const notification = (record: ReturnType<typeof withdrawalRevoked>, eventId: string, lang = 'en') =>
  renderer.render({ type: 'notification', record, eventId, format: 'txt', lang }).body;

describe('notifiable acts of a bilateral agreement', () => {
  const { record } = bilateral();
  const acts = notifiableActs(record);

  it('number the notifications of internal procedures and of entry into force, each following the earlier one', () => {
    expect(acts.map((a) => [a.kind, a.party, a.reference, a.follows])).toEqual([
      ['signature', 'CUB', 'DN/2021/1', []],
      ['signature', 'LCA', 'DN/2021/2', []],
      ['internal-procedures', 'CUB', 'DN/2021/3', ['DN/2021/1']],
      ['internal-procedures', 'LCA', 'DN/2021/4', ['DN/2021/2']],
      ['entry-into-force', null, 'DN/2021/5', ['DN/2021/4']],
    ]);
  });

  it('render in depositary style', () => {
    expect(notification(record, acts[3]!.eventId)).toContain('SAINT LUCIA: NOTIFICATION OF COMPLETION OF INTERNAL PROCEDURES');
    expect(notification(record, acts[3]!.eventId, 'es')).toContain('la notificación del cumplimiento de los procedimientos internos');
    expect(notification(record, acts[4]!.eventId)).toContain('The above-mentioned Agreement enters into force on 12 May 2021, in accordance with its final clauses.');
  });

  it('appear in the status table', () => {
    const body = renderer.render({ type: 'status-report', record, asOf: '2021-12-31', format: 'txt' }).body;
    expect(body).toMatch(/Cuba\s+1 February 2021\s+10 March 2021 \(notification of internal[\s\S]+12 May 2021/);
    expect(body).toContain('Entry into force: 12 May 2021.');
    expect(body).toContain('Parties: 2.');
  });
});

describe('a withdrawal and its revocation', () => {
  const record = withdrawalRevoked();
  const acts = notifiableActs(record);

  it('are notified, the revocation following the notice', () => {
    expect(acts.slice(-2).map((a) => [a.kind, a.reference, a.follows])).toEqual([
      ['withdrawal', 'CCLEC/2022/1', ['CCLEC/2021/1']],
      ['withdrawal-revocation', 'CCLEC/2022/2', ['CCLEC/2022/1']],
    ]);
    expect(notification(record, acts.at(-1)!.eventId)).toContain('On 1 September 2022, Cuba revoked its notification of withdrawal from the above-mentioned Treaty');
    expect(notification(record, acts.at(-1)!.eventId, 'fr')).toContain('CUBA : RÉVOCATION DU RETRAIT');
  });

  it('show in the notes as at a date: pending before the revocation, revoked after it', () => {
    const asAt = (asOf: string) => renderer.render({ type: 'status-report', record, asOf, format: 'txt' }).body;
    expect(asAt('2022-07-01')).toContain('Cuba: notice of withdrawal given on 1 June 2022, effective on 1 June 2023.');
    expect(asAt('2022-12-31')).toContain('Cuba: notice of withdrawal given on 1 June 2022, revoked on 1 September 2022.');
    expect(asAt('2023-12-31')).toContain('Parties: 2.');
  });
});
