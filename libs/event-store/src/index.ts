// The port, the decider vocabulary and the generic command handler: no driver, no framework. The adapters
// and the Nest module are in '#libs/event-store/adapters', imported at the edge only.
export * from './event-store.port.js';
export * from './command-handling/decider.js';
export * from './command-handling/handle-command.js';
