/** Review queue: one document per open review round; the decision removes it. */
import { type RecordedEvent } from '#libs/event-store';
import type { ReadModelDoc } from '../../read-model-store.port.js';
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
  readonly comments: readonly { readonly eventId: string; readonly author: string; readonly article: string | null; readonly recordedAt: string }[];
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
          comments: [],
        }
      );
    case 'ReviewCommentAdded.v1': {
      if (!doc || doc.comments.some((c) => c.eventId === recorded.id)) return doc;
      const { author, article } = event.data;
      return { ...doc, comments: [...doc.comments, { eventId: recorded.id, author, article, recordedAt: metadata.recordedAt }] };
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
  indexes: [{ keys: { requestedAt: 1 } }, { keys: { reviewers: 1 } }, { keys: { instrumentId: 1 } }],
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
