import { needsSession, SESSION_COOKIE } from './session.js';

describe('which requests read a session', () => {
  const request = (url: string, cookie?: string) => ({ url, headers: cookie === undefined ? {} : { cookie } });

  it('reads it for an API request that sends the session cookie, alone or among others', () => {
    expect(needsSession(request('/api/instruments', `${SESSION_COOKIE}=s%3Aabc.def`))).toBe(true);
    expect(needsSession(request('/api/account/tokens', `theme=dark; ${SESSION_COOKIE}=s%3Aabc.def`))).toBe(true);
  });

  it('skips it for an API request without the cookie', () => {
    expect(needsSession(request('/api/instruments'))).toBe(false);
    expect(needsSession(request('/api/instruments/x/status?asOf=2020-01-01', 'theme=dark'))).toBe(false);
  });

  it('always reads it outside /api: sign-in, sign-out and the pages open and end sessions', () => {
    for (const url of ['/auth/login', '/auth/oidc/callback?code=x', '/sign-in', '/', '/instruments/x', '/API/instruments']) {
      expect(needsSession(request(url))).toBe(true);
    }
  });
});
