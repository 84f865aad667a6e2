import { BadRequestException, Controller, ForbiddenException, Get, HttpStatus, Inject, NotFoundException, Req, Res, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { environment } from '#libs/config';
import { oidcConfigFromEnv, OidcSignIn, OidcSignInRefused, type ExternalIdentity, type OidcConfig } from '#libs/identity/oidc';
import type { Request, Response } from 'express';
import { ErrorResponse } from '../../common/answers.dto.js';
import { Clock } from '../../common/clock.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { PUBLIC } from '../access-rule.js';
import { csrf } from '../access.guard.js';
import { regenerateSession } from '../session.js';
import { AccountsService, SYSTEM_PRINCIPAL } from '../accounts.service.js';

export const OIDC_CONFIG = Symbol('OIDC_CONFIG');

/**
 * Single sign-on with the organisation's OpenID provider: authorization code with PKCE. The provider says
 * who the person is and, through its claims, which roles (and parties) they hold here; the account follows.
 */
@ApiTags('sign-in')
@Controller('auth/oidc')
@RouteAccess(PUBLIC)
export class OidcSignInHttpController {
  private signIn: Promise<OidcSignIn> | null = null;

  constructor(
    @Inject(OIDC_CONFIG) private readonly config: OidcConfig | null,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  /** Discovered once, at the first sign-in (a provider that is down does not stop the service starting). */
  private client(): Promise<OidcSignIn> {
    if (!this.config) throw new NotFoundException({ code: 'OIDC_NOT_CONFIGURED', message: 'Single sign-on is not configured here (OIDC_ISSUER).' });
    this.signIn ??= OidcSignIn.discover(this.config).catch((error: unknown) => {
      this.signIn = null;
      throw new ServiceUnavailableException({ code: 'OIDC_PROVIDER_UNAVAILABLE', message: error instanceof Error ? error.message : 'The identity provider does not answer.' });
    });
    return this.signIn;
  }

  @Get('start')
  @ApiOperation({ summary: 'Start single sign-on: redirects to the identity provider' })
  @ApiResponse({ status: 302, description: 'To the identity provider.' })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'Single sign-on is not configured.' })
  @ApiResponse({ status: 503, type: ErrorResponse, description: 'The identity provider does not answer.' })
  async start(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { url, pending } = (await this.client()).start();
    request.session.oidc = pending;
    request.session.save(() => response.redirect(HttpStatus.FOUND, url));
  }

  @Get('callback')
  @ApiOperation({ summary: 'Where the identity provider sends the browser back: signs in and redirects to OIDC_AFTER_SIGN_IN' })
  @ApiResponse({ status: 302, description: 'Signed in.' })
  @ApiResponse({ status: 400, type: ErrorResponse, description: 'No sign-in under way in this browser.' })
  @ApiResponse({ status: 401, type: ErrorResponse, description: 'The provider refused, the sign-in took too long, or it grants no role here.' })
  @ApiResponse({ status: 403, type: ErrorResponse, description: 'The account is disabled here.' })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'Single sign-on is not configured.' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pending = request.session.oidc;
    delete request.session.oidc; // one pending sign-in serves one callback, whatever the outcome
    if (!pending) throw new BadRequestException({ code: 'NO_SIGN_IN_UNDER_WAY', message: 'No sign-in is under way in this browser: start again at /auth/oidc/start.' });
    let identity: ExternalIdentity;
    try {
      identity = await (await this.client()).finish(request.originalUrl, pending);
    } catch (error) {
      if (!(error instanceof OidcSignInRefused)) throw error;
      if (error.reason === 'provider-unavailable') throw new ServiceUnavailableException({ code: 'OIDC_PROVIDER_UNAVAILABLE', message: error.message });
      await this.accounts.credentials.audit({ at: this.clock.now().toISOString(), kind: 'sign-in-failed', username: 'oidc', address: request.ip ?? null, detail: error.reason });
      throw new UnauthorizedException({ code: 'SIGN_IN_REFUSED', message: error.message });
    }
    const epoch = await this.follow(identity);
    await regenerateSession(request);
    request.session.account = { username: identity.username, epoch };
    csrf.generateToken(request);
    await this.accounts.credentials.audit({ at: this.clock.now().toISOString(), kind: 'sign-in', username: identity.username, address: request.ip ?? null, detail: `oidc ${identity.issuer}` });
    request.session.save(() => response.redirect(HttpStatus.FOUND, environment().get('OIDC_AFTER_SIGN_IN')));
  }

  /** The account follows the provider's claims: opened at the first sign-in, roles granted and revoked as they change. */
  private async follow(identity: ExternalIdentity): Promise<number> {
    const by = { ...SYSTEM_PRINCIPAL, accountId: 'identity-provider', displayName: `Identity provider ${identity.issuer}` };
    let account = await this.accounts.account(identity.username);
    if (account.status === 'none') {
      account = await this.accounts.execute(identity.username, { type: 'OpenAccount', data: { username: identity.username, displayName: identity.displayName, roles: identity.roles, parties: identity.parties, source: 'oidc' } }, by);
    } else {
      const held = account;
      const gone = { roles: held.roles.filter((r) => !identity.roles.includes(r)), parties: held.parties.filter((p) => !identity.parties.includes(p)) };
      const added = { roles: identity.roles.filter((r) => !held.roles.includes(r)), parties: identity.parties.filter((p) => !held.parties.includes(p)) };
      if (added.roles.length || added.parties.length) account = await this.accounts.execute(identity.username, { type: 'GrantRoles', data: added }, by);
      if (gone.roles.length || gone.parties.length) account = await this.accounts.execute(identity.username, { type: 'RevokeRoles', data: gone }, by);
    }
    if (account.status !== 'active') throw new ForbiddenException({ code: 'ACCOUNT_DISABLED', message: 'This account is disabled here; ask an administrator.' });
    return account.sessionEpoch;
  }
}

export const oidcConfigProvider = { provide: OIDC_CONFIG, useFactory: (): OidcConfig | null => oidcConfigFromEnv(process.env) };
