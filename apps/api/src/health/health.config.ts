import { environment } from '#libs/config';

export interface HealthConfig {
  /** Ready only while the read models are at most this many events behind the log. */
  readonly maxLagEvents: number;
  /** How long each store may take to answer a readiness check. */
  readonly timeoutMs: number;
}

export const HEALTH_CONFIG = Symbol('HEALTH_CONFIG');

/** READINESS_MAX_LAG_EVENTS, as the configuration schema declares and checks it. */
export const healthConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): HealthConfig => ({
  maxLagEvents: environment(env).get('READINESS_MAX_LAG_EVENTS'),
  timeoutMs: 3000,
});
