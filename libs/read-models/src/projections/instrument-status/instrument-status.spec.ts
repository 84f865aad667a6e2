import type { EntryIntoForceRule, Instrument, InstrumentEvent } from '#libs/lifecycle';
import { EventLog, project } from '../../testing/event-log.js';
import { expectReplayChangesNothing } from '../../testing/replay-check.js';
import { ev, IDS, PARTIES, TREATY, treatyStory } from '../../testing/story.js';
import { foldInstrument } from '../../time-travel.js';
import { INSTRUMENT_STATUS, instrumentStatusProjection, statusFieldsOf, type InstrumentStatusDoc } from './instrument-status.projection.js';
import { ACT_DATE_FIELD } from '../projection.js';
import { presentStatus } from './instrument-status.view.js';

const statusAfter = async (log: EventLog, id = TREATY) => {
  const store = await project(log.events, [instrumentStatusProjection]);
  const doc = await store.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS).findOne({ _id: id });
  expect(doc).not.toBeNull();
  return doc!;
};

/** Ten-and-thirty, in small: two instruments, in force on the thirtieth day after the second. */
const TWO_THEN_THIRTY: EntryIntoForceRule = { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } };

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
      termination: null,
      term: null,
      lastAct: { type: 'ActCorrected.v1' },
    });
    // every party must be bound: Cuba is (ratification); Jamaica and the Virgin Islands are awaited
    expect(view.entryIntoForce).toEqual({
      rule: 'definitive-signature-by-all',
      status: 'not-in-force',
      date: null,
      explanation: null,
      triggerMetOn: null,
      triggeredBy: null,
      instrumentsRequired: 3,
      instrumentsDeposited: 1,
      qualifyingDeposited: null,
      weightPercent: null,
      shareDenominator: null,
      stillRequired: { instruments: 2, qualifying: null, weightPercent: null },
      awaiting: ['JAM', 'VGB'],
      flags: [],
    });
  });

  it('keeps the domain’s own instrument fields: the document equals the fold of the stream, corrections included', async () => {
    const { log } = treatyStory({ entryIntoForce: TWO_THEN_THIRTY, withdrawal: { notice: 'days', period: 90 } });
    log.instrument(TREATY, ev.consent('JAM', '2020-01-15'));
    log.instrument(TREATY, ev.corrected(IDS.cubRatified, 'ConsentDeposited.v1', { kind: 'acceptance', depositedOn: '2019-12-01' }));
    log.instrument(TREATY, ev.withdrawal('CUB', '2022-01-10', '2022-04-10'));
    log.instrument(TREATY, ev.revoked('CUB', '2022-02-01'));
    const doc = await statusAfter(log);
    const { _id, _position, currentDraftVersion, updatedAt, timeline, appliedThrough, ...fields } = doc;
    const instrumentEvents = log.events.filter((e) => e.stream === `instrument-${TREATY}`);
    expect(fields).toEqual(statusFieldsOf(foldInstrument(instrumentEvents) as Instrument));
    expect(doc).toMatchObject({
      entryIntoForceRule: TWO_THEN_THIRTY,
      withdrawalTerms: { notice: 'days', period: 90 },
      eligible: PARTIES,
      parties: { CUB: { consent: { kind: 'acceptance', depositedOn: '2019-12-01' }, withdrawal: { revokedOn: '2022-02-01' } } },
    });
    expect(Object.keys(doc.acts)).toEqual(instrumentEvents.filter((e) => e.id in doc.acts).map((e) => e.id)); // recording order
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

  it('gives entry into force as at the date asked: not in force, then pending with the projected date, then in force', async () => {
    const { log } = treatyStory({ entryIntoForce: TWO_THEN_THIRTY });
    log.instrument(TREATY, ev.consent('JAM', '2020-01-15'));
    log.instrument(TREATY, ev.inForce('2020-02-14', null, 'instruments'));
    const doc = await statusAfter(log);
    expect(presentStatus(doc, '2020-01-01')).toMatchObject({
      stage: 'open-for-signature',
      entryIntoForce: { rule: 'instruments', status: 'not-in-force', date: null, triggeredBy: null, instrumentsRequired: 2, instrumentsDeposited: 1, stillRequired: { instruments: 1 } },
    });
    // the condition is met on the 15th (the second deposit), the date is thirty days later
    expect(presentStatus(doc, '2020-01-20')).toMatchObject({
      stage: 'open-for-signature',
      entryIntoForce: {
        status: 'pending',
        date: '2020-02-14',
        triggerMetOn: '2020-01-15',
        triggeredBy: { act: 'deposit', party: 'JAM', on: '2020-01-15', position: 2 },
        instrumentsDeposited: 2,
        stillRequired: { instruments: 0 },
      },
    });
    expect(presentStatus(doc, '2020-02-14')).toMatchObject({ stage: 'in-force', entryIntoForce: { status: 'in-force', date: '2020-02-14' } });
  });

  it('moves the date when a correction moves the deposit that met the condition', async () => {
    const { log } = treatyStory({ entryIntoForce: TWO_THEN_THIRTY });
    const jam = log.instrument(TREATY, ev.consent('JAM', '2020-01-15'));
    log.instrument(TREATY, ev.corrected(jam.id, 'ConsentDeposited.v1', { depositedOn: '2020-03-01' }));
    const doc = await statusAfter(log);
    expect(presentStatus(doc, '2020-02-20').entryIntoForce).toMatchObject({ status: 'not-in-force', date: null, stillRequired: { instruments: 1 } });
    expect(presentStatus(doc, '2020-03-02').entryIntoForce).toMatchObject({ status: 'pending', date: '2020-03-31', triggerMetOn: '2020-03-01' });
    expect(presentStatus(doc, '2024-01-01').consents.total).toBe(2);
  });

  it('shows an MOU’s term: renewals as at the date, termination on notice, and the stage terminated once it ceases', async () => {
    const log = new EventLog();
    const t = (e: InstrumentEvent) => log.instrument(TREATY, e);
    t(ev.created(TREATY, PARTIES.slice(0, 2), 'mou', { term: { effectiveOn: 'entry-into-force', termYears: 1, autoRenew: true, terminationNoticeMonths: 3 } }));
    t(ev.opened('2020-01-01'));
    t(ev.signed('JAM', '2020-02-01', true));
    t(ev.signed('CUB', '2020-03-01', true));
    t(ev.inForce('2020-03-01'));
    const running = await statusAfter(log);
    expect(presentStatus(running, '2021-06-01')).toMatchObject({
      stage: 'in-force',
      signatures: { total: 2, definitive: 2 },
      entryIntoForce: { status: 'in-force', date: '2020-03-01', triggeredBy: { act: 'definitive-signature', party: 'CUB' } },
      term: { startsOn: '2020-03-01', status: 'in-effect', renews: true, ceasesOn: null, currentTerm: { number: 2, startsOn: '2021-03-01', lastDay: '2022-02-28' }, renewals: 1 },
    });
    expect(presentStatus(running, '2020-02-15')).toMatchObject({ stage: 'open-for-signature', entryIntoForce: { status: 'not-in-force', date: null }, term: { status: 'not-yet-in-effect' } });
    // why the next period begins when it does: counted from the coming into effect
    expect(presentStatus(running, '2021-06-01').term).toMatchObject({
      nextRenewalOn: '2022-03-01',
      explanations: { renewal: { date: '2022-03-01', text: 'The next period begins: coming into effect on 1 March 2020 + 12 months = 1 March 2021 + 1 renewal of 12 months = 1 March 2022.' }, expiry: null, termination: null },
    });

    t(ev.terminationNotice('JAM', '2021-06-01'));
    const ended = await statusAfter(log);
    expect(presentStatus(ended, '2021-05-31')).toMatchObject({ terminationNotice: null, term: { ceasesOn: null } }); // not given yet that day
    expect(presentStatus(ended, '2021-08-31')).toMatchObject({
      stage: 'in-force',
      terminationNotice: { notifiedOn: '2021-06-01', by: 'JAM', namedEffectiveOn: null },
      term: { status: 'in-effect', terminationEffectiveOn: '2021-09-01', ceasesOn: '2021-09-01', endsBy: 'termination' },
    });
    expect(presentStatus(ended, '2021-08-31').term?.explanations.termination).toMatchObject({ date: '2021-09-01', from: { event: 'termination-notice', party: 'JAM', on: '2021-06-01' } });
    expect(presentStatus(ended, '2021-08-31').term?.explanations.termination?.text).toMatch(/on 1 June 2021 \+ 3 months = 1 September 2021\.$/);
    expect(presentStatus(ended, '2021-09-01')).toMatchObject({ stage: 'terminated', term: { status: 'terminated' }, entryIntoForce: { status: 'terminated' } });
    expect(ended.stage).toBe('in-force'); // the log's last stage; the date decides the answer
  });

  it('shows a termination by act', async () => {
    const log = new EventLog();
    const t = (e: InstrumentEvent) => log.instrument(TREATY, e);
    t(ev.created(TREATY, PARTIES.slice(0, 2), 'mou'));
    t(ev.opened('2020-01-01'));
    t(ev.signed('JAM', '2020-02-01', true));
    t(ev.signed('CUB', '2020-03-01', true));
    t(ev.inForce('2020-03-01'));
    t(ev.terminated('2023-06-30'));
    const ended = await statusAfter(log);
    expect(presentStatus(ended, '2024-01-01')).toMatchObject({
      stage: 'terminated',
      termination: { terminatedOn: '2023-06-30' },
      entryIntoForce: { status: 'terminated', date: '2020-03-01' },
    });
    expect(presentStatus(ended, '2023-01-01')).toMatchObject({ stage: 'in-force', termination: null, entryIntoForce: { status: 'in-force' } });
  });

  it('follows revised final clauses, notifications, revoked withdrawals and a revoked determination', async () => {
    const log = new EventLog();
    const t = (e: InstrumentEvent) => log.instrument(TREATY, e);
    t(ev.created(TREATY, PARTIES.slice(0, 2), 'agreement'));
    t(ev.revised({ type: 'bilateral', timing: { kind: 'days-after', days: 10 } }, { notice: 'months', period: 6 }));
    t(ev.opened('2020-01-01'));
    t(ev.signed('JAM', '2020-02-01'));
    t(ev.signed('CUB', '2020-02-01'));
    t(ev.notified('JAM', '2020-02-05'));
    t(ev.notified('CUB', '2020-03-10'));
    const determined = t(ev.inForce('2020-03-20', null, 'bilateral'));
    t(ev.withdrawal('JAM', '2021-01-01', '2021-07-01'));
    t(ev.revoked('JAM', '2021-06-01'));
    const withdrawn = await statusAfter(log);
    expect(withdrawn).toMatchObject({ entryIntoForceRule: { type: 'bilateral' }, withdrawalTerms: { notice: 'months', period: 6 }, stage: 'in-force' });
    expect(presentStatus(withdrawn, '2020-03-01')).toMatchObject({
      internalProceduresNotified: 1,
      entryIntoForce: { rule: 'bilateral', status: 'not-in-force', instrumentsRequired: 2, instrumentsDeposited: 1, awaiting: ['CUB'] },
    });
    expect(presentStatus(withdrawn, '2020-03-15')).toMatchObject({ entryIntoForce: { status: 'pending', date: '2020-03-20' } });
    expect(presentStatus(withdrawn, '2021-03-01')).toMatchObject({ stage: 'in-force', withdrawals: { notified: 1, effective: 0 }, internalProceduresNotified: 2 });
    // revoked before it took effect: no withdrawal on 1 July
    expect(presentStatus(withdrawn, '2021-08-01')).toMatchObject({ withdrawals: { notified: 0, effective: 0 } });

    t(ev.determinationRevoked(determined.id));
    const revoked = await statusAfter(log);
    expect(revoked).toMatchObject({ stage: 'open-for-signature', entryIntoForce: null });
    expect(presentStatus(revoked, '2021-08-01').stage).toBe('open-for-signature');
  });

  it('counts a withdrawal as effective on the date the domain gives it', async () => {
    const { log } = treatyStory({ entryIntoForce: TWO_THEN_THIRTY });
    log.instrument(TREATY, ev.consent('JAM', '2020-01-15'));
    log.instrument(TREATY, ev.inForce('2020-02-14', null, 'instruments'));
    log.instrument(TREATY, ev.withdrawal('CUB', '2022-01-10', '2023-01-10'));
    const doc = await statusAfter(log);
    expect(presentStatus(doc, '2023-01-09').withdrawals).toEqual({ notified: 1, effective: 0 });
    expect(presentStatus(doc, '2023-01-10').withdrawals).toEqual({ notified: 1, effective: 1 });
    // a withdrawal that brings the parties below two does not take the treaty out of force
    expect(presentStatus(doc, '2023-06-01')).toMatchObject({ stage: 'in-force', entryIntoForce: { status: 'in-force', date: '2020-02-14', instrumentsDeposited: 1 } });
  });

  it('recounts consents by kind when a correction changes the kind', async () => {
    const { log, ids } = treatyStory();
    log.instrument(TREATY, ev.corrected(ids.cubRatified, 'ConsentDeposited.v1', { kind: 'acceptance', depositedOn: '2019-12-01' }));
    const view = presentStatus(await statusAfter(log), '2024-01-01');
    expect(view.consents.byKind).toMatchObject({ ratification: 0, acceptance: 1 });
    expect(presentStatus(await statusAfter(log), '2019-11-15').consents.total).toBe(0);
  });

  it('keeps a timeline that does not grow with the events of a day, and picks the same last act as the whole log would', async () => {
    const { log } = treatyStory();
    // A long review on a few days, acts dated before and after, and a correction that moves an act past the comments.
    const days = ['2019-06-01', '2019-06-02', '2019-05-30', '2019-06-02', '2019-07-01'];
    for (let i = 0; i < 300; i++) log.instrument(TREATY, ev.comment(), { metadata: { legalDate: days[i % days.length]! } });
    const late = log.instrument(TREATY, ev.signed('VGB', '2019-05-25'));
    for (let i = 0; i < 50; i++) log.instrument(TREATY, ev.comment(), { metadata: { legalDate: '2019-06-15' } });
    log.instrument(TREATY, ev.corrected(late.id, 'InstrumentSigned.v1', { signedOn: '2019-06-20' }));
    const doc = await statusAfter(log);
    expect(doc.timeline.length).toBeLessThan(30);
    // What the view would pick from every event of the stream, each act at its corrected date.
    const events = log.events.filter((e) => e.stream === `instrument-${TREATY}`);
    const moved = new Map<string, string>();
    for (const e of events) {
      if (e.type !== 'ActCorrected.v1') continue;
      const { correctedEventId, correctedType, changes } = e.data as { correctedEventId: string; correctedType: keyof typeof ACT_DATE_FIELD; changes: Record<string, string> };
      const date = changes[ACT_DATE_FIELD[correctedType]];
      if (date) moved.set(correctedEventId, date);
    }
    const whole = events.map((e) => ({ eventId: e.id, legalDate: moved.get(e.id) ?? (e.metadata['legalDate'] as string) }));
    for (const asOf of ['2017-01-01', '2019-05-22', '2019-05-25', '2019-05-30', '2019-06-01', '2019-06-02', '2019-06-16', '2019-06-20', '2019-07-01', '2030-01-01']) {
      const expected = [...whole].reverse().find((e) => e.legalDate <= asOf) ?? null;
      expect([asOf, presentStatus(doc, asOf).lastAct?.eventId ?? null]).toEqual([asOf, expected?.eventId ?? null]);
    }
  });

  it('replaying the events changes nothing', async () => {
    const { log } = treatyStory();
    await expectReplayChangesNothing(instrumentStatusProjection, log.events);
  });

  it('replaying the newer events (revision, notification, revocations, notice of termination) changes nothing', async () => {
    const log = new EventLog();
    const t = (e: InstrumentEvent) => log.instrument(TREATY, e);
    t(ev.created(TREATY, PARTIES.slice(0, 2), 'mou'));
    t(ev.revised({ type: 'definitive-signature-by-all' }, null, { termYears: 2, autoRenew: false, terminationNoticeMonths: 1 }));
    t(ev.opened('2020-01-01'));
    t(ev.signed('JAM', '2020-02-01', true));
    t(ev.notified('JAM', '2020-02-02'));
    t(ev.signed('CUB', '2020-03-01', true));
    const determined = t(ev.inForce('2020-03-01'));
    t(ev.withdrawal('CUB', '2020-06-01', '2021-06-01'));
    t(ev.revoked('CUB', '2020-07-01'));
    t(ev.terminationNotice('CUB', '2020-08-01', '2020-12-31'));
    t(ev.determinationRevoked(determined.id));
    await expectReplayChangesNothing(instrumentStatusProjection, log.events);
  });
});
