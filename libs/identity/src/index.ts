export * from './roles.js';
export * from './principal.js';
export * from './account/account.events.js';
export * from './account/account.decide.js';
export * from './credentials/password-hash.js';
export * from './credentials/api-token.js';
export * from './credentials/credential-store.port.js';
export { SqliteCredentialStore } from './credentials/sqlite-credential-store.js';
