import type { InstrumentEvent } from '#libs/lifecycle';
import { EventLog, project } from '../../testing/event-log.js';
import { expectReplayChangesNothing } from '../../testing/replay-check.js';
import { ev, IDS, PARTIES, TREATY, treatyStory } from '../../testing/story.js';
import { ACTIVITY, activityProjection, type ActivityDoc } from './activity.projection.js';

describe('activity feed projection', () => {
  it('has a line per instrument event, newest first by legal date then log position, without draft texts', async () => {
    const { log } = treatyStory();
    const store = await project(log.events, [activityProjection]);
    const feed = store.collection<ActivityDoc>(ACTIVITY);
    expect(await feed.count()).toBe(log.events.filter((e) => e.stream.startsWith('instrument-')).length);
    // negotiation events are dated the day they were recorded (2024 here); acts carry their own dates
    const page = await feed.find({}, { sort: { legalDate: -1, position: -1 }, limit: 3 });
    expect(page.map((l) => l.type)).toEqual(['ActCorrected.v1', 'ReviewDecided.v1', 'ReviewCommentAdded.v1']);
    const acts = await feed.find({ party: { $ne: null } }, { sort: { legalDate: -1, position: -1 }, skip: 1, limit: 2 });
    expect(acts.map((l) => [l.type, l.party, l.legalDate])).toEqual([
      ['ReservationMade.v1', 'JAM', '2019-05-23'],
      ['ReservationMade.v1', 'CUB', '2019-05-22'], // same day as Jamaica's corrected signature, recorded later
    ]);
    const draft = await feed.findOne({ type: 'DraftVersionRecorded.v2' });
    expect(draft!.details).toEqual({ version: 1, summary: 'Draft 1' });
    expect(JSON.stringify(await feed.find())).not.toContain('Long text');
  });

  it('moves the corrected act to its corrected date and says it was corrected', async () => {
    const { log, ids } = treatyStory();
    const store = await project(log.events, [activityProjection]);
    const line = await store.collection<ActivityDoc>(ACTIVITY).findOne({ _id: ids.jamSigned });
    expect(line).toMatchObject({ legalDate: '2019-05-22', details: { signedOn: '2019-05-22' }, corrections: [{ eventId: IDS.jamCorrected }] });
    const page2 = await store.collection<ActivityDoc>(ACTIVITY).find({ party: 'JAM' }, { sort: { legalDate: 1, position: 1 } });
    expect(page2.map((l) => l.type)).toEqual(['InstrumentSigned.v1', 'ReservationMade.v1']);
  });

  it('has lines for revised final clauses, notifications, revocations, notices of termination and revoked determinations', async () => {
    const log = new EventLog();
    const t = (e: InstrumentEvent) => log.instrument(TREATY, e);
    t(ev.created(TREATY, PARTIES.slice(0, 2), 'agreement'));
    t(ev.revised({ type: 'bilateral' }, { notice: 'months', period: 6 }));
    t(ev.opened('2020-01-01'));
    const notified = t(ev.notified('JAM', '2020-02-03'));
    t(ev.notified('CUB', '2020-02-10'));
    const determined = t(ev.inForce('2020-02-10', null, 'bilateral'));
    t(ev.withdrawal('JAM', '2021-01-01', '2021-07-01'));
    t(ev.revoked('JAM', '2021-03-01'));
    t(ev.terminationNotice('CUB', '2021-06-01'));
    t(ev.corrected(notified.id, 'InternalProceduresNotified.v1', { notifiedOn: '2020-02-12' }));
    t(ev.determinationRevoked(determined.id));
    const store = await project(log.events, [activityProjection]);
    const feed = store.collection<ActivityDoc>(ACTIVITY);
    const lines = async (type: string) => (await feed.find({ type })).map((l) => [l.party, l.legalDate, l.details]);
    expect(await lines('FinalClausesRevised.v1')).toEqual([[null, expect.any(String), { entryIntoForce: { type: 'bilateral' }, withdrawal: { notice: 'months', period: 6 }, term: null }]]);
    expect(await lines('WithdrawalRevoked.v1')).toEqual([['JAM', '2021-03-01', { party: 'JAM', revokedOn: '2021-03-01' }]]);
    expect(await lines('TerminationNotified.v1')).toEqual([['CUB', '2021-06-01', { party: 'CUB', notifiedOn: '2021-06-01', namedEffectiveOn: null }]]);
    expect(await lines('EntryIntoForceDeterminationRevoked.v1')).toEqual([[null, expect.any(String), { supersedes: determined.id, reason: expect.any(String) }]]);
    // the corrected notification moves to its corrected date
    expect(await feed.findOne({ _id: notified.id })).toMatchObject({ legalDate: '2020-02-12', details: { notifiedOn: '2020-02-12' }, corrections: [{ reason: expect.any(String) }] });
    await expectReplayChangesNothing(activityProjection, log.events);
  });

  it('replaying the events changes nothing', async () => {
    await expectReplayChangesNothing(activityProjection, treatyStory().log.events);
  });
});
