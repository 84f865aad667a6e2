import { EventLog, project } from '../../testing/event-log.js';
import { expectReplayChangesNothing } from '../../testing/replay-check.js';
import { ev, TREATY } from '../../testing/story.js';
import { REVIEW_QUEUE, reviewId, reviewQueueProjection, type ReviewQueueDoc } from './review-queue.projection.js';

describe('review queue projection', () => {
  const requested = () => {
    const log = new EventLog();
    log.instrument(TREATY, ev.created());
    log.instrument(TREATY, ev.draft(1));
    log.instrument(TREATY, ev.reviewRequested(1, ['a@x.org', 'b@x.org']), { metadata: { recordedAt: '2024-02-01T09:00:00.000Z', actor: 'secretariat' } });
    log.instrument(TREATY, ev.comment(1));
    return log;
  };

  it('holds a draft awaiting review with its reviewers, when and by whom it was sent, and comments', async () => {
    const store = await project(requested().events, [reviewQueueProjection]);
    expect(await store.collection<ReviewQueueDoc>(REVIEW_QUEUE).find()).toEqual([
      expect.objectContaining({
        _id: reviewId(TREATY, 1),
        instrumentId: TREATY,
        round: 1,
        version: 1,
        reviewers: ['a@x.org', 'b@x.org'],
        requestedAt: '2024-02-01T09:00:00.000Z',
        requestedBy: 'secretariat',
        comments: 1,
      }),
    ]);
  });

  it('counts each comment once, however often its event is applied, and keeps one document whatever the length of the review', async () => {
    const log = requested();
    for (let i = 0; i < 200; i++) log.instrument(TREATY, ev.comment(1));
    const store = await project(log.events, [reviewQueueProjection]);
    const [doc] = await store.collection<ReviewQueueDoc>(REVIEW_QUEUE).find();
    expect(doc!.comments).toBe(201);
    expect(JSON.stringify(doc).length).toBeLessThan(1000);
    await project(log.events.slice(-50), [reviewQueueProjection], store);
    expect((await store.collection<ReviewQueueDoc>(REVIEW_QUEUE).find())[0]!.comments).toBe(201);
  });

  it('drops the draft once the review is decided, either way, and queues the next round', async () => {
    const log = requested();
    log.instrument(TREATY, ev.decided(1, 'request-changes'));
    const store = await project(log.events, [reviewQueueProjection]);
    expect(await store.collection(REVIEW_QUEUE).count()).toBe(0);
    log.instrument(TREATY, ev.draft(2));
    log.instrument(TREATY, ev.reviewRequested(2));
    await project(log.events.slice(-2), [reviewQueueProjection], store);
    expect((await store.collection<ReviewQueueDoc>(REVIEW_QUEUE).find()).map((d) => d.round)).toEqual([2]);
  });

  it('replaying the events changes nothing (a decided review does not come back)', async () => {
    const log = requested();
    log.instrument(TREATY, ev.created('8b0c8a4e-0000-4000-8000-000000000009'));
    log.instrument('8b0c8a4e-0000-4000-8000-000000000009', ev.reviewRequested(1));
    log.instrument(TREATY, ev.decided(1));
    await expectReplayChangesNothing(reviewQueueProjection, log.events);
  });
});
