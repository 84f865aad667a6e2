// The pure domain: importing it loads no store, no driver and no framework (domain-purity.spec.ts).
export * from './shared/domain-error.js';
export * from './shared/event.js';
export * from './shared/event-codec.js';
export * from './party/party.events.js';
export * from './party/party.decide.js';
export * from './instrument/instrument.events.js';
export * from './instrument/instrument.acts.js';
export * from './instrument/instrument.state.js';
export * from './instrument/instrument.stage.js';
export * from './instrument/instrument.codec.js';
export * from './instrument/instrument.commands.js';
export * from './instrument/instrument.decide.js';
export * from './instrument/instrument.assess.js';
export { entryIntoForceDate } from './instrument/instrument.redetermine.js';
export { EARLIEST_LEGAL_DATE, YEARS_AHEAD } from './instrument/instrument.invariants.js';
export * from './instrument/reservation-objections.js';
export * from './instrument/provisional-application.js';
export * from './instrument/what-if.js';
