/** The replay checks every projection spec runs (test helper). */
import { type RecordedEvent } from '#libs/event-store';
import type { Projection } from '../projections/projection.js';
import { evolveAll, project, snapshot } from './event-log.js';

export const expectReplayChangesNothing = async (projection: Projection, events: readonly RecordedEvent[]): Promise<void> => {
  const store = await project(events, [projection]);
  const once = await snapshot(store);
  expect(Object.values(once).flat().length).toBeGreaterThan(0);
  await project(events, [projection], store); // the whole log again, as after a lost checkpoint
  expect(await snapshot(store)).toEqual(once);
  // evolve alone is idempotent too: each event applied twice in a row gives the same documents
  expect(evolveAll(projection, events, true)).toEqual(evolveAll(projection, events));
};
