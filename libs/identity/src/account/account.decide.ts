import type { CommandContext, Decider } from '#libs/event-store';
import { conflict, eventDecoder, invalid, notFound, PARTY_CODE_PATTERN } from '#libs/lifecycle';
import { isRole, USERNAME_PATTERN, type Role } from '../roles.js';
import { evolveAccount, initialAccountState, type AccountEvent, type AccountState } from './account.events.js';

type Command<Type extends string, Data> = { readonly type: Type; readonly data: Data };
export type OpenAccount = Command<
  'OpenAccount',
  { username: string; displayName: string; roles: readonly Role[]; parties: readonly string[]; source: 'local' | 'oidc' }
>;
export type GrantRoles = Command<'GrantRoles', { roles: readonly Role[]; parties: readonly string[] }>;
export type RevokeRoles = Command<'RevokeRoles', { roles: readonly Role[]; parties: readonly string[] }>;
export type DisableAccount = Command<'DisableAccount', { reason: string }>;
export type EnableAccount = Command<'EnableAccount', Record<string, never>>;
export type ChangePassword = Command<'ChangePassword', Record<string, never>>;
export type IssueApiToken = Command<'IssueApiToken', { tokenId: string; label: string; roles: readonly Role[] | null; expiresAt: string }>;
export type RevokeApiToken = Command<'RevokeApiToken', { tokenId: string }>;
export type SetEmail = Command<'SetEmail', { email: string | null }>;
export type SetLanguage = Command<'SetLanguage', { language: string | null }>;
export type AccountCommand = OpenAccount | GrantRoles | RevokeRoles | DisableAccount | EnableAccount | ChangePassword | IssueApiToken | RevokeApiToken | SetEmail | SetLanguage;

/** An address a mail can be sent to: one @, no spaces, at most 254 characters (RFC 5321's path limit). */
export const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/** A token lives a year at most: scripts are re-issued theirs, a lost one stops working by itself. */
export const MAX_TOKEN_DAYS = 366;

const checkRoles = (roles: readonly string[], field = 'roles'): void => {
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) throw invalid(field, `Unknown role ${unknown.join(', ')}.`, 'UNKNOWN_ROLE');
};
const checkParties = (parties: readonly string[]): void => {
  const bad = parties.filter((p) => !PARTY_CODE_PATTERN.test(p));
  if (bad.length) throw invalid('parties', `Party codes are 2 to 12 upper-case letters or digits: ${bad.join(', ')}.`, 'INVALID_PARTY_CODE');
};
/** A member-state account acts for named parties, and only such an account names them. */
const checkMemberState = (roles: readonly Role[], parties: readonly string[]): void => {
  if (roles.includes('member-state') && parties.length === 0) {
    throw invalid('parties', 'A member-state account acts for at least one party: name its code (e.g. CUB).', 'PARTIES_REQUIRED');
  }
  if (!roles.includes('member-state') && parties.length > 0) {
    throw invalid('parties', 'Only a member-state account acts for parties.', 'PARTIES_WITHOUT_MEMBER_STATE');
  }
};

const requireAccount = (state: AccountState) => {
  if (state.status === 'none') throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
  return state;
};

/** An ISO 639-1 code, as the documents' languages are named. */
const LANGUAGE_CODE = /^[a-z]{2}$/;

export const decideAccount = (command: AccountCommand, state: AccountState, context: CommandContext): AccountEvent[] => {
  if (command.type === 'OpenAccount') {
    const { username, displayName, roles, parties, source } = command.data;
    if (state.status !== 'none') throw conflict('ACCOUNT_EXISTS', `An account named ${username} exists already.`);
    if (!USERNAME_PATTERN.test(username)) {
      throw invalid('username', 'A username is 2 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.', 'INVALID_USERNAME');
    }
    if (!displayName.trim()) throw invalid('displayName', 'Give the name shown in the record.', 'DISPLAY_NAME_REQUIRED');
    checkRoles(roles);
    if (roles.length === 0) throw invalid('roles', 'An account needs at least one role.', 'ROLE_REQUIRED');
    checkParties(parties);
    checkMemberState(roles, parties);
    return [{ type: 'AccountOpened.v1', data: { username, displayName: displayName.trim(), roles: [...new Set(roles)], parties: [...new Set(parties)], source } }];
  }
  const account = requireAccount(state);
  switch (command.type) {
    case 'GrantRoles': {
      const { roles, parties } = command.data;
      checkRoles(roles);
      checkParties(parties);
      const newRoles = roles.filter((r) => !account.roles.includes(r));
      const newParties = parties.filter((p) => !account.parties.includes(p));
      if (!newRoles.length && !newParties.length) return [];
      checkMemberState([...account.roles, ...newRoles], [...account.parties, ...newParties]);
      return [{ type: 'RolesGranted.v1', data: { roles: newRoles, parties: newParties } }];
    }
    case 'RevokeRoles': {
      const { roles, parties } = command.data;
      checkRoles(roles);
      const gone = roles.filter((r) => account.roles.includes(r));
      const goneParties = parties.filter((p) => account.parties.includes(p));
      if (!gone.length && !goneParties.length) return [];
      const rolesLeft = account.roles.filter((r) => !gone.includes(r));
      // Revoking the member-state role takes its parties with it.
      const partiesLeft = rolesLeft.includes('member-state') ? account.parties.filter((p) => !goneParties.includes(p)) : [];
      if (rolesLeft.includes('member-state') && partiesLeft.length === 0) {
        throw conflict('LAST_PARTY', 'A member-state account keeps at least one party; revoke the member-state role instead.');
      }
      return [{ type: 'RolesRevoked.v1', data: { roles: gone, parties: account.parties.filter((p) => !partiesLeft.includes(p)) } }];
    }
    case 'DisableAccount':
      if (account.status === 'disabled') return [];
      return [{ type: 'AccountDisabled.v1', data: { reason: command.data.reason.trim() || 'Disabled by an administrator.' } }];
    case 'EnableAccount':
      return account.status === 'active' ? [] : [{ type: 'AccountEnabled.v1', data: {} }];
    case 'ChangePassword':
      if (account.source !== 'local') throw conflict('NOT_A_LOCAL_ACCOUNT', 'This account signs in through its identity provider; it has no password here.');
      return [{ type: 'PasswordChanged.v1', data: {} }];
    case 'IssueApiToken': {
      if (account.status !== 'active') throw conflict('ACCOUNT_DISABLED', 'A disabled account is issued no token.');
      const { tokenId, label, expiresAt } = command.data;
      const roles = command.data.roles ?? account.roles;
      checkRoles(roles);
      const beyond = roles.filter((r) => !account.roles.includes(r));
      if (beyond.length) throw invalid('roles', `A token carries roles of its account only; this account has no ${beyond.join(', ')}.`, 'ROLE_NOT_HELD');
      if (roles.length === 0) throw invalid('roles', 'A token carries at least one role.', 'ROLE_REQUIRED');
      if (!label.trim()) throw invalid('label', 'Name the token (what it is for).', 'LABEL_REQUIRED');
      const latest = new Date(Date.parse(context.now) + MAX_TOKEN_DAYS * 86_400_000).toISOString();
      if (!(expiresAt > context.now) || expiresAt > latest) {
        throw invalid('expiresAt', `A token expires in the future and within ${MAX_TOKEN_DAYS} days.`, 'INVALID_EXPIRY');
      }
      if (account.tokens[tokenId]) throw conflict('TOKEN_EXISTS', 'A token with this id exists already.');
      return [{ type: 'ApiTokenIssued.v1', data: { tokenId, label: label.trim(), roles: [...new Set(roles)], expiresAt } }];
    }
    case 'SetEmail': {
      const email = command.data.email === null ? null : command.data.email.trim().toLowerCase();
      if (email !== null && (email.length > 254 || !EMAIL_PATTERN.test(email))) throw invalid('email', 'email must be an e-mail address such as focal.point@customs.gov.cu', 'INVALID_EMAIL');
      return (account.email ?? null) === email ? [] : [{ type: 'AccountEmailSet.v1', data: { email } }];
    }
    case 'SetLanguage': {
      const { language } = command.data;
      // Which languages the documents are written in is the edge's check (the documents library sits above this
      // one); the record only ever holds a language code.
      if (language !== null && !LANGUAGE_CODE.test(language)) throw invalid('language', 'language must be a language code such as fr, or null', 'UNKNOWN_LANG');
      return (account.language ?? null) === language ? [] : [{ type: 'AccountLanguageSet.v1', data: { language } }];
    }
    case 'RevokeApiToken': {
      const token = account.tokens[command.data.tokenId];
      if (!token) throw notFound('TOKEN_NOT_FOUND', 'No such token on this account.');
      return token.revoked ? [] : [{ type: 'ApiTokenRevoked.v1', data: { tokenId: command.data.tokenId } }];
    }
  }
};

export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = {
  initialState: initialAccountState,
  evolve: evolveAccount,
  decide: decideAccount,
  decode: eventDecoder<AccountEvent>({}),
};
