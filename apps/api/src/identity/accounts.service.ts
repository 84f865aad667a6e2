import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { currentState, EVENT_STORE, handleCommand, StreamStateCache, type EventStore, type RecordedPrincipal } from '#libs/event-store';
import {
  accountDecider,
  accountStream,
  DUMMY_HASH_PROMISE,
  hashPassword,
  newApiToken,
  parseApiToken,
  passwordProblem,
  secretMatches,
  verifyPassword,
  type AccountCommand,
  type AccountState,
  type CredentialStore,
  type Principal,
  type Role,
} from '#libs/identity';
export { recordedPrincipal } from '#libs/identity';
import { invalid } from '#libs/lifecycle';
import { Clock } from '../common/clock.js';

export const CREDENTIAL_STORE = Symbol('CREDENTIAL_STORE');

export type ActiveAccount = Extract<AccountState, { status: 'active' | 'disabled' }>;

/** Who acts for the service itself (the demonstration loader, the first start): recorded as such. */
export const SYSTEM_PRINCIPAL: RecordedPrincipal = { accountId: 'system', displayName: 'The service (start-up)', roles: ['admin'] };

/** Accounts are event-sourced (`account-<username>`); their secrets live in the credential store. */
@Injectable()
export class AccountsService {
  private readonly dummyHash = DUMMY_HASH_PROMISE();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CREDENTIAL_STORE) readonly credentials: CredentialStore,
    private readonly clock: Clock,
    private readonly cache: StreamStateCache,
  ) {}

  /** Token secrets are written once, at issue, and never changed (a revocation is an account event). */
  private readonly secrets = new Map<string, { readonly username: string; readonly secretHash: string }>();

  /**
   * Every request made with a token or a session reads its account: through the command-state cache, so only what
   * was recorded since the cached revision is read (usually nothing). A revocation, a disabling or a role change is
   * an event of the account's stream, so it is seen by the next request.
   */
  async account(username: string): Promise<AccountState> {
    return (await currentState(this.store, accountDecider, accountStream(username), this.cache)).state;
  }

  async execute(username: string, command: AccountCommand, by: RecordedPrincipal): Promise<AccountState> {
    const commandId = randomUUID();
    const result = await handleCommand({
      store: this.store,
      decider: accountDecider,
      stream: accountStream(username),
      command,
      context: { actor: by.accountId, principal: by, now: this.clock.now().toISOString(), today: this.clock.today(), correlationId: commandId, commandId },
      cache: this.cache,
    });
    // Roles changed, disabled, a new password: the account's sessions end at once.
    if (['GrantRoles', 'RevokeRoles', 'DisableAccount', 'ChangePassword'].includes(command.type) && result.events.length) {
      await this.credentials.destroySessionsOf(username);
    }
    return result.state;
  }

  /** Opens a local account with its password (checked, then hashed: never in the log). */
  async openLocal(
    data: { username: string; displayName: string; roles: readonly Role[]; parties: readonly string[]; password: string },
    by: RecordedPrincipal,
  ): Promise<void> {
    const problem = passwordProblem(data.password);
    if (problem) throw invalid('password', problem, 'WEAK_PASSWORD');
    const { password, ...account } = data;
    await this.execute(data.username, { type: 'OpenAccount', data: { ...account, source: 'local' } }, by);
    await this.credentials.setPasswordHash(data.username, await hashPassword(password));
  }

  async setPassword(username: string, password: string, by: RecordedPrincipal): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw invalid('password', problem, 'WEAK_PASSWORD');
    await this.execute(username, { type: 'ChangePassword', data: {} }, by);
    await this.credentials.setPasswordHash(username, await hashPassword(password));
  }

  /** The account for a username and password, or null; as slow for an unknown name as for a wrong password. */
  async verify(username: string, password: string): Promise<ActiveAccount | null> {
    const hash = await this.credentials.passwordHash(username);
    const ok = await verifyPassword(password, hash ?? (await this.dummyHash));
    if (!hash || !ok) return null;
    const account = await this.account(username);
    return account.status === 'active' ? account : null;
  }

  async issueToken(
    username: string,
    data: { label: string; roles: readonly Role[] | null; expiresAt: string },
    by: RecordedPrincipal,
  ): Promise<{ tokenId: string; token: string; expiresAt: string; roles: readonly Role[] }> {
    const fresh = newApiToken();
    const state = await this.execute(username, { type: 'IssueApiToken', data: { tokenId: fresh.tokenId, ...data } }, by);
    await this.credentials.saveTokenSecret(fresh.tokenId, username, fresh.secretHash);
    const roles = state.status === 'none' ? [] : state.tokens[fresh.tokenId]!.roles;
    await this.credentials.audit({ at: this.clock.now().toISOString(), kind: 'token-issued', username, address: null, detail: `${fresh.tokenId} ${data.label}` });
    return { tokenId: fresh.tokenId, token: fresh.token, expiresAt: data.expiresAt, roles };
  }

  /** The principal a bearer token stands for, or null (unknown, revoked, expired, or its account disabled). */
  async principalFromToken(token: string): Promise<Principal | null> {
    const parsed = parseApiToken(token);
    if (!parsed) return null;
    const stored = await this.tokenSecret(parsed.tokenId);
    if (!stored || !secretMatches(parsed.secret, stored.secretHash)) return null;
    const account = await this.account(stored.username);
    if (account.status !== 'active') return null;
    const held = account.tokens[parsed.tokenId];
    if (!held || held.revoked || held.expiresAt <= this.clock.now().toISOString()) return null;
    // A token keeps only the roles its account still holds.
    const roles = held.roles.filter((r) => account.roles.includes(r));
    if (!roles.length) return null;
    return principalOf(account, roles, 'token', parsed.tokenId);
  }

  private async tokenSecret(tokenId: string): Promise<{ readonly username: string; readonly secretHash: string } | null> {
    const cached = this.secrets.get(tokenId);
    if (cached) return cached;
    const stored = await this.credentials.tokenSecret(tokenId);
    if (stored) remember(this.secrets, tokenId, stored);
    return stored;
  }

  /** The principal of a session, or null once the account is disabled or its roles or password changed. */
  async principalFromSession(username: string, epoch: number): Promise<Principal | null> {
    const account = await this.account(username);
    if (account.status !== 'active' || account.sessionEpoch !== epoch) return null;
    return principalOf(account, account.roles, 'session');
  }
}

/** How many token secrets stay cached (the oldest entry leaves first). */
const CACHED_TOKEN_SECRETS = 1_000;

const remember = <K, V>(cache: Map<K, V>, key: K, value: V): void => {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHED_TOKEN_SECRETS) cache.delete(cache.keys().next().value as K);
};

export const principalOf = (account: ActiveAccount, roles: readonly Role[], via: Principal['via'], tokenId?: string): Principal => ({
  accountId: account.username,
  displayName: account.displayName,
  roles,
  parties: roles.includes('member-state') ? account.parties : [],
  via,
  ...(tokenId ? { tokenId } : {}),
});

