/**
 * Persisted read models are only as good as the code that made them: the projector keeps a fingerprint of the
 * projections (and of the views whose answers it stores) beside its checkpoint, and starts again from the
 * beginning of the log when it differs, or when the checkpoint is past the log's head (another log's models).
 */
import { createHash } from 'node:crypto';
import type { Projection } from '../projections/projection.js';

/** Bump when a projection's output changes in a way its functions' text does not show (a helper it calls). 2: compact status timeline. */
export const READ_MODELS_VERSION = 2;

export const READ_MODEL_META = 'read_model_meta';

export const fingerprintOf = (projections: readonly Projection[], also: readonly ((...args: never[]) => unknown)[] = []): string => {
  const hash = createHash('sha256').update(`v${READ_MODELS_VERSION}`);
  // Not the indexes: they are ensured at every start and change no document.
  for (const p of projections) hash.update(p.name).update(p.target.toString()).update(p.evolve.toString());
  for (const f of also) hash.update(f.toString());
  return hash.digest('hex').slice(0, 32);
};
