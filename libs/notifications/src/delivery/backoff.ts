/** Exponential backoff: the n-th retry waits base × 2^(n-1), at most `maxMs`. */
export const retryDelay = (failedAttempts: number, baseMs: number, maxMs = 3_600_000): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
