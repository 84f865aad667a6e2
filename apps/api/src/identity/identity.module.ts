import { join } from 'node:path';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SqliteCredentialStore, type CredentialStore } from '#libs/identity';
import { AccessGuard } from './access.guard.js';
import { AccountTokensHttpController } from './account-tokens/account-tokens.http.controller.js';
import { AccountsService, CREDENTIAL_STORE } from './accounts.service.js';
import { AdminAccountsHttpController } from './admin-accounts/admin-accounts.http.controller.js';
import { IdentityBootstrap } from './identity-bootstrap.js';
import { identityConfigFromEnv, type IdentityConfig } from './identity.config.js';
import { IDENTITY_CONFIG } from './identity.tokens.js';
import { LoginThrottle } from './sign-in/login-throttle.js';
import { SignInHttpController } from './sign-in/sign-in.http.controller.js';
import { InstrumentVisibility } from './visibility.js';
import { oidcConfigProvider, OidcSignInHttpController } from './oidc/oidc-sign-in.http.controller.js';

/**
 * Who may record what: accounts (event-sourced), their secrets (the credential store, beside the log),
 * sessions and tokens, and the guard that applies each route's rule to every request.
 */
@Global()
@Module({
  controllers: [SignInHttpController, OidcSignInHttpController, AccountTokensHttpController, AdminAccountsHttpController],
  providers: [
    { provide: IDENTITY_CONFIG, useFactory: (): IdentityConfig => identityConfigFromEnv(process.env) },
    {
      provide: CREDENTIAL_STORE,
      inject: [IDENTITY_CONFIG],
      useFactory: (config: IdentityConfig): CredentialStore => new SqliteCredentialStore(join(config.dataDir, 'identity.sqlite')),
    },
    AccountsService,
    LoginThrottle,
    IdentityBootstrap,
    InstrumentVisibility,
    oidcConfigProvider,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccountsService, CREDENTIAL_STORE, IDENTITY_CONFIG, InstrumentVisibility],
})
export class IdentityModule implements OnApplicationShutdown {
  constructor(@Inject(CREDENTIAL_STORE) private readonly credentials: CredentialStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.credentials.close();
  }
}
