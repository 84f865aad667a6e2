/**
 * Review queue: one document per open review round; the decision removes it. A round keeps how many comments it
 * has, not the comments (the queue shows the count; the texts are the instrument's), so its document does not grow
 * with a long review.
 */
import { type RecordedEvent } from '#libs/event-store';
import { positionKey, type ReadModelDoc } from '../../read-model-store.port.js';
import { instrumentEventOf, instrumentIdOf, metadataOf, type Projection } from '../projection.js';

export const REVIEW_QUEUE = 'review_queue';

export interface ReviewQueueDoc extends ReadModelDoc {
  readonly instrumentId: string;
  readonly round: number;
  readonly version: number;
  readonly reviewers: readonly string[];
  readonly note: string | null;
  readonly requestedAt: string;
  readonly requestedBy: string;
  readonly comments: number;
  /** The log position of the last comment counted (zero-padded), so that applying a comment again counts it once. */
  readonly commentsThrough: string | null;
  readonly lastCommentAt: string | null;
}

export const reviewId = (instrumentId: string, round: number): string => `${instrumentId}:${round}`;

const evolveReview = (doc: ReviewQueueDoc | null, recorded: RecordedEvent, id: string): ReviewQueueDoc | null => {
  const event = instrumentEventOf(recorded);
  const instrumentId = instrumentIdOf(recorded);
  if (!event || !instrumentId) return doc;
  const metadata = metadataOf(recorded);
  switch (event.type) {
    case 'ReviewRequested.v1':
      return (
        doc ?? {
          _id: id,
          instrumentId,
          round: event.data.round,
          version: event.data.version,
          reviewers: event.data.reviewers,
          note: event.data.note,
          requestedAt: metadata.recordedAt,
          requestedBy: metadata.actor,
          comments: 0,
          commentsThrough: null,
          lastCommentAt: null,
        }
      );
    case 'ReviewCommentAdded.v1': {
      const position = positionKey(recorded.position);
      if (!doc || (doc.commentsThrough !== null && doc.commentsThrough >= position)) return doc;
      return { ...doc, comments: doc.comments + 1, commentsThrough: position, lastCommentAt: metadata.recordedAt };
    }
    case 'ReviewDecided.v1':
    case 'InstrumentDiscarded.v1':
      return null; // decided, or the record discarded: no longer awaiting review (and a replay does not bring it back)
    case 'InstrumentCreated.v1':
    case 'FinalClausesRevised.v1':
    case 'DraftVersionRecorded.v2':
    case 'TextAdopted.v1':
    case 'SignatureOpened.v1':
    case 'InstrumentSigned.v1':
    case 'ConsentDeposited.v1':
    case 'InternalProceduresNotified.v1':
    case 'ReservationMade.v1':
    case 'ReservationObjected.v1':
    case 'ReservationWithdrawn.v1':
    case 'ObjectionWithdrawn.v1':
    case 'ProvisionalApplicationNotified.v1':
    case 'ProvisionalApplicationTerminated.v1':
    case 'TerritorialApplicationDeclared.v1':
    case 'WithdrawalNotified.v1':
    case 'WithdrawalRevoked.v1':
    case 'TerminationNotified.v1':
    case 'EntryIntoForceDetermined.v1':
    case 'EntryIntoForceDeterminationRevoked.v1':
    case 'InstrumentTerminated.v1':
    case 'ActCorrected.v1':
      return doc;
  }
};

export const reviewQueueProjection: Projection<ReviewQueueDoc> = {
  name: REVIEW_QUEUE,
  indexes: [{ keys: { requestedAt: 1 } }, { keys: { reviewers: 1 } }, { keys: { instrumentId: 1 }, projection: true }],
  target: (event) => {
    const instrumentId = instrumentIdOf(event);
    if (!instrumentId) return null;
    const decoded = instrumentEventOf(event)!;
    if (decoded.type === 'ReviewRequested.v1' || decoded.type === 'ReviewCommentAdded.v1' || decoded.type === 'ReviewDecided.v1') {
      return { ids: [reviewId(instrumentId, decoded.data.round)] };
    }
    if (decoded.type === 'InstrumentDiscarded.v1') return { filter: { instrumentId } };
    return null;
  },
  evolve: evolveReview,
};
