/**
 * What a reader sees of an instrument. The secretariat's staff see everything; a member state also the drafts
 * and review rounds of instruments it is eligible for; donors and anonymous readers only instruments adopted
 * (or opened for signature) and never drafts, review rounds or comments — as on the UN Treaty Collection.
 */
import { hasRole, type Principal } from '#libs/identity';
import { notFound, PARTY_ACTS, type InstrumentEvent, type PartyActType, type Stage } from '#libs/lifecycle';
import { ForbiddenException, Injectable } from '@nestjs/common';
import { ReadModelQueries } from '#libs/read-models';
import { STAFF } from './access-rule.js';

export const PUBLISHED_STAGES: readonly Stage[] = ['adopted', 'open-for-signature', 'in-force', 'terminated'];

export interface Visible {
  readonly stage: Stage;
  readonly eligibleParties: readonly string[];
}

export const seesEverything = (principal: Principal | null): boolean => hasRole(principal, ...STAFF);

const eligibleMemberState = (principal: Principal | null, instrument: Visible): boolean =>
  hasRole(principal, 'member-state') && principal!.parties.some((code) => instrument.eligibleParties.includes(code));

/** Drafts, review rounds and comments. */
export const seesNegotiation = (principal: Principal | null, instrument: Visible): boolean =>
  seesEverything(principal) || eligibleMemberState(principal, instrument);

/** A discarded record stays visible to the staff (its history), to nobody else. */
export const seesInstrument = (principal: Principal | null, instrument: Visible): boolean =>
  seesEverything(principal) ||
  (instrument.stage !== 'discarded' && (PUBLISHED_STAGES.includes(instrument.stage) || seesNegotiation(principal, instrument)));

/** An instrument the reader may not see answers as one that does not exist (its existence is not disclosed). */
export const requireVisible = (principal: Principal | null, instrument: Visible, id: string): void => {
  if (!seesInstrument(principal, instrument)) throw notFound('INSTRUMENT_NOT_FOUND', `No instrument with id ${id} is recorded.`);
};

export const requireNegotiation = (principal: Principal | null, instrument: Visible): void => {
  if (!seesNegotiation(principal, instrument)) {
    throw new ForbiddenException({ code: 'NEGOTIATION_NOT_PUBLIC', message: 'Drafts, review rounds and comments are shown to the secretariat and to the parties eligible for the instrument.' });
  }
};

/** The events of the negotiation, left out of what a reader outside it sees. */
export const NEGOTIATION_EVENTS: readonly InstrumentEvent['type'][] = ['DraftVersionRecorded.v2', 'ReviewRequested.v1', 'ReviewCommentAdded.v1', 'ReviewDecided.v1'];

/**
 * The acts the public activity feed shows: adoption, opening, party acts, entry into force, termination and
 * corrections — each comes after the text is settled. Creation, final clauses and the negotiation do not.
 */
export const PUBLIC_ACTIVITY: readonly InstrumentEvent['type'][] = [
  'TextAdopted.v1',
  'SignatureOpened.v1',
  ...(Object.keys(PARTY_ACTS) as PartyActType[]),
  'EntryIntoForceDetermined.v1',
  'EntryIntoForceDeterminationRevoked.v1',
  'InstrumentTerminated.v1',
  'ActCorrected.v1',
];

export const activityFilterFor = (principal: Principal | null): Record<string, unknown> | null =>
  seesEverything(principal) ? null : { type: { $in: PUBLIC_ACTIVITY } };

/** A filter for the instrument list: what the reader may see (null: everything). */
export const listFilterFor = (principal: Principal | null): Record<string, unknown> | null => {
  if (seesEverything(principal)) return null;
  const published = { stage: { $in: PUBLISHED_STAGES } };
  return hasRole(principal, 'member-state') ? { $or: [published, { eligibleParties: { $in: principal!.parties } }] } : published;
};

/** Looks the instrument's audience up in the read models (staff need no lookup: they see everything). */
@Injectable()
export class InstrumentVisibility {
  constructor(private readonly queries: ReadModelQueries) {}

  async requireVisible(principal: Principal | null, instrumentId: string): Promise<{ readonly negotiation: boolean }> {
    if (seesEverything(principal)) return { negotiation: true };
    const audience = await this.queries.audienceOf(instrumentId);
    if (!audience) throw notFound('INSTRUMENT_NOT_FOUND', `No instrument with id ${instrumentId} is recorded.`);
    requireVisible(principal, audience, instrumentId);
    return { negotiation: seesNegotiation(principal, audience) };
  }
}
