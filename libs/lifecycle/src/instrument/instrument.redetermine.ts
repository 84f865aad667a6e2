/** Entry into force, determined again after every act, correction or revision of the final clauses. */
import type { LegalDate } from '../shared/event.js';
import { assessInstrument } from './instrument.assess.js';
import type { InstrumentEvent } from './instrument.events.js';
import { checkParticipation } from './instrument.invariants.js';
import { evolveInstrument, type Instrument, type InstrumentState } from './instrument.state.js';

/** The general entry-into-force date under the instrument's final clauses (possibly still ahead), or null. */
export const entryIntoForceDate = (state: Instrument): LegalDate | null =>
  state.eligibleParties.length === 0 ? null : assessInstrument(state).entryIntoForce.date;

/**
 * Re-determine entry into force after an act, a correction or a revision of the final clauses; emits an
 * event only when the date changes. The date may lie ahead (three months after the tenth deposit): the
 * instrument is in force from that day on, not from the act that met the condition.
 */
export const redetermine = (before: Instrument, after: Instrument): InstrumentEvent[] => {
  if (before.stage === 'terminated') return [];
  // A text still under negotiation is not in force whatever its final clauses say (a fixed date already past):
  // entry into force is first determined once the instrument is open for signature, when acts can be recorded.
  if (!after.signatureOpening) return [];
  const date = entryIntoForceDate(after);
  const current = before.entryIntoForce;
  if (date === (current?.date ?? null)) return [];
  if (date === null) {
    return [
      {
        type: 'EntryIntoForceDeterminationRevoked.v1',
        data: { supersedes: current!.eventId, reason: 'The acts on record no longer meet the condition for entry into force.' },
      },
    ];
  }
  return [{ type: 'EntryIntoForceDetermined.v1', data: { date, rule: after.entryIntoForceRule.type, supersedes: current?.eventId ?? null } }];
};

/** Fold events a decision produced onto the state, for checks that look at the result. */
export const simulate = (state: Instrument, events: readonly InstrumentEvent[]): Instrument =>
  events.reduce<InstrumentState>(
    (s, event, i) =>
      evolveInstrument(s, {
        event,
        id: `pending-${i}`,
        revision: -1n,
        metadata: { actor: '', recordedAt: '', legalDate: '', correlationId: '', causationId: '' },
      }),
    state,
  ) as Instrument;

/** A party act: check it against the resulting state, then add the entry-into-force consequence. */
export const partyAct = (state: Instrument, party: string, event: InstrumentEvent): InstrumentEvent[] => {
  const after = simulate(state, [event]);
  checkParticipation(after, party);
  return [event, ...redetermine(state, after)];
};

