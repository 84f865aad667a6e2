import type { Projection } from './projection.js';
import { accountDirectoryProjection } from './account-directory/account-directory.projection.js';
import { activityProjection } from './activity/activity.projection.js';
import { instrumentStatusProjection } from './instrument-status/instrument-status.projection.js';
import { participationProjection } from './participation/participation.projection.js';
import { partyDirectoryProjection } from './party-directory/party-directory.projection.js';
import { partyInstrumentsProjection } from './party-instruments/party-instruments.projection.js';
import { reviewQueueProjection } from './review-queue/review-queue.projection.js';

export * from './projection.js';
export * from './apply-event.js';
export * from './account-directory/account-directory.projection.js';
export * from './activity/activity.projection.js';
export * from './instrument-status/instrument-status.projection.js';
export * from './instrument-status/instrument-status.view.js';
export * from './participation/participation.projection.js';
export * from './participation/participation.view.js';
export * from './party-directory/party-directory.projection.js';
export * from './party-instruments/party-instruments.projection.js';
export * from './review-queue/review-queue.projection.js';

/** Every projection the projector maintains, in the order it applies them to each event. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  instrumentStatusProjection,
  participationProjection,
  partyInstrumentsProjection,
  activityProjection,
  reviewQueueProjection,
  partyDirectoryProjection,
  accountDirectoryProjection,
] as readonly Projection[];
