export interface HealthConfig {
  /** Ready only while the read models are at most this many events behind the log. */
  readonly maxLagEvents: number;
  /** How long each store may take to answer a readiness check. */
  readonly timeoutMs: number;
}

export const HEALTH_CONFIG = Symbol('HEALTH_CONFIG');
export const DEFAULT_MAX_LAG_EVENTS = 1000;

/** READINESS_MAX_LAG_EVENTS: a whole number of events, 0 or more (default 1000); anything else fails the start. */
export const healthConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): HealthConfig => {
  const text = env['READINESS_MAX_LAG_EVENTS']?.trim() ?? '';
  if (text !== '' && !/^\d+$/.test(text)) {
    throw new Error(`READINESS_MAX_LAG_EVENTS must be a whole number of events (0 or more), got "${env['READINESS_MAX_LAG_EVENTS']}"`);
  }
  return { maxLagEvents: text === '' ? DEFAULT_MAX_LAG_EVENTS : Number(text), timeoutMs: 3000 };
};
