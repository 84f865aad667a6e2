import { Body, Controller, HttpCode, HttpStatus, Param, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#libs/identity';
import { ErrorResponse } from '../../common/answers.dto.js';
import { Clock } from '../../common/clock.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { AccountsService, recordedPrincipal } from '../accounts.service.js';
import { CurrentPrincipal } from '../current-principal.js';
import { ChangePasswordRequestDto, IssuedTokenResponse, IssueTokenRequestDto } from './account-tokens.request.dto.js';

const errors = (notFound?: string) => [
  ApiResponse({ status: 400, type: ErrorResponse, description: 'A missing or malformed field, or a rule of tokens broken (roles the account lacks, an expiry too far).' }),
  ApiResponse({ status: 401, type: ErrorResponse, description: 'Not signed in.' }),
  ApiResponse({ status: 403, type: ErrorResponse, description: 'A session write without its CSRF token.' }),
  ...(notFound ? [ApiResponse({ status: 404, type: ErrorResponse, description: notFound })] : []),
];
const apply = (decorators: MethodDecorator[]): MethodDecorator => (target, key, descriptor) => {
  for (const d of decorators) d(target, key, descriptor);
};

/** An account's own API tokens and password. */
@ApiTags('accounts')
@Controller('api/account')
export class AccountTokensHttpController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  @Post('tokens')
  @HttpCode(HttpStatus.CREATED)
  @RouteAccess({ signedIn: true })
  @ApiOperation({ summary: 'Issue a personal API token for scripts (shown once), with an expiry and a subset of the account’s roles' })
  @ApiResponse({ status: 201, type: IssuedTokenResponse, description: 'Issued.' })
  @apply(errors())
  issue(@CurrentPrincipal() principal: Principal, @Body() body: IssueTokenRequestDto): Promise<IssuedTokenResponse> {
    const days = body.expiresInDays ?? 90;
    const expiresAt = new Date(this.clock.now().getTime() + days * 86_400_000).toISOString();
    // A token issues no token wider than itself.
    const roles = body.roles ?? (principal.via === 'token' ? principal.roles : null);
    return this.accounts.issueToken(principal.accountId, { label: body.label, roles, expiresAt }, recordedPrincipal(principal)) as Promise<IssuedTokenResponse>;
  }

  @Post('tokens/:tokenId/revocation')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RouteAccess({ signedIn: true })
  @ApiOperation({ summary: 'Revoke one of the account’s API tokens; it stops working at once' })
  @ApiResponse({ status: 204, description: 'Revoked.' })
  @apply(errors('The account has no such token.'))
  async revoke(@CurrentPrincipal() principal: Principal, @Param('tokenId') tokenId: string): Promise<void> {
    await this.accounts.execute(principal.accountId, { type: 'RevokeApiToken', data: { tokenId } }, recordedPrincipal(principal));
    await this.accounts.credentials.audit({ at: this.clock.now().toISOString(), kind: 'token-revoked', username: principal.accountId, address: null, detail: tokenId });
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RouteAccess({ signedIn: true })
  @ApiOperation({ summary: 'Change the account’s password; every session of the account ends' })
  @ApiResponse({ status: 204, description: 'Changed.' })
  @apply(errors())
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordRequestDto): Promise<void> {
    if (!(await this.accounts.verify(principal.accountId, body.currentPassword))) {
      throw new UnauthorizedException({ code: 'INVALID_CREDENTIALS', message: 'The current password is not right.' });
    }
    await this.accounts.setPassword(principal.accountId, body.newPassword, recordedPrincipal(principal));
  }
}
