/**
 * Activity feed: one document per instrument event, with the few fields a feed line needs (never the draft
 * text). A correction adds its own line and marks the line of the act it corrects, moving its date.
 */
import { type RecordedEvent } from '#libs/event-store';
import { type CorrectableEventType, type InstrumentEvent } from '#libs/lifecycle';
import { positionKey, type ReadModelDoc } from '../../read-model-store.port.js';
import { ACT_DATE_FIELD, actingPartyOf, correctableFields, instrumentEventOf, instrumentIdOf, metadataOf, pick, type Projection } from '../projection.js';

export const ACTIVITY = 'activity';

export interface ActivityDoc extends ReadModelDoc {
  readonly instrumentId: string;
  /** Global log position (zero-padded), the tie-breaker for ordering. */
  readonly position: string;
  readonly type: string;
  readonly party: string | null;
  readonly legalDate: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly corrections: readonly { readonly eventId: string; readonly reason: string; readonly recordedAt: string }[];
}

const REVIEW_TEXT_LIMIT = 280;
const clip = (text: string): string => (text.length > REVIEW_TEXT_LIMIT ? `${text.slice(0, REVIEW_TEXT_LIMIT - 1)}…` : text);

/** The fields a feed line shows; long texts are left to the instrument's own pages. */
export const feedDetails = (event: InstrumentEvent): Record<string, unknown> => {
  switch (event.type) {
    case 'InstrumentCreated.v1':
      return { kind: event.data.kind, title: event.data.title, eligibleParties: event.data.eligibleParties.length };
    case 'DraftVersionRecorded.v2':
      return { version: event.data.version, summary: clip(event.data.summary) };
    case 'ReviewRequested.v1':
      return { round: event.data.round, version: event.data.version, reviewers: event.data.reviewers };
    case 'ReviewCommentAdded.v1':
      return { round: event.data.round, author: event.data.author, article: event.data.article };
    case 'ReviewDecided.v1':
      return { round: event.data.round, decision: event.data.decision };
    case 'ReservationMade.v1':
    case 'ReservationObjected.v1': {
      const { party: _party, text, ...rest } = event.data;
      return { ...rest, text: clip(text) };
    }
    case 'ReservationWithdrawn.v1':
    case 'ObjectionWithdrawn.v1':
    case 'ProvisionalApplicationNotified.v1':
    case 'ProvisionalApplicationTerminated.v1':
    case 'TerritorialApplicationDeclared.v1':
    case 'InstrumentSigned.v1':
    case 'ConsentDeposited.v1':
    case 'WithdrawalNotified.v1': {
      const { party: _party, ...rest } = event.data;
      return rest;
    }
    case 'FinalClausesRevised.v1':
    case 'TextAdopted.v1':
    case 'SignatureOpened.v1':
    case 'InternalProceduresNotified.v1':
    case 'WithdrawalRevoked.v1':
    case 'TerminationNotified.v1':
    case 'EntryIntoForceDetermined.v1':
    case 'EntryIntoForceDeterminationRevoked.v1':
    case 'InstrumentTerminated.v1':
    case 'InstrumentDiscarded.v1':
    case 'ActCorrected.v1':
      return { ...event.data };
  }
};

const evolveActivity = (doc: ActivityDoc | null, recorded: RecordedEvent, id: string): ActivityDoc | null => {
  const event = instrumentEventOf(recorded);
  const instrumentId = instrumentIdOf(recorded);
  if (!event || !instrumentId) return doc;
  const metadata = metadataOf(recorded);
  if (id === recorded.id) {
    if (doc) return doc;
    const party = actingPartyOf(event);
    return {
      _id: id,
      instrumentId,
      position: positionKey(recorded.position),
      type: event.type,
      party: typeof party === 'string' ? party : null,
      legalDate: metadata.legalDate,
      recordedAt: metadata.recordedAt,
      actor: metadata.actor,
      details: feedDetails(event),
      corrections: [],
    };
  }
  // The line of the act a correction names.
  if (event.type !== 'ActCorrected.v1' || !doc || doc.corrections.some((c) => c.eventId === recorded.id)) return doc;
  const type = doc.type as CorrectableEventType;
  const fields = correctableFields(type);
  if (!fields) return doc;
  const details = { ...doc.details, ...pick(event.data.changes, fields) };
  const date = details[ACT_DATE_FIELD[type]];
  return {
    ...doc,
    details,
    legalDate: typeof date === 'string' ? date : doc.legalDate,
    corrections: [...doc.corrections, { eventId: recorded.id, reason: event.data.reason, recordedAt: metadata.recordedAt }],
  };
};

export const activityProjection: Projection<ActivityDoc> = {
  name: ACTIVITY,
  indexes: [{ keys: { instrumentId: 1 } }, { keys: { legalDate: -1 } }, { keys: { position: -1 } }, { keys: { party: 1 } }],
  target: (event) => {
    if (!instrumentIdOf(event)) return null;
    const decoded = instrumentEventOf(event)!;
    if (decoded.type === 'ActCorrected.v1') return { ids: [event.id, decoded.data.correctedEventId] };
    return { ids: [event.id] };
  },
  evolve: evolveActivity,
};
