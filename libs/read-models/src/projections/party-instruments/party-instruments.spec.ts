import type { InstrumentEvent } from '#libs/lifecycle';
import { EventLog, project } from '../../testing/event-log.js';
import { expectReplayChangesNothing } from '../../testing/replay-check.js';
import { ev, IDS, PARTIES, TREATY, treatyStory } from '../../testing/story.js';
import { PARTY_INSTRUMENTS, partyInstrumentId, partyInstrumentsProjection, type PartyInstrumentDoc } from './party-instruments.projection.js';

describe('per-party projection', () => {
  it('lists, per party, each instrument it acted on with its acts as corrected', async () => {
    const { log } = treatyStory();
    const store = await project(log.events, [partyInstrumentsProjection]);
    const docs = store.collection<PartyInstrumentDoc>(PARTY_INSTRUMENTS);
    expect(await docs.count({ party: 'VGB' })).toBe(0); // eligible, but has not acted
    const cub = await docs.findOne({ _id: partyInstrumentId('CUB', TREATY) });
    expect(cub).toMatchObject({ party: 'CUB', instrumentId: TREATY, lastActOn: '2019-11-01' });
    expect(cub!.acts.map((a) => [a.act, a.date])).toEqual([
      ['signature', '2019-05-22'],
      ['reservation', '2019-05-22'],
      ['consent', '2019-11-01'],
    ]);
    expect(cub!.acts[2]!.details).toEqual({ kind: 'ratification', depositedOn: '2019-11-01', domesticActOn: '2019-10-15' });
    const jam = await docs.findOne({ party: 'JAM' });
    expect(jam!.acts[0]).toMatchObject({
      act: 'signature',
      date: '2019-05-22',
      details: { signedOn: '2019-05-22', definitive: false },
      corrections: [{ eventId: IDS.jamCorrected, reason: 'Date misread from the note verbale.' }],
    });
  });

  it('adds instruments as the party acts on them', async () => {
    const { log } = treatyStory();
    const other = '8b0c8a4e-0000-4000-8000-000000000002';
    log.instrument(other, ev.created(other));
    log.instrument(other, ev.opened('2020-01-01'));
    log.instrument(other, ev.signed('CUB', '2020-02-02', true));
    log.instrument(other, ev.withdrawal('CUB', '2021-01-01', '2022-01-01'));
    const store = await project(log.events, [partyInstrumentsProjection]);
    const cub = await store.collection<PartyInstrumentDoc>(PARTY_INSTRUMENTS).find({ party: 'CUB' }, { sort: { lastActOn: -1 } });
    expect(cub.map((d) => [d.instrumentId, d.acts.map((a) => a.act)])).toEqual([
      [other, ['signature', 'withdrawal']],
      [TREATY, ['signature', 'reservation', 'consent']],
    ]);
  });

  it('records notifications, revocations of withdrawal and notices of termination as the party’s acts, dated as corrected', async () => {
    const log = new EventLog();
    const t = (e: InstrumentEvent) => log.instrument(TREATY, e);
    t(ev.created(TREATY, PARTIES.slice(0, 2), 'mou'));
    t(ev.revised({ type: 'definitive-signature-by-all' }, null, { termYears: 2, autoRenew: true }));
    t(ev.opened('2020-01-01'));
    t(ev.signed('JAM', '2020-02-01', true));
    const notified = t(ev.notified('JAM', '2020-02-03'));
    t(ev.withdrawal('JAM', '2021-01-01', '2022-01-01'));
    t(ev.revoked('JAM', '2021-03-01'));
    t(ev.terminationNotice('JAM', '2021-06-01', '2021-12-31'));
    t(ev.determinationRevoked('00000000-0000-4000-8000-0000000000ff'));
    t(ev.corrected(notified.id, 'InternalProceduresNotified.v1', { notifiedOn: '2020-02-04' }));
    const store = await project(log.events, [partyInstrumentsProjection]);
    const jam = await store.collection<PartyInstrumentDoc>(PARTY_INSTRUMENTS).findOne({ _id: partyInstrumentId('JAM', TREATY) });
    expect(jam!.acts.map((a) => [a.act, a.date])).toEqual([
      ['signature', '2020-02-01'],
      ['internal-procedures', '2020-02-04'],
      ['withdrawal', '2021-01-01'],
      ['withdrawal-revoked', '2021-03-01'],
      ['termination-notice', '2021-06-01'],
    ]);
    expect(jam!.acts[4]!.details).toEqual({ notifiedOn: '2021-06-01', namedEffectiveOn: '2021-12-31' });
    expect(jam!.acts[1]!.corrections).toHaveLength(1);
    expect(jam!.lastActOn).toBe('2021-06-01');
    expect(await store.collection(PARTY_INSTRUMENTS).count({ party: 'CUB' })).toBe(0);
    await expectReplayChangesNothing(partyInstrumentsProjection, log.events);
  });

  it('replaying the events changes nothing', async () => {
    await expectReplayChangesNothing(partyInstrumentsProjection, treatyStory().log.events);
  });
});
