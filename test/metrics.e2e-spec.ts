/**
 * Operations: the Prometheus metrics an administrator scrapes, and the liveness and readiness probes. The
 * readiness limit is small here (two events), so that stopping the projector and writing really crosses it.
 */
import parsePrometheusTextFormat, { type PrometheusFamily, type PrometheusSample } from 'parse-prometheus-text-format';
import { Projector } from '#libs/read-models';
import { TREATY_TEXT } from './support/open-treaty.fixture.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

const MAX_LAG = 2;

describe('metrics and health probes', () => {
  let app: TestApp;
  let client: ReturnType<typeof api>;
  let instrumentId: string;
  let refusedCode: string;
  let scraped = '';

  const scrape = async (): Promise<Map<string, PrometheusFamily>> => {
    const answer = await client.get<string>('/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    scraped = answer.body;
    return new Map(parsePrometheusTextFormat(answer.body).map((family) => [family.name, family]));
  };
  /**
   * `_count` and `_sum` of one labelled histogram series, read from the last scrape's text: the parser keeps a
   * single series of a labelled histogram, without its labels.
   */
  const histogramSeries = (name: string, labels: Record<string, string>) => {
    const read = (suffix: string) => {
      const line = scraped
        .split('\n')
        .find((l) => l.startsWith(`${name}_${suffix}{`) && Object.entries(labels).every(([key, v]) => l.includes(`${key}="${v}"`)));
      return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
    };
    return { count: read('count'), sum: read('sum') };
  };
  /** The one sample of a family whose labels include these. */
  const sample = (families: Map<string, PrometheusFamily>, name: string, labels: Record<string, string> = {}): PrometheusSample | undefined =>
    families.get(name)?.metrics.find((m) => Object.entries(labels).every(([key, value]) => m.labels?.[key] === value));
  const value = (families: Map<string, PrometheusFamily>, name: string, labels: Record<string, string> = {}): number | undefined => {
    const found = sample(families, name, labels);
    return found?.value === undefined ? undefined : Number(found.value);
  };
  const headOf = async (): Promise<string | null> => (await client.get('/health')).body.eventStore.head;
  const registerParty = async (code: string, name: string) => client.post('/api/parties', { code, name, kind: 'state' });

  beforeAll(async () => {
    app = await startTestApp({ env: { READINESS_MAX_LAG_EVENTS: String(MAX_LAG) } });
    client = api(app.url);
    expect((await registerParty('JAM', 'Jamaica')).status).toBe(201);
    expect((await registerParty('CUB', 'Cuba')).status).toBe(201);
    const created = await client.post('/api/instruments', {
      kind: 'treaty',
      title: 'Treaty establishing the Caribbean Customs Organization',
      eligibleParties: ['JAM', 'CUB'],
      text: TREATY_TEXT,
      preparedOn: '2017-01-10',
      entryIntoForce: { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } },
    });
    expect(created.status).toBe(201);
    instrumentId = created.body.id;
    const again = await registerParty('JAM', 'Jamaica');
    expect(again.status).toBe(409);
    refusedCode = again.body.code;
    expect((await client.post('/api/parties', { code: 'BHS' })).status).toBe(400);
    // Refused before routing: the body is not JSON.
    const notJson = await fetch(`${app.url}/api/parties`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${app.token}` }, body: 'BHS' });
    expect(notJson.status).toBe(415);
    for (let i = 0; i < 2; i++) {
      expect((await client.get(`/api/instruments/${instrumentId}`, { 'X-Min-Position': created.body.position })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await app.close();
    delete process.env.READINESS_MAX_LAG_EVENTS;
  });

  it('counts requests by route template and status, never by raw URL', async () => {
    const families = await scrape();
    const requests = 'treaty_tracker_http_requests_total';
    expect(families.get(requests)?.type).toBe('COUNTER');
    expect(value(families, requests, { method: 'GET', route: '/api/instruments/:id', status: '200' })).toBe(2);
    expect(value(families, requests, { method: 'POST', route: '/api/parties', status: '201' })).toBe(2);
    expect(value(families, requests, { method: 'POST', route: '/api/parties', status: '409' })).toBe(1);
    expect(value(families, requests, { method: 'POST', route: '/api/parties', status: '400' })).toBe(1);
    expect(value(families, requests, { method: 'POST', route: '/api/instruments', status: '201' })).toBe(1);
    expect(families.get(requests)!.metrics.filter((m) => m.labels?.route?.includes(instrumentId))).toEqual([]);
    expect(families.get('treaty_tracker_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    const latency = histogramSeries('treaty_tracker_http_request_duration_seconds', { method: 'GET', route: '/api/instruments/:id', status: '200' });
    expect(latency.count).toBe(2);
    expect(latency.sum).toBeGreaterThan(0);
  });

  it('counts commands recorded by stream category, and refused writes by their error code', async () => {
    const families = await scrape();
    expect(value(families, 'treaty_tracker_commands_appended_total', { category: 'party' })).toBe(2);
    expect(value(families, 'treaty_tracker_commands_appended_total', { category: 'instrument' })).toBe(1);
    expect(value(families, 'treaty_tracker_events_appended_total', { category: 'instrument' })).toBeGreaterThanOrEqual(1);
    expect(refusedCode).toBe('PARTY_ALREADY_REGISTERED');
    expect(value(families, 'treaty_tracker_commands_refused_total', { code: refusedCode, status: '409' })).toBe(1);
    expect(value(families, 'treaty_tracker_commands_refused_total', { code: 'VALIDATION_FAILED', status: '400' })).toBe(1);
    expect(value(families, 'treaty_tracker_commands_refused_total', { code: 'UNSUPPORTED_MEDIA_TYPE', status: '415' })).toBe(1);
  });

  it('measures the embedded store: append latency and group-commit size', async () => {
    const families = await scrape();
    const appends = sample(families, 'treaty_tracker_event_store_append_duration_seconds');
    // Three commands recorded here, and the test account's own events before them.
    expect(Number(appends?.count)).toBeGreaterThanOrEqual(3);
    expect(Number(appends?.sum)).toBeGreaterThan(0);
    const groups = sample(families, 'treaty_tracker_event_store_group_commit_size');
    expect(Number(groups?.count)).toBeGreaterThanOrEqual(1);
    expect(Number(groups?.count)).toBeLessThanOrEqual(Number(appends?.count));
    expect(Number(groups?.sum)).toBe(Number(appends?.count)); // every append was in exactly one group
  });

  it('shows the projector at the log head once caught up, with no lag', async () => {
    const head = await headOf();
    expect(head).not.toBeNull();
    await app.app.get(Projector).waitFor(BigInt(head!), 2000);
    const families = await scrape();
    expect(value(families, 'treaty_tracker_event_store_head_position')).toBe(Number(head));
    expect(value(families, 'treaty_tracker_projector_position')).toBe(Number(head));
    expect(value(families, 'treaty_tracker_projector_lag_events')).toBe(0);
    expect(value(families, 'treaty_tracker_projector_lag_seconds')).toBe(0);
  });

  it('collects process memory and event-loop delay on the same registry, and every family has its prefix and help', async () => {
    const families = await scrape();
    expect(value(families, 'treaty_tracker_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(value(families, 'treaty_tracker_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(families.has('treaty_tracker_nodejs_eventloop_lag_seconds')).toBe(true);
    expect([...families.keys()].filter((name) => !name.startsWith('treaty_tracker_'))).toEqual([]);
    expect([...families.values()].filter((family) => !family.help.trim()).map((family) => family.name)).toEqual([]);
  });

  it('counts rebuilds of the read models started and finished', async () => {
    const before = await scrape();
    expect(value(before, 'treaty_tracker_projection_rebuilds_started_total')).toBe(0);
    const started = await client.post('/api/admin/projections/rebuild');
    expect(started.status).toBe(202);
    let state = started.body.state;
    for (let i = 0; i < 100 && state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      state = (await client.get(`/api/admin/projections/rebuild/${started.body.jobId}`)).body.state;
    }
    expect(state).toBe('succeeded');
    const after = await scrape();
    expect(value(after, 'treaty_tracker_projection_rebuilds_started_total')).toBe(1);
    expect(value(after, 'treaty_tracker_projection_rebuilds_finished_total', { state: 'succeeded' })).toBe(1);
  });

  it('answers /metrics to administrators only', async () => {
    const anonymous = await api(app.url, { token: null }).get('/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const donor = await api(app.url, { token: await app.account('metrics.donor', ['donor']) }).get('/metrics');
    expect(donor.status).toBe(403);
  });

  it('is live, and ready with the details of each check, to anyone', async () => {
    const anonymous = api(app.url, { token: null });
    const live = await anonymous.get('/health/live');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');
    const head = await headOf();
    await app.app.get(Projector).waitFor(BigInt(head!), 2000);
    const ready = await anonymous.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.details.eventStore).toMatchObject({ status: 'up', head });
    expect(ready.body.details.readModels).toMatchObject({ status: 'up', store: 'embedded', checkpoint: head });
    expect(ready.body.details.projections).toMatchObject({ status: 'up', role: 'leader', position: head, head, lagEvents: 0, lagSeconds: 0, maxLagEvents: MAX_LAG });
    expect((await anonymous.get('/health')).body).toEqual({ status: 'ok', eventStore: { head } });
  });

  it('is not ready (503, with details) once the projections fall more than READINESS_MAX_LAG_EVENTS behind, and ready again once caught up', async () => {
    const projector = app.app.get(Projector);
    const anonymous = api(app.url, { token: null });
    await projector.stop();
    try {
      expect((await registerParty('BHS', 'Bahamas')).status).toBe(201);
      expect((await registerParty('BRB', 'Barbados')).status).toBe(201);
      const atLimit = await anonymous.get('/health/ready');
      expect(atLimit.status).toBe(200);
      expect(atLimit.body.details.projections).toMatchObject({ status: 'up', role: 'stopped', lagEvents: MAX_LAG });

      expect((await registerParty('BLZ', 'Belize')).status).toBe(201);
      const behind = await anonymous.get('/health/ready');
      expect(behind.status).toBe(503);
      expect(behind.body).toMatchObject({ statusCode: 503, code: 'NOT_READY', status: 'error' });
      expect(Object.keys(behind.body.error)).toEqual(['projections']);
      expect(behind.body.error.projections).toMatchObject({ status: 'down', lagEvents: MAX_LAG + 1, maxLagEvents: MAX_LAG });
      expect(behind.body.error.projections.lagSeconds).toBeGreaterThanOrEqual(0);
      expect(behind.body.details.eventStore.status).toBe('up');
      expect(behind.body.details.readModels.status).toBe('up');
      expect((await anonymous.get('/health/live')).status).toBe(200); // alive all the same: no restart for a lag

      const families = await scrape();
      expect(value(families, 'treaty_tracker_projector_lag_events')).toBe(MAX_LAG + 1);
      expect(value(families, 'treaty_tracker_projector_position')).toBe(value(families, 'treaty_tracker_event_store_head_position')! - (MAX_LAG + 1));
    } finally {
      await projector.start();
    }
    const caughtUp = await anonymous.get('/health/ready');
    expect(caughtUp.status).toBe(200);
    expect(caughtUp.body.details.projections).toMatchObject({ lagEvents: 0, role: 'leader' });
  });
});
