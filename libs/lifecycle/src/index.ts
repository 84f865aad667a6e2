export * from './shared/domain-error.js';
export * from './shared/event.js';
export * from './party/party.events.js';
export * from './party/party.decide.js';
export * from './instrument/instrument.events.js';
export * from './instrument/instrument.decide.js';
export * from './handle-command.js';
export * from './instrument/instrument.assess.js';
