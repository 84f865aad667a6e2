import type { DomainEvent, EventEnvelope } from '#libs/event-store';
import type { Role } from '../roles.js';

/**
 * An account's life as events: who was given which roles, and when they lost them, so that "who could record
 * ratifications for Cuba on 1 March" has an answer. Passwords, their hashes and token secrets never enter the
 * log: they are kept in the credential store.
 */
export type AccountOpened = DomainEvent<
  'AccountOpened.v1',
  {
    readonly username: string;
    readonly displayName: string;
    readonly roles: readonly Role[];
    readonly parties: readonly string[];
    /** Local (password) or signed in through an identity provider. */
    readonly source: 'local' | 'oidc';
  }
>;
export type RolesGranted = DomainEvent<'RolesGranted.v1', { readonly roles: readonly Role[]; readonly parties: readonly string[] }>;
export type RolesRevoked = DomainEvent<'RolesRevoked.v1', { readonly roles: readonly Role[]; readonly parties: readonly string[] }>;
export type AccountDisabled = DomainEvent<'AccountDisabled.v1', { readonly reason: string }>;
export type AccountEnabled = DomainEvent<'AccountEnabled.v1', Record<string, never>>;
export type PasswordChanged = DomainEvent<'PasswordChanged.v1', Record<string, never>>;
export type ApiTokenIssued = DomainEvent<
  'ApiTokenIssued.v1',
  { readonly tokenId: string; readonly label: string; readonly roles: readonly Role[]; readonly expiresAt: string }
>;
export type ApiTokenRevoked = DomainEvent<'ApiTokenRevoked.v1', { readonly tokenId: string }>;
/** Where the depositary's notifications reach the account's holder (null: no longer by e-mail). */
export type AccountEmailSet = DomainEvent<'AccountEmailSet.v1', { readonly email: string | null }>;

/** The language the depositary's notifications are mailed to the account's holder in (null: the depositary's MAIL_LANGUAGE). */
export type AccountLanguageSet = DomainEvent<'AccountLanguageSet.v1', { readonly language: string | null }>;

export type AccountEvent =
  | AccountOpened
  | RolesGranted
  | RolesRevoked
  | AccountDisabled
  | AccountEnabled
  | PasswordChanged
  | ApiTokenIssued
  | ApiTokenRevoked
  | AccountEmailSet
  | AccountLanguageSet;

export interface ApiTokenState {
  readonly label: string;
  readonly roles: readonly Role[];
  readonly expiresAt: string;
  readonly issuedAt: string;
  readonly revoked: boolean;
}

export type AccountState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'disabled';
      readonly username: string;
      readonly displayName: string;
      readonly roles: readonly Role[];
      readonly parties: readonly string[];
      readonly source: 'local' | 'oidc';
      readonly tokens: Readonly<Record<string, ApiTokenState>>;
      /** Bumped by every change that must end existing sessions (roles, disabling, a new password). */
      readonly sessionEpoch: number;
      /** The address notifications are mailed to (a member state's focal point); absent until one is set. */
      readonly email?: string | null;
      /** The preferred language of what is mailed to it (one of the document languages); absent until one is set. */
      readonly language?: string | null;
    };

export const initialAccountState = (): AccountState => ({ status: 'none' });

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];
const without = <T>(a: readonly T[], b: readonly T[]): T[] => a.filter((x) => !b.includes(x));

export const evolveAccount = (state: AccountState, { event, metadata }: EventEnvelope<AccountEvent>): AccountState => {
  if (event.type === 'AccountOpened.v1') {
    const { username, displayName, roles, parties, source } = event.data;
    return { status: 'active', username, displayName, roles, parties, source, tokens: {}, sessionEpoch: 0 };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'RolesGranted.v1':
      return { ...state, roles: union(state.roles, event.data.roles), parties: union(state.parties, event.data.parties), sessionEpoch: state.sessionEpoch + 1 };
    case 'RolesRevoked.v1':
      return { ...state, roles: without(state.roles, event.data.roles), parties: without(state.parties, event.data.parties), sessionEpoch: state.sessionEpoch + 1 };
    case 'AccountDisabled.v1':
      return { ...state, status: 'disabled', sessionEpoch: state.sessionEpoch + 1 };
    case 'AccountEnabled.v1':
      return { ...state, status: 'active' };
    case 'PasswordChanged.v1':
      return { ...state, sessionEpoch: state.sessionEpoch + 1 };
    case 'ApiTokenIssued.v1': {
      const { tokenId, label, roles, expiresAt } = event.data;
      return { ...state, tokens: { ...state.tokens, [tokenId]: { label, roles, expiresAt, issuedAt: metadata.recordedAt, revoked: false } } };
    }
    case 'AccountEmailSet.v1':
      return { ...state, email: event.data.email };
    case 'AccountLanguageSet.v1':
      return { ...state, language: event.data.language };
    case 'ApiTokenRevoked.v1': {
      const token = state.tokens[event.data.tokenId];
      return token ? { ...state, tokens: { ...state.tokens, [event.data.tokenId]: { ...token, revoked: true } } } : state;
    }
  }
};
