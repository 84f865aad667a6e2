/** Corrections: a new event that names the act it corrects and why, checked against every invariant again. */
import { conflict, invalid, notFound } from '../shared/domain-error.js';
import type { CommandContext } from '../shared/event.js';
import { CORRECTABLE_ACTS, type CorrectableEventType } from './instrument.acts.js';
import type { CorrectAct } from './instrument.commands.js';
import {
  ADOPTION_METHODS,
  CONSENT_KINDS,
  RESERVATION_KINDS,
  RESERVATION_MOMENTS,
  type InstrumentEvent,
} from './instrument.events.js';
import { checkOpening, checkParticipation, checkVotes, notInFuture, plausibleAhead } from './instrument.invariants.js';
import { redetermine } from './instrument.redetermine.js';
import { applyCorrection, type Instrument } from './instrument.state.js';

export const correct = (instrument: Instrument, command: CorrectAct, context: CommandContext): InstrumentEvent[] => {
  const { eventId, reason, changes } = command.data;
  const act = instrument.acts[eventId];
  if (!act) {
    throw notFound('ACT_NOT_FOUND', `No correctable act with event id ${eventId} is recorded for this instrument (${Object.values(CORRECTABLE_ACTS).map((a) => a.label).join(', ')}).`);
  }
  if (!reason.trim()) throw invalid('reason', 'A correction must give its reason.');
  const definition = CORRECTABLE_ACTS[act.type];
  const allowed: readonly string[] = definition.correctable;
  const fields = Object.keys(changes);
  if (fields.length === 0) throw invalid('changes', `Name at least one field to correct: ${allowed.join(', ')}.`, 'NOTHING_TO_CORRECT');
  for (const field of fields) {
    if (!allowed.includes(field)) {
      throw invalid(`changes.${field}`, `${field} cannot be corrected on this act; the fields of a ${definition.label} are ${allowed.join(', ')}.`, 'FIELD_NOT_CORRECTABLE');
    }
    checkCorrectedValue(act.type, field, changes[field], context);
  }
  const event: InstrumentEvent = {
    type: 'ActCorrected.v1',
    data: { correctedEventId: eventId, correctedType: act.type, reason: reason.trim(), changes },
  };
  const after = applyCorrection(instrument, event.data);
  if (act.type === 'TextAdopted.v1') checkVotes(after.adoption!.method, after.adoption!.votes);
  checkOpening(after);
  const parties = act.party ? [act.party] : Object.keys(after.participants);
  for (const party of parties) checkParticipation(after, party);
  if (after.adoption && instrument.adoption && after.adoption.adoptedOn !== instrument.adoption.adoptedOn) {
    const dates = [...after.drafts.map((d) => d.preparedOn)].filter((d) => d > after.adoption!.adoptedOn);
    if (dates.length) throw conflict('ADOPTION_BEFORE_APPROVAL', `The text cannot be adopted on ${after.adoption.adoptedOn}: the version adopted was prepared on ${dates[0]}.`);
  }
  return [event, ...redetermine(instrument, after)];
};

/** The edge checks types; the domain checks that a value fits the act it corrects. */
const checkCorrectedValue = (type: CorrectableEventType, field: string, value: unknown, context: CommandContext): void => {
  const definition = CORRECTABLE_ACTS[type];
  const path = `changes.${field}`;
  const oneOf = (allowed: readonly unknown[]) => {
    if (!allowed.includes(value)) throw invalid(path, `${field} of a ${definition.label} must be one of ${allowed.join(', ')}.`, 'INVALID_CORRECTION');
  };
  if (field === 'kind') return oneOf(type === 'ConsentDeposited.v1' ? CONSENT_KINDS : RESERVATION_KINDS);
  if (field === 'method') return oneOf(ADOPTION_METHODS);
  if (field === 'madeAt') return oneOf(RESERVATION_MOMENTS);
  if (value === null) {
    if (!(definition.removable as readonly string[]).includes(field)) {
      throw invalid(path, `${field} of a ${definition.label} cannot be removed, only corrected.`, 'INVALID_CORRECTION');
    }
    return;
  }
  if (field === definition.dateField || /On$/.test(field)) {
    if (typeof value !== 'string') throw invalid(path, `${field} must be a date as YYYY-MM-DD.`, 'INVALID_CORRECTION');
    // Dates of acts that have taken place cannot lie ahead; a signature period may close in the future.
    if ((definition.mayBeAhead as readonly string[]).includes(field)) plausibleAhead(path, value, context);
    else notInFuture(path, value, context);
  }
};
