import { project } from '../../testing/event-log.js';
import { expectReplayChangesNothing } from '../../testing/replay-check.js';
import { IDS, treatyStory } from '../../testing/story.js';
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
    const draft = await feed.findOne({ type: 'DraftVersionRecorded.v1' });
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

  it('replaying the events changes nothing', async () => {
    await expectReplayChangesNothing(activityProjection, treatyStory().log.events);
  });
});
