/**
 * Rebuild without downtime, over HTTP on the real service (embedded event store and read models): a rebuild
 * started through the admin route while clients keep querying loses no answer, and leaves read models equal to
 * a fresh projection of the log. Also the CLI's client (what `npm run projections:rebuild` does with the
 * embedded store) against the same service, and against no service at all.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { READ_MODEL_STORE, type ReadModelStore, type RebuildJobView } from '#libs/read-models';
import { rebuildThroughService, RebuildServiceError } from '../../../../../libs/read-models/src/cli/rebuild-client.js';
import { EventLog, project, snapshot } from '../../../../../libs/read-models/src/testing/event-log.js';
import { ev, PARTIES } from '../../../../../libs/read-models/src/testing/story.js';
import { api, startTestApp, type TestApp } from '../../../../../test/support/test-app.js';

import { recordOpenTreaty } from '../../../../../test/support/open-treaty.fixture.js';
const BULK_INSTRUMENTS = 400;

/** Many instruments' worth of events, appended straight to the log (one append per stream, all at once). */
const appendBulk = async (store: EventStore): Promise<void> => {
  const log = new EventLog();
  for (let i = 0; i < BULK_INSTRUMENTS; i++) {
    const id = randomUUID();
    for (const event of [
      ev.created(id, PARTIES),
      ev.draft(1),
      ev.reviewRequested(),
      ev.comment(),
      ev.decided(),
      ev.adopted(),
      ev.opened(),
      ev.signed('JAM', '2019-05-22'),
      ev.signed('CUB', '2019-05-23'),
      ev.reservation('JAM', '2019-05-22'),
      ev.consent('CUB', '2019-11-01'),
      ev.consent('JAM', '2020-02-01'),
    ]) {
      log.instrument(id, event);
    }
  }
  const streams = new Map<string, typeof log.events>();
  for (const e of log.events) streams.set(e.stream, [...(streams.get(e.stream) ?? []), e]);
  await Promise.all([...streams].map(([stream, events]) => store.append(stream, events.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })), 'no_stream')));
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('rebuilding the read models through the admin route', () => {
  let app: TestApp;
  let http: ReturnType<typeof api>;
  let eventStore: EventStore;
  let readModels: ReadModelStore;
  let treaty: string;

  const post = async (path: string, body: unknown) => {
    const response = await http.post(path, body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response;
  };
  /** Waits until the read models reflect the whole log. */
  const caughtUp = async () => {
    const head = await eventStore.headPosition();
    const response = await http.get('/api/parties', { 'X-Min-Position': String(head) });
    expect(response.headers.get('x-read-model-stale')).toBeNull();
  };
  const waitForJob = async (jobId: string, seen: RebuildJobView[] = []): Promise<RebuildJobView> => {
    for (;;) {
      const response = await http.get(`/api/admin/projections/rebuild/${jobId}`);
      expect(response.status).toBe(200);
      seen.push(response.body);
      if (response.body.state !== 'running') return response.body;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { READ_YOUR_WRITES_TIMEOUT_MS: '5000' } });
    http = api(app.url);
    eventStore = app.app.get(EVENT_STORE);
    readModels = app.app.get(READ_MODEL_STORE);
    // in force on the thirtieth day after the second instrument; open, signed by Cuba
    treaty = await recordOpenTreaty(post);
    const base = `/api/instruments/${treaty}`;
    await post(`${base}/parties/CUB/consent`, { kind: 'ratification', depositedOn: '2019-11-01' });
    await post(`${base}/parties/JAM/consent`, { kind: 'accession', depositedOn: '2020-01-15' });
    await appendBulk(eventStore);
    await caughtUp();
  });
  afterAll(async () => {
    await app.close();
    delete process.env.READ_YOUR_WRITES_TIMEOUT_MS;
  });

  it('a rebuild during load loses no answer, and leaves read models equal to a fresh projection', async () => {
    const expected = {
      status: (await http.get(`/api/instruments/${treaty}/status`)).body,
      participants: (await http.get(`/api/instruments/${treaty}/participants`)).body,
      list: (await http.get('/api/instruments?pageSize=5&sort=-createdOn')).body,
    };
    expect(expected.status).toMatchObject({ stage: 'in-force', entryIntoForce: { status: 'in-force', date: '2020-02-14' } });
    expect(expected.list.total).toBe(BULK_INSTRUMENTS + 1);

    let job: RebuildJobView | null = null;
    let stop = false;
    const tally = { answers: 0, duringRebuild: 0, wrong: [] as unknown[] };
    const client = async () => {
      const queries = [
        [`/api/instruments/${treaty}/status`, expected.status],
        [`/api/instruments/${treaty}/participants`, expected.participants],
        ['/api/instruments?pageSize=5&sort=-createdOn', expected.list],
      ] as const;
      for (let i = 0; !stop; i++) {
        const [path, body] = queries[i % queries.length]!;
        const running = job !== null;
        try {
          const response = await http.get(path);
          if (response.status !== 200 || JSON.stringify(response.body) !== JSON.stringify(body)) tally.wrong.push({ path, status: response.status, body: response.body });
        } catch (error) {
          tally.wrong.push({ path, error: String((error as Error).cause ?? error) }); // no answer at all
        }
        tally.answers += 1;
        if (running && job!.state === 'running') tally.duringRebuild += 1;
      }
    };
    const clients = Array.from({ length: 4 }, client);

    const progress: RebuildJobView[] = [];
    try {
      const started = await http.post('/api/admin/projections/rebuild');
      expect(started.status).toBe(202);
      job = started.body as RebuildJobView;
      expect(job).toMatchObject({ state: 'running', store: 'embedded', total: Number(await eventStore.headPosition()) });
      expect(started.headers.get('location')).toBe(`/api/admin/projections/rebuild/${job.jobId}`);

      // one at a time: a second request is refused and pointed at the running job
      const second = await http.post('/api/admin/projections/rebuild');
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'REBUILD_RUNNING', message: expect.stringContaining(job.jobId) });
      expect(second.headers.get('location')).toBe(`/api/admin/projections/rebuild/${job.jobId}`);

      job = await waitForJob(job.jobId, progress);
    } finally {
      stop = true;
      await Promise.all(clients);
    }

    expect(job).toMatchObject({ state: 'succeeded', percent: 100, error: null, events: job.total });
    expect(job.collections).toEqual(expect.arrayContaining(['instrument_status', 'participation', 'party_instruments', 'activity', 'review_queue', 'parties']));
    expect(job.eventsPerSecond).toBeGreaterThan(0);
    const running = progress.filter((p) => p.state === 'running');
    expect(running.length).toBeGreaterThan(1);
    expect(running.map((p) => p.events)).toEqual([...running.map((p) => p.events)].sort((a, b) => a - b)); // never goes back

    expect(tally.wrong).toEqual([]);
    expect(tally.duringRebuild).toBeGreaterThan(0);
    expect(tally.answers).toBeGreaterThan(tally.duringRebuild);

    await caughtUp();
    expect(await readModels.getCheckpoint('read-models')).toMatchObject({ generation: 1 });
    expect((await readModels.listCollections()).filter((name) => name.includes('__rebuild_'))).toEqual([]);
    expect(await snapshot(readModels)).toEqual(await snapshot(await project(await eventStore.readAll())));
  });

  it('the projector follows the swap: an act recorded after the rebuild shows at once', async () => {
    const response = await post(`/api/instruments/${treaty}/parties/VGB/consent`, { kind: 'accession', depositedOn: '2021-03-01' });
    const participants = await http.get(`/api/instruments/${treaty}/participants`, { 'X-Min-Position': response.headers.get('x-log-position')! });
    expect(participants.headers.get('x-read-model-stale')).toBeNull();
    expect(participants.body.participants.find((p: any) => p.party === 'VGB')).toMatchObject({ status: 'bound', entryIntoForceOn: '2021-03-31' });
  });

  it('the CLI’s client starts a rebuild in the service and follows it to the end', async () => {
    const seen: RebuildJobView[] = [];
    const job = await rebuildThroughService(app.url, { onProgress: (p) => seen.push(p), pollIntervalMs: 10, token: app.token });
    expect(job).toMatchObject({ state: 'succeeded', percent: 100 });
    expect(seen[0]).toMatchObject({ jobId: job.jobId, state: 'running' });
    expect(seen.at(-1)).toEqual(job);
    await caughtUp();
    expect(await readModels.getCheckpoint('read-models')).toMatchObject({ generation: 2 });
  });

  it('the CLI’s client says clearly when no service is running', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await rebuildThroughService(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RebuildServiceError);
    expect((error as Error).message).toMatch(new RegExp(`^No service answers at ${url} \\(ECONNREFUSED\\).*start the service \\(npm start`));
  });

  it('answers 404 for an unknown job and 400 for a malformed id, and documents the routes', async () => {
    const unknown = await http.get(`/api/admin/projections/rebuild/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('REBUILD_JOB_NOT_FOUND');
    const malformed = await http.get('/api/admin/projections/rebuild/latest');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('jobId');
    const doc = (await http.get('/api/docs-json')).body;
    expect(doc.paths['/api/admin/projections/rebuild'].post.responses).toHaveProperty('202');
    expect(doc.paths['/api/admin/projections/rebuild'].post.responses).toHaveProperty('409');
    expect(doc.paths['/api/admin/projections/rebuild/{jobId}'].get.responses).toHaveProperty('200');
    expect(Object.keys(doc.components.schemas.RebuildJobResponse.properties)).toEqual(
      expect.arrayContaining(['jobId', 'state', 'events', 'total', 'percent', 'eventsPerSecond']),
    );
  });
});
