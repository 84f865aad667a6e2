import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#libs/identity';
import type { Request, Response } from 'express';
import { ErrorResponse } from '../../common/answers.dto.js';
import { Clock } from '../../common/clock.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { csrf, type AuthenticatedRequest } from '../access.guard.js';
import { regenerateSession } from '../session.js';
import { AccountsService, principalOf } from '../accounts.service.js';
import { CurrentPrincipal } from '../current-principal.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionResponse } from './session.response.dto.js';
import { SignInRequestDto } from './sign-in.request.dto.js';

/** Sign-in with a local account: a fresh session (the id rotates at every sign-in) and its CSRF token. */
@ApiTags('sign-in')
@Controller('auth')
export class SignInHttpController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly throttle: LoginThrottle,
    private readonly clock: Clock,
  ) {}

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @RouteAccess({ public: true })
  @ApiOperation({ summary: 'Sign in with a username and password: sets the session cookie and answers the session’s CSRF token' })
  @ApiBody({ type: SignInRequestDto })
  @ApiResponse({ status: 200, type: SessionResponse, description: 'Signed in.' })
  @ApiResponse({ status: 400, type: ErrorResponse, description: 'A missing or malformed field.' })
  @ApiResponse({ status: 401, type: ErrorResponse, description: 'The username or the password is not right (the answer does not say which).' })
  @ApiResponse({ status: 429, type: ErrorResponse, description: 'Too many failed sign-ins for this account or from this address; Retry-After says when to try again.' })
  async login(@Body() body: SignInRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const address = request.ip ?? 'unknown';
    const username = body.username.trim().toLowerCase();
    const at = () => this.clock.now().toISOString();
    try {
      await this.throttle.check(username, address);
    } catch (error) {
      if (error instanceof HttpException) response.setHeader('Retry-After', String((error.getResponse() as { retryAfter: number }).retryAfter));
      await this.accounts.credentials.audit({ at: at(), kind: 'throttled', username, address, detail: null });
      throw error;
    }
    const account = await this.accounts.verify(username, body.password);
    if (!account) {
      await this.throttle.failed(username, address);
      await this.accounts.credentials.audit({ at: at(), kind: 'sign-in-failed', username, address, detail: null });
      throw new UnauthorizedException({ code: 'INVALID_CREDENTIALS', message: 'The username or the password is not right.' });
    }
    await this.throttle.succeeded(username);
    await regenerateSession(request);
    request.session.account = { username, epoch: account.sessionEpoch };
    const csrfToken = csrf.generateToken(request);
    await this.accounts.credentials.audit({ at: at(), kind: 'sign-in', username, address, detail: 'password' });
    return { ...sessionView(principalOf(account, account.roles, 'session')), csrfToken };
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RouteAccess({ signedIn: true })
  @ApiOperation({ summary: 'Sign out: ends the session' })
  @ApiResponse({ status: 204, description: 'Signed out.' })
  @ApiResponse({ status: 401, type: ErrorResponse, description: 'Not signed in.' })
  @ApiResponse({ status: 403, type: ErrorResponse, description: 'The session’s CSRF token is missing.' })
  async logout(@Req() request: AuthenticatedRequest): Promise<void> {
    const username = request.session?.account?.username;
    if (request.session) await new Promise<void>((resolve) => request.session.destroy(() => resolve()));
    if (username) await this.accounts.credentials.audit({ at: this.clock.now().toISOString(), kind: 'sign-out', username, address: request.ip ?? null, detail: null });
  }

  @Get('session')
  @RouteAccess({ signedIn: true })
  @ApiOperation({ summary: 'Who is signed in (session or token), and the session’s CSRF token' })
  @ApiResponse({ status: 200, type: SessionResponse, description: 'The principal.' })
  @ApiResponse({ status: 401, type: ErrorResponse, description: 'Not signed in.' })
  session(@CurrentPrincipal() principal: Principal, @Req() request: Request): SessionResponse {
    return { ...sessionView(principal), ...(principal.via === 'session' ? { csrfToken: csrf.generateToken(request) } : {}) };
  }
}

const sessionView = (p: Principal): SessionResponse => ({ accountId: p.accountId, displayName: p.displayName, roles: [...p.roles], parties: [...p.parties], via: p.via });
