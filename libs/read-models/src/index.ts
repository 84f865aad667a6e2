export * from './read-model-store.port.js';
export { EmbeddedReadModelStore, type EmbeddedReadModelStoreOptions } from './embedded/embedded-read-model-store.js';
// The MongoDB adapter is loaded on demand by createReadModelStore, so the embedded default never loads the driver.
export type { MongoReadModelStore, MongoReadModelStoreOptions } from './mongodb/mongodb-read-model-store.js';
export * from './projections/index.js';
export * from './projector/projector.js';
export * from './time-travel.js';
export * from './what-if.js';
export * from './rebuild.js';
export * from './read-model-queries.js';
export * from './read-models.config.js';
export * from './read-models.module.js';
export * from './rebuild-jobs.js';
