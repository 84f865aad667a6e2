import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { accountStream, generatePassword, USERNAME_PATTERN, type Principal } from '#libs/identity';
import { notFound } from '#libs/lifecycle';
import { ReadModelQueries } from '#libs/read-models';
import { ErrorResponse } from '../../common/answers.dto.js';
import { ADMIN } from '../access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { AccountsService, recordedPrincipal } from '../accounts.service.js';
import { CurrentPrincipal } from '../current-principal.js';
import {
  AccountOpenedResponse,
  DisableAccountRequestDto,
  OpenAccountRequestDto,
  ResetPasswordRequestDto,
  RolesAndPartiesDto,
  SetEmailRequestDto,
  SetLanguageRequestDto,
} from './admin-accounts.request.dto.js';

const answers = (ok: number, description: string): MethodDecorator => (target, key, descriptor) => {
  for (const d of [
    ApiResponse({ status: ok, description }),
    ApiResponse({ status: 400, type: ErrorResponse, description: 'A missing or malformed field, or a rule of accounts broken (named).' }),
    ApiResponse({ status: 401, type: ErrorResponse, description: 'Not signed in.' }),
    ApiResponse({ status: 403, type: ErrorResponse, description: 'Not an administrator.' }),
    ApiResponse({ status: 404, type: ErrorResponse, description: 'No such account.' }),
    ApiResponse({ status: 409, type: ErrorResponse, description: 'The account exists already, or the change breaks a rule of accounts.' }),
  ])
    d(target, key, descriptor);
};

const checkUsername = (username: string): string => {
  if (!USERNAME_PATTERN.test(username)) throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
  return username;
};

/** Accounts and roles, for administrators. Role grants and revocations are events on the account's stream. */
@ApiTags('accounts')
@Controller('api/admin')
@RouteAccess(ADMIN)
export class AdminAccountsHttpController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly queries: ReadModelQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('accounts')
  @ApiOperation({ summary: 'The accounts: roles, parties, status and tokens (labels and expiry, never secrets)' })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1 } })
  @answers(200, 'The accounts, paged.')
  list(@Query('page') page?: string) {
    return this.queries.accounts({ page: Math.max(1, Number(page) || 1), pageSize: 100 });
  }

  @Post('accounts')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Open a local account with its roles (and, for a member state, its parties)' })
  @answers(201, 'Opened; a generated password is answered once.')
  @ApiResponse({ status: 201, type: AccountOpenedResponse, description: 'Opened.' })
  async open(@CurrentPrincipal() principal: Principal, @Body() body: OpenAccountRequestDto): Promise<AccountOpenedResponse> {
    const password = body.password ?? generatePassword();
    await this.accounts.openLocal(
      { username: body.username, displayName: body.displayName, roles: body.roles, parties: body.parties ?? [], password },
      recordedPrincipal(principal),
    );
    return { username: body.username, ...(body.password ? {} : { password }) };
  }

  @Get('accounts/:username/history')
  @ApiParam({ name: 'username' })
  @ApiOperation({ summary: 'The account’s history: opening, each role granted or revoked, disabling, tokens issued and revoked — who did it and when' })
  @answers(200, 'The account’s events.')
  async history(@Param('username') username: string) {
    const events = await this.store.readStream(accountStream(checkUsername(username)));
    if (!events.length) throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
    return { username, events: events.map(({ id, type, revision, data, metadata }) => ({ id, type, revision: Number(revision), data, metadata })) };
  }

  @Post('accounts/:username/grants')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'username' })
  @ApiOperation({ summary: 'Grant roles (and parties); the account’s sessions end, so the change applies at once' })
  @answers(200, 'Granted.')
  async grant(@CurrentPrincipal() principal: Principal, @Param('username') username: string, @Body() body: RolesAndPartiesDto) {
    return view(await this.accounts.execute(checkUsername(username), { type: 'GrantRoles', data: { roles: body.roles, parties: body.parties ?? [] } }, recordedPrincipal(principal)));
  }

  @Post('accounts/:username/email')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'username' })
  @ApiOperation({ summary: 'Set the address the depositary notifications are mailed to (a focal point of its parties), or clear it with null' })
  @answers(200, 'Set.')
  async setEmail(@CurrentPrincipal() principal: Principal, @Param('username') username: string, @Body() body: SetEmailRequestDto) {
    const state = await this.accounts.execute(checkUsername(username), { type: 'SetEmail', data: { email: body.email ?? null } }, recordedPrincipal(principal));
    return { ...view(state), email: state.status === 'none' ? null : (state.email ?? null) };
  }

  @Post('accounts/:username/language')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'username' })
  @ApiOperation({ summary: "Set the language the depositary notifications are mailed to it in, or clear it with null (the depositary's MAIL_LANGUAGE then)" })
  @answers(200, 'Set.')
  async setLanguage(@CurrentPrincipal() principal: Principal, @Param('username') username: string, @Body() body: SetLanguageRequestDto) {
    const state = await this.accounts.execute(checkUsername(username), { type: 'SetLanguage', data: { language: body.language ?? null } }, recordedPrincipal(principal));
    return { ...view(state), language: state.status === 'none' ? null : (state.language ?? null) };
  }

  @Post('accounts/:username/revocations')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'username' })
  @ApiOperation({ summary: 'Revoke roles (and parties); the account’s sessions end at once' })
  @answers(200, 'Revoked.')
  async revoke(@CurrentPrincipal() principal: Principal, @Param('username') username: string, @Body() body: RolesAndPartiesDto) {
    return view(await this.accounts.execute(checkUsername(username), { type: 'RevokeRoles', data: { roles: body.roles, parties: body.parties ?? [] } }, recordedPrincipal(principal)));
  }

  @Post('accounts/:username/disabling')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'username' })
  @ApiOperation({ summary: 'Disable the account: its sessions and tokens stop working at once' })
  @answers(200, 'Disabled.')
  async disable(@CurrentPrincipal() principal: Principal, @Param('username') username: string, @Body() body: DisableAccountRequestDto) {
    return view(await this.accounts.execute(checkUsername(username), { type: 'DisableAccount', data: { reason: body.reason ?? '' } }, recordedPrincipal(principal)));
  }

  @Post('accounts/:username/enabling')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'username' })
  @ApiOperation({ summary: 'Enable a disabled account again' })
  @answers(200, 'Enabled.')
  async enable(@CurrentPrincipal() principal: Principal, @Param('username') username: string) {
    return view(await this.accounts.execute(checkUsername(username), { type: 'EnableAccount', data: {} }, recordedPrincipal(principal)));
  }

  @Post('accounts/:username/password')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'username' })
  @ApiOperation({ summary: 'Set a new password (generated when none is given, answered once); the account’s sessions end' })
  @answers(200, 'Set.')
  async resetPassword(@CurrentPrincipal() principal: Principal, @Param('username') username: string, @Body() body: ResetPasswordRequestDto) {
    const password = body.password ?? generatePassword();
    await this.accounts.setPassword(checkUsername(username), password, recordedPrincipal(principal));
    return { username, ...(body.password ? {} : { password }) };
  }

  @Get('audit')
  @ApiOperation({ summary: 'Sign-ins, failed sign-ins, throttling, tokens issued and revoked, newest first' })
  @ApiQuery({ name: 'username', required: false })
  @answers(200, 'The audit entries.')
  audit(@Query('username') username?: string) {
    return this.accounts.credentials.auditLog({ ...(username ? { username } : {}), limit: 200 });
  }
}

const view = (state: Awaited<ReturnType<AccountsService['execute']>>) =>
  state.status === 'none' ? null : { username: state.username, status: state.status, roles: state.roles, parties: state.parties };
