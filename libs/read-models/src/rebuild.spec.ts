import { type EventStore } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { EmbeddedReadModelStore } from './embedded/embedded-read-model-store.js';
import { Projector } from './projector/projector.js';
import { ReadModelQueries } from './read-model-queries.js';
import { rebuildReadModels, type RebuildProgress } from './rebuild.js';
import { appendAll, EventLog, project, snapshot } from './testing/event-log.js';
import { ev, TREATY, treatyStory } from './testing/story.js';

describe('rebuild', () => {
  let events: EventStore;
  beforeEach(() => {
    events = new SqliteEventStore({ file: ':memory:', pollIntervalMs: 20 });
  });
  afterEach(() => events.close());

  it('replays the log into fresh collections and swaps them in while reads and appends go on, losing no answer', async () => {
    const story = treatyStory();
    await appendAll(events, story.log.events);
    const more = new EventLog();
    for (let i = 0; i < 300; i++) more.party(ev.registered(`P${i}`, `Party ${i}`));
    const store = new EmbeddedReadModelStore();
    const projector = new Projector({ eventStore: events, store, generationCheckMs: 50 });
    await projector.start();
    const queries = new ReadModelQueries(store);

    let stop = false;
    let answers = 0;
    let missing = 0;
    const reader = (async () => {
      while (!stop) {
        const status = await queries.status(TREATY);
        if (status?.consents.total === 1) answers += 1;
        else missing += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const writer = (async () => {
      for (let i = 0; i < more.events.length; i += 30) await appendAll(events, more.events.slice(i, i + 30));
    })();
    const progress: RebuildProgress[] = [];
    try {
      const result = await rebuildReadModels({
        eventStore: events,
        store,
        pageSize: 25,
        progressIntervalMs: 0,
        onProgress: (p) => progress.push(p),
        afterSwap: () => projector.checkGeneration(),
      });
      await writer;
      expect(result.events).toBeGreaterThanOrEqual(story.log.events.length);
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.at(-1)).toMatchObject({ events: result.events });
      expect(result.eventsPerSecond).toBeGreaterThan(0);
      const head = await events.headPosition();
      expect(await projector.waitFor(head as bigint, 5_000)).toBe(true);
    } finally {
      stop = true;
      await reader;
      await projector.stop();
    }
    expect(missing).toBe(0);
    expect(answers).toBeGreaterThan(10);
    expect(await store.listCollections()).not.toEqual(expect.arrayContaining([expect.stringContaining('__rebuild_')]));
    expect(await store.getCheckpoint('read-models')).toMatchObject({ generation: 1 });
    // after the swap and the catch-up, the documents are exactly those of a projection from scratch
    const fromScratch = await project(await events.readAll());
    expect(await snapshot(store)).toEqual(await snapshot(fromScratch));
    expect((await queries.parties()).length).toBe(3 + 300);
  });
});
