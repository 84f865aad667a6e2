// Carrying the record away: NDJSON export and import, online backup and restore, migration between stores.
export * from './log-export.js';
export * from './log-import.js';
export * from './data-dir-backup.js';
export * from './log-migration.js';
