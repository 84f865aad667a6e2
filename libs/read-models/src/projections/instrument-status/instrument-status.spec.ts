import { EventLog, project } from '../../testing/event-log.js';
import { expectReplayChangesNothing } from '../../testing/replay-check.js';
import { ev, PARTIES, TREATY, treatyStory } from '../../testing/story.js';
import { INSTRUMENT_STATUS, instrumentStatusProjection, type InstrumentStatusDoc } from './instrument-status.projection.js';
import { presentStatus } from './instrument-status.view.js';

const statusAfter = async (log: EventLog, id = TREATY) => {
  const store = await project(log.events, [instrumentStatusProjection]);
  const doc = await store.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS).findOne({ _id: id });
  expect(doc).not.toBeNull();
  return doc!;
};

describe('instrument status projection', () => {
  it('shows kind, title, stage, draft, adoption, opening and counts of the acts, with the correction applied', async () => {
    const { log } = treatyStory();
    const view = presentStatus(await statusAfter(log), '2024-01-01');
    expect(view).toMatchObject({
      id: TREATY,
      kind: 'treaty',
      title: 'Treaty establishing the Caribbean Customs Organization',
      stage: 'open-for-signature',
      currentDraftVersion: 1,
      adoption: { adoptedOn: '2017-05-10', place: 'Port of Spain', method: 'consensus', votes: null, version: 1 },
      opening: { opensOn: '2019-05-22', closesOn: null, place: 'Havana' },
      eligibleParties: 3,
      signatures: { total: 2, definitive: 0 },
      consents: { total: 1, byKind: { ratification: 1, accession: 0 } },
      reservations: { reservations: 1, declarations: 1 },
      withdrawals: { notified: 0, effective: 0 },
      entryIntoForce: { status: 'not-yet-in-force', date: null, rule: 'definitive-signature-by-all' },
      termination: null,
      lastAct: { type: 'ActCorrected.v1' },
    });
  });

  it('answers as at a date: acts dated later are not counted, and the stage is the one of that date', async () => {
    const { log } = treatyStory();
    const doc = await statusAfter(log);
    // Jamaica's signature was corrected from 23 to 22 May: it counts on the 22nd
    expect(presentStatus(doc, '2019-05-22')).toMatchObject({ stage: 'open-for-signature', signatures: { total: 2 }, consents: { total: 0 }, reservations: { reservations: 0, declarations: 1 } });
    expect(presentStatus(doc, '2018-01-01')).toMatchObject({ stage: 'adopted', signatures: { total: 0 }, opening: null, adoption: { adoptedOn: '2017-05-10' } });
    expect(presentStatus(doc, '2017-01-01')).toMatchObject({ stage: 'approved', adoption: null });
  });

  it('follows the review: in review, back to drafting on request for changes, approved', async () => {
    const log = new EventLog();
    log.instrument(TREATY, ev.created());
    log.instrument(TREATY, ev.draft(1));
    log.instrument(TREATY, ev.reviewRequested(1));
    expect((await statusAfter(log)).stage).toBe('in-review');
    log.instrument(TREATY, ev.decided(1, 'request-changes'));
    expect((await statusAfter(log)).stage).toBe('drafting');
    log.instrument(TREATY, ev.draft(2));
    log.instrument(TREATY, ev.reviewRequested(2));
    log.instrument(TREATY, ev.decided(2, 'approve'));
    const doc = await statusAfter(log);
    expect(doc).toMatchObject({ stage: 'approved', currentDraftVersion: 2 });
  });

  it('shows entry into force from the determination, not yet before its date, and termination', async () => {
    const log = new EventLog();
    const t = (e: Parameters<EventLog['instrument']>[1], metadata?: { recordedAt: string }) => log.instrument(TREATY, e, metadata ? { metadata } : {});
    t(ev.created(TREATY, PARTIES.slice(0, 2), 'mou'));
    t(ev.opened('2020-01-01'));
    t(ev.signed('JAM', '2020-02-01', true));
    t(ev.signed('CUB', '2020-03-01', true));
    t(ev.inForce('2020-03-01'), { recordedAt: '2020-03-02T10:00:00.000Z' });
    const doc = await statusAfter(log);
    expect(presentStatus(doc, '2021-01-01')).toMatchObject({
      stage: 'in-force',
      signatures: { total: 2, definitive: 2 },
      entryIntoForce: { status: 'in-force', date: '2020-03-01' },
    });
    expect(presentStatus(doc, '2020-02-15')).toMatchObject({ stage: 'open-for-signature', entryIntoForce: { status: 'not-yet-in-force', date: null } });
    t(ev.terminated('2023-06-30'));
    const ended = await statusAfter(log);
    expect(presentStatus(ended, '2024-01-01')).toMatchObject({ stage: 'terminated', termination: { terminatedOn: '2023-06-30' } });
    expect(presentStatus(ended, '2023-01-01')).toMatchObject({ stage: 'in-force', termination: null });
  });

  it('follows revised final clauses, notifications, revoked withdrawals and a revoked determination', async () => {
    const log = new EventLog();
    const t = (e: Parameters<EventLog['instrument']>[1]) => log.instrument(TREATY, e);
    t(ev.created(TREATY, PARTIES.slice(0, 2), 'mou'));
    t({ type: 'FinalClausesRevised.v1', data: { entryIntoForce: { type: 'on-signature' } as never, withdrawal: null, term: null } });
    t(ev.opened('2020-01-01'));
    t(ev.signed('JAM', '2020-02-01', true));
    t({ type: 'InternalProceduresNotified.v1', data: { party: 'JAM', notifiedOn: '2020-02-05' } });
    t(ev.withdrawal('JAM', '2021-01-01', '2022-01-01'));
    t({ type: 'WithdrawalRevoked.v1', data: { party: 'JAM', revokedOn: '2021-06-01' } });
    const determined = t(ev.inForce('2020-02-01'));
    t({ type: 'EntryIntoForceDeterminationRevoked.v1', data: { supersedes: determined.id, reason: 'Signature corrected.' } });
    const doc = await statusAfter(log);
    expect(doc).toMatchObject({ stage: 'open-for-signature', entryIntoForce: null, entryIntoForceRule: 'on-signature' });
    expect(presentStatus(doc, '2021-03-01')).toMatchObject({ withdrawals: { notified: 1, effective: 0 }, internalProceduresNotified: 1 });
    expect(presentStatus(doc, '2023-01-01')).toMatchObject({ withdrawals: { notified: 0, effective: 0 }, entryIntoForce: { status: 'not-yet-in-force', date: null } });
  });

  it('recounts consents by kind when a correction changes the kind', async () => {
    const { log, ids } = treatyStory();
    log.instrument(TREATY, ev.corrected(ids.cubRatified, 'ConsentDeposited.v1', { kind: 'acceptance', depositedOn: '2019-12-01' }));
    const view = presentStatus(await statusAfter(log), '2024-01-01');
    expect(view.consents.byKind).toMatchObject({ ratification: 0, acceptance: 1 });
    expect(presentStatus(await statusAfter(log), '2019-11-15').consents.total).toBe(0);
  });

  it('replaying the events changes nothing', async () => {
    const { log } = treatyStory();
    await expectReplayChangesNothing(instrumentStatusProjection, log.events);
  });
});
