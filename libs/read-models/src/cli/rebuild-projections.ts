/**
 * Rebuild the read models from the whole log without downtime (`npm run projections:rebuild`), with a progress
 * bar and the rate.
 *
 * READ_MODEL_STORE=mongodb: replays into fresh collections and renames them over the live ones, from here; the
 * API keeps answering from the old ones until then, and its projector resumes from the new checkpoint. The event
 * store is the one the service uses (EVENT_STORE, DATA_DIR...).
 * READ_MODEL_STORE=embedded (default): the read models live in the running service's memory, so the service
 * rebuilds them itself: this asks it to (POST /api/admin/projections/rebuild on http://HOST:PORT, by default
 * 127.0.0.1:3000) and follows the job until it is swapped in. It says so clearly when no service is running.
 * Either way only one rebuild runs at a time (a lease in the read-model store).
 */
import { randomUUID } from 'node:crypto';
import cliProgress from 'cli-progress';
import { environment } from '#libs/config';
import { START } from '#libs/event-store';
import { createEventStore, eventStoreConfigFromEnv } from '#libs/event-store/adapters';
import { DEFAULT_REBUILD_LEASE_TTL_MS, REBUILD_LEASE, type RebuildJobView } from '../rebuild-jobs.js';
import { rebuildReadModels } from '../rebuild.js';
import { createReadModelStore, readModelsConfigFromEnv, type ReadModelsConfig } from '../read-models.config.js';
import { rebuildThroughService, serviceUrlFromEnv } from './rebuild-client.js';

const newBar = () =>
  new cliProgress.SingleBar(
    { format: 'rebuild |{bar}| {percentage}% | position {value}/{total} | {events} events | {rate} events/s | {elapsed}s', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );

/** In the running service (embedded read models). */
const rebuildInService = async (): Promise<void> => {
  const url = serviceUrlFromEnv();
  const apiToken = environment().get('API_TOKEN');
  console.log(`READ_MODEL_STORE=embedded: asking the service at ${url} to rebuild its read models; it keeps answering meanwhile.`);
  const bar = newBar();
  let shown = false;
  const show = (job: RebuildJobView) => {
    const total = Math.max(job.total, job.position, 1);
    if (!shown) bar.start(total, 0, { events: 0, rate: 0, elapsed: 0 });
    shown = true;
    bar.setTotal(total);
    bar.update(job.state === 'succeeded' ? total : job.position, { events: job.events, rate: job.eventsPerSecond, elapsed: (job.elapsedMs / 1000).toFixed(1) });
  };
  try {
    const job = await rebuildThroughService(url, {
      ...(apiToken ? { token: apiToken } : {}),
      onAttach: (running) => console.log(`A rebuild was already running (job ${running.jobId}); following it.`),
      onProgress: show,
    });
    bar.stop();
    console.log(
      `Rebuilt ${job.collections.length} read models (${job.collections.join(', ')}) from ${job.events} events in ` +
        `${(job.elapsedMs / 1000).toFixed(2)} s: ${job.eventsPerSecond} events/s (job ${job.jobId}).`,
    );
  } finally {
    bar.stop();
  }
};

/** Straight into MongoDB: fresh collections, then rename. */
const rebuildInMongo = async (config: ReadModelsConfig): Promise<void> => {
  const eventStore = await createEventStore(eventStoreConfigFromEnv());
  const store = await createReadModelStore(config.store);
  const owner = `cli-${randomUUID()}`;
  const bar = newBar();
  let renewal: NodeJS.Timeout | null = null;
  try {
    const lease = await store.acquireLease(REBUILD_LEASE, owner, DEFAULT_REBUILD_LEASE_TTL_MS);
    if (!lease) {
      const holder = await store.currentLease(REBUILD_LEASE);
      throw new Error(`A rebuild of the read models is already running (${holder?.owner ?? 'another process'} holds the rebuild lease); run this again once it has finished.`);
    }
    renewal = setInterval(() => void store.renewLease(REBUILD_LEASE, owner, DEFAULT_REBUILD_LEASE_TTL_MS).catch(() => undefined), DEFAULT_REBUILD_LEASE_TTL_MS / 3);
    const head = await eventStore.headPosition();
    const total = head === START ? 0 : Number(head);
    console.log(`Rebuilding the read models in MongoDB (${store.kind}) from ${total} log positions; the API keeps answering meanwhile.`);
    bar.start(Math.max(total, 1), 0, { events: 0, rate: 0, elapsed: 0 });
    const result = await rebuildReadModels({
      eventStore,
      store,
      onProgress: (p) => {
        const value = p.position === START ? 0 : Number(p.position);
        bar.setTotal(Math.max(total, value, 1));
        bar.update(value, { events: p.events, rate: p.eventsPerSecond, elapsed: (p.elapsedMs / 1000).toFixed(1) });
      },
    });
    bar.stop();
    console.log(
      `Rebuilt ${result.collections.length} read models (${result.collections.join(', ')}) from ${result.events} events in ` +
        `${(result.elapsedMs / 1000).toFixed(2)} s: ${result.eventsPerSecond} events/s; checkpoint at position ${String(result.position)}.`,
    );
  } finally {
    bar.stop();
    if (renewal) clearInterval(renewal);
    await store.releaseLease(REBUILD_LEASE, owner).catch(() => undefined);
    await store.close();
    await eventStore.close();
  }
};

const main = async (): Promise<void> => {
  const config = readModelsConfigFromEnv();
  if (config.store.kind === 'mongodb') await rebuildInMongo(config);
  else await rebuildInService();
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
