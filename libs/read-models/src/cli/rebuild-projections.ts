/**
 * Rebuild the read models from the whole log without downtime (`npm run projections:rebuild`).
 *
 * READ_MODEL_STORE=mongodb: replays into fresh collections and renames them over the live ones; the API keeps
 * answering from the old ones until then, and its projector resumes from the new checkpoint.
 * READ_MODEL_STORE=embedded (default): the embedded read models live inside the API process (rebuilt there at
 * every start), so this replays into a fresh in-memory store of its own, as a check and a measurement.
 * The event store is the one the service uses (EVENT_STORE, DATA_DIR...).
 */
import cliProgress from 'cli-progress';
import { createEventStore, eventStoreConfigFromEnv, START } from '#libs/event-store';
import { rebuildReadModels } from '../rebuild.js';
import { createReadModelStore, readModelsConfigFromEnv } from '../read-models.config.js';

const main = async (): Promise<void> => {
  const config = readModelsConfigFromEnv();
  const eventStore = createEventStore(eventStoreConfigFromEnv());
  const store = await createReadModelStore(config.store);
  const head = await eventStore.headPosition();
  const total = head === START ? 0 : Number(head);
  console.log(
    config.store.kind === 'mongodb'
      ? `Rebuilding the read models in MongoDB (${store.kind}) from ${total} log positions; the API keeps answering meanwhile.`
      : 'READ_MODEL_STORE=embedded: the running API keeps its read models in its own memory and rebuilds them at start-up;\n' +
          `replaying ${total} log positions into a fresh in-memory store here, as a check and a measurement.`,
  );
  const bar = new cliProgress.SingleBar(
    { format: 'rebuild |{bar}| {percentage}% | position {value}/{total} | {events} events | {rate} events/s | {elapsed}s', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0, { events: 0, rate: 0, elapsed: 0 });
  try {
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
    await store.close();
    await eventStore.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
