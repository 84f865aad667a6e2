import { ApiBearerAuth, ApiCookieAuth, ApiSecurity } from '@nestjs/swagger';
import type { DocumentBuilder } from '@nestjs/swagger';
import type { AccessRule } from './access-rule.js';
import { SESSION_COOKIE } from './session.js';

export const BEARER = 'apiToken';
export const COOKIE = 'session';

/** The schemes, declared once in the document. */
export const withSecuritySchemes = (builder: DocumentBuilder): DocumentBuilder =>
  builder
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A personal API token (POST /api/account/tokens): tt_<id>_<secret>.' }, BEARER)
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie set by POST /auth/login; writes also carry X-CSRF-Token.' }, COOKIE);

/**
 * Each operation's requirement: a token or a session; a reader's route also `{}` (anonymous) since
 * ANONYMOUS_READ may allow it; a public one requires nothing.
 */
export const securityOf = (rule: AccessRule) =>
  'public' in rule ? [ApiSecurity({})] : 'reader' in rule ? [ApiBearerAuth(BEARER), ApiCookieAuth(COOKIE), ApiSecurity({})] : [ApiBearerAuth(BEARER), ApiCookieAuth(COOKIE)];
