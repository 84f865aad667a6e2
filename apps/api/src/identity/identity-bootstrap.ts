import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AccountsService, SYSTEM_PRINCIPAL } from './accounts.service.js';
import type { IdentityConfig } from './identity.config.js';
import { IDENTITY_CONFIG } from './identity.tokens.js';

/** A fresh store has no open door: the first administrator comes from INITIAL_ADMIN_* (or `npm run users -- add`). */
@Injectable()
export class IdentityBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    private readonly accounts: AccountsService,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.initialAdmin;
    if (!admin) return;
    if ((await this.accounts.account(admin.username)).status !== 'none') return;
    await this.accounts.openLocal({ username: admin.username, displayName: 'Administrator', roles: ['admin'], parties: [], password: admin.password }, SYSTEM_PRINCIPAL);
    this.logger.log(`Opened the first administrator account, ${admin.username}.`);
  }
}
