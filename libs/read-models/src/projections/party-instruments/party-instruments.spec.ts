import { project } from '../../testing/event-log.js';
import { expectReplayChangesNothing } from '../../testing/replay-check.js';
import { ev, IDS, TREATY, treatyStory } from '../../testing/story.js';
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

  it('replaying the events changes nothing', async () => {
    await expectReplayChangesNothing(partyInstrumentsProjection, treatyStory().log.events);
  });
});
