/** Account directory: who holds which roles, for the admin's list (GET /api/admin/accounts), from the account streams. */
import { type RecordedEvent } from '#libs/event-store';
import { accountDecider, evolveAccount, initialAccountState, type AccountState } from '#libs/identity';
import type { ReadModelDoc } from '../../read-model-store.port.js';
import type { Projection } from '../projection.js';

export const ACCOUNT_DIRECTORY = 'accounts';
const ACCOUNT_PREFIX = 'account-';

export interface AccountDoc extends ReadModelDoc {
  readonly username: string;
  readonly displayName: string;
  readonly status: 'active' | 'disabled';
  readonly source: 'local' | 'oidc';
  readonly roles: readonly string[];
  readonly parties: readonly string[];
  readonly tokens: readonly { readonly tokenId: string; readonly label: string; readonly roles: readonly string[]; readonly expiresAt: string; readonly revoked: boolean }[];
}

const toDoc = (id: string, state: Exclude<AccountState, { status: 'none' }>): AccountDoc => ({
  _id: id,
  username: state.username,
  displayName: state.displayName,
  status: state.status,
  source: state.source,
  roles: state.roles,
  parties: state.parties,
  tokens: Object.entries(state.tokens).map(([tokenId, t]) => ({ tokenId, label: t.label, roles: t.roles, expiresAt: t.expiresAt, revoked: t.revoked })),
});

/** The account's state is the domain's own fold, kept in the document (a few fields: no texts, no secrets). */
const stateOf = (doc: AccountDoc | null): AccountState =>
  doc
    ? {
        status: doc.status,
        username: doc.username,
        displayName: doc.displayName,
        source: doc.source,
        roles: doc.roles as never,
        parties: doc.parties,
        tokens: Object.fromEntries(doc.tokens.map((t) => [t.tokenId, { label: t.label, roles: t.roles as never, expiresAt: t.expiresAt, revoked: t.revoked, issuedAt: '' }])),
        sessionEpoch: 0,
      }
    : initialAccountState();

export const accountDirectoryProjection: Projection<AccountDoc> = {
  name: ACCOUNT_DIRECTORY,
  indexes: [{ keys: { username: 1 } }],
  target: (event: RecordedEvent) => (event.stream.startsWith(ACCOUNT_PREFIX) ? { ids: [event.stream.slice(ACCOUNT_PREFIX.length)] } : null),
  evolve: (doc, event, id) => {
    const next = evolveAccount(stateOf(doc), accountDecider.decode(event));
    return next.status === 'none' ? doc : toDoc(id, next);
  },
};
