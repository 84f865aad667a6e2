import { type EventStore } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { EmbeddedReadModelStore } from './embedded/embedded-read-model-store.js';
import { Projector } from './projector/projector.js';
import { REBUILD_LEASE, RebuildAlreadyRunningError, RebuildJobs } from './rebuild-jobs.js';
import { appendAll, EventLog, project, snapshot } from './testing/event-log.js';
import { ev, treatyStory } from './testing/story.js';

describe('rebuild jobs (in the service)', () => {
  let events: EventStore;
  let store: EmbeddedReadModelStore;
  let projector: Projector;

  beforeEach(async () => {
    events = new SqliteEventStore({ file: ':memory:', pollIntervalMs: 20 });
    await appendAll(events, treatyStory().log.events);
    const more = new EventLog();
    for (let i = 0; i < 200; i++) more.party(ev.registered(`P${i}`, `Party ${i}`));
    await appendAll(events, more.events);
    store = new EmbeddedReadModelStore();
    projector = new Projector({ eventStore: events, store, generationCheckMs: 50 });
    await projector.start();
  });
  afterEach(async () => {
    await projector.stop();
    await events.close();
  });

  const jobsFor = () => new RebuildJobs({ eventStore: events, store, pageSize: 25, afterSwap: () => projector.checkGeneration() });

  it('runs one rebuild at a time, reports its progress, and swaps in read models equal to a fresh projection', async () => {
    const jobs = jobsFor();
    const head = Number(await events.headPosition());
    const started = await jobs.start();
    expect(started).toMatchObject({ state: 'running', store: 'embedded', total: head, finishedAt: null, error: null });
    expect(jobs.current()?.jobId).toBe(started.jobId);
    await expect(jobs.start()).rejects.toMatchObject({ code: 'REBUILD_RUNNING', runningJobId: started.jobId, inThisProcess: true });

    const done = await jobs.whenDone(started.jobId);
    expect(done).toMatchObject({ state: 'succeeded', events: head, position: head, total: head, percent: 100, error: null });
    expect(done!.collections).toEqual(expect.arrayContaining(['instrument_status', 'participation', 'activity']));
    expect(done!.eventsPerSecond).toBeGreaterThan(0);
    expect(jobs.current()).toBeNull();
    expect(await store.getCheckpoint('read-models')).toMatchObject({ generation: 1, position: BigInt(head) });
    expect(await snapshot(store)).toEqual(await snapshot(await project(await events.readAll())));
    // the lease is released: the next one may start
    const again = await jobs.start();
    expect((await jobs.whenDone(again.jobId))!.state).toBe('succeeded');
    expect(jobs.get(started.jobId)?.state).toBe('succeeded');
    expect(jobs.get('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('refuses to start while another process (or the CLI) holds the rebuild lease', async () => {
    await store.acquireLease(REBUILD_LEASE, 'cli-elsewhere', 60_000);
    const error = await jobsFor().start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RebuildAlreadyRunningError);
    expect(error).toMatchObject({ runningJobId: 'cli-elsewhere', inThisProcess: false });
  });

  it('stops a running rebuild before its swap when the service shuts down: the live read models stay as they were', async () => {
    const before = await snapshot(store);
    const jobs = jobsFor();
    const { jobId } = await jobs.start();
    await jobs.close();
    expect(jobs.get(jobId)).toMatchObject({ state: 'failed', error: expect.stringContaining('shutting down') });
    expect(await snapshot(store)).toEqual(before);
    expect((await store.listCollections()).filter((name) => name.includes('__rebuild_'))).toEqual([]);
    expect(await store.currentLease(REBUILD_LEASE)).toBeNull();
    await expect(jobs.start()).rejects.toThrow('shutting down');
  });
});
