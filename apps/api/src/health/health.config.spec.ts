import { healthConfigFromEnv } from './health.config.js';

describe('healthConfigFromEnv', () => {
  it('allows 1000 events of lag by default, and what READINESS_MAX_LAG_EVENTS says otherwise', () => {
    expect(healthConfigFromEnv({}).maxLagEvents).toBe(1000);
    expect(healthConfigFromEnv({ READINESS_MAX_LAG_EVENTS: ' ' }).maxLagEvents).toBe(1000);
    expect(healthConfigFromEnv({ READINESS_MAX_LAG_EVENTS: '0' }).maxLagEvents).toBe(0);
    expect(healthConfigFromEnv({ READINESS_MAX_LAG_EVENTS: '25' }).maxLagEvents).toBe(25);
  });

  it.each(['-1', '1.5', 'lots', '1e3'])('refuses READINESS_MAX_LAG_EVENTS=%s at start, naming it', (value) => {
    expect(() => healthConfigFromEnv({ READINESS_MAX_LAG_EVENTS: value })).toThrow(/READINESS_MAX_LAG_EVENTS/);
  });
});
