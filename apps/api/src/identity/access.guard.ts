import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole, type Principal } from '#libs/identity';
import type { Request } from 'express';
import { csrfSync } from 'csrf-sync';
import { ACCESS_RULE, type AccessRule } from './access-rule.js';
import { AccountsService } from './accounts.service.js';
import { IDENTITY_CONFIG } from './identity.tokens.js';
import type { IdentityConfig } from './identity.config.js';

export type AuthenticatedRequest = Request & { principal?: Principal | null };

/** Writes made with a session cookie carry the session's CSRF token in this header (tokens need none). */
export const CSRF_HEADER = 'x-csrf-token';
/** The pages' forms carry it as a hidden field instead (a form cannot set a header). */
export const CSRF_FIELD = '_csrf';
export const csrf = csrfSync({
  getTokenFromRequest: (req) =>
    (req.headers[CSRF_HEADER] as string | undefined) ??
    (req.is('application/x-www-form-urlencoded') && typeof req.body?.[CSRF_FIELD] === 'string' ? (req.body[CSRF_FIELD] as string) : undefined),
});

const unauthenticated = (message = 'Sign in first: send a session cookie (POST /auth/login) or Authorization: Bearer <API token>.') =>
  new UnauthorizedException({ code: 'UNAUTHENTICATED', message });
const forbidden = (code: string, message: string) => new ForbiddenException({ code, message });

/** Establishes who calls (never from a header the client may set freely) and applies the route's rule. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.ruleOf(context.getClass(), context.getHandler());
    if (!rule) throw forbidden('ACCESS_RULE_MISSING', 'This route states no access rule, so nobody may call it.');
    const principal = await this.principalOf(request);
    request.principal = principal;
    if ('public' in rule) return true;
    if (!principal) {
      if ('reader' in rule && this.config.anonymousRead === 'published') return true;
      throw unauthenticated();
    }
    if (principal.via === 'session' && !['GET', 'HEAD', 'OPTIONS'].includes(request.method) && !csrf.isRequestValid(request)) {
      throw forbidden('CSRF_TOKEN_INVALID', `A write made with a session cookie carries the session's CSRF token in ${CSRF_HEADER} (GET /auth/session gives it).`);
    }
    if ('reader' in rule || 'signedIn' in rule) return true;
    if (!hasRole(principal, ...rule.roles)) {
      throw forbidden('ROLE_REQUIRED', `This requires the role ${rule.roles.join(' or ')}; you have ${principal.roles.join(', ')}.`);
    }
    if (rule.forParty) {
      const party = request.params[rule.forParty];
      if (typeof party === 'string' && !hasRole(principal, 'depositary') && !principal.parties.includes(party)) {
        throw forbidden('NOT_YOUR_PARTY', `You act for ${principal.parties.join(', ')}; an act for ${party} is recorded by ${party} or by the depositary.`);
      }
    }
    return true;
  }

  /** Declarations are fixed once the routes are built: each route's rule is looked up once (by class and handler). */
  private readonly rules = new WeakMap<object, WeakMap<object, AccessRule | null>>();

  private ruleOf(controller: object, handler: object): AccessRule | undefined {
    let byHandler = this.rules.get(controller);
    if (!byHandler) this.rules.set(controller, (byHandler = new WeakMap()));
    let rule = byHandler.get(handler);
    if (rule === undefined) {
      rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler as () => void, controller as new () => object]) ?? null;
      byHandler.set(handler, rule);
    }
    return rule ?? undefined;
  }

  private async principalOf(request: AuthenticatedRequest): Promise<Principal | null> {
    if (request.principal !== undefined) return request.principal;
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const principal = match ? await this.accounts.principalFromToken(match[1]!) : null;
      if (!principal) throw unauthenticated('The API token is not valid (unknown, revoked or expired), or its account is disabled.');
      return principal;
    }
    const signedIn = request.session?.account;
    if (!signedIn) return null;
    const principal = await this.accounts.principalFromSession(signedIn.username, signedIn.epoch);
    if (!principal) await new Promise<void>((resolve) => request.session.destroy(() => resolve()));
    return principal;
  }
}
