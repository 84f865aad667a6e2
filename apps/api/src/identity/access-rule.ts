import { SetMetadata } from '@nestjs/common';
import type { Role } from '#libs/identity';

/**
 * Who may call a route, stated once where the route is declared (WriteRoute and ReadRoute require it):
 * - `public`: anyone, signed in or not (health, the API document, signing in);
 * - `reader`: anyone signed in, and anonymous readers where ANONYMOUS_READ allows; what an instrument shows
 *   depends on the reader (unpublished drafts, review rounds and comments only to those who may see them);
 * - `signedIn`: any account (its own tokens, its own password);
 * - `roles`: only these roles; with `forParty`, the path parameter names a party the caller must act for
 *   (any party for the depositary, its own for a member state).
 */
export type AccessRule =
  | { readonly public: true }
  | { readonly reader: true }
  | { readonly signedIn: true }
  | { readonly roles: readonly Role[]; readonly forParty?: string };

export const ACCESS_RULE = Symbol('ACCESS_RULE');

export const Access = (rule: AccessRule) => SetMetadata(ACCESS_RULE, rule);

/** The secretariat's staff who see everything of an instrument, drafts and review rounds included. */
export const STAFF: readonly Role[] = ['admin', 'legal-officer', 'depositary', 'reviewer'];
/** Who records party acts: the depositary for any party, a member state for its own. */
export const PARTY_ACT: AccessRule = { roles: ['depositary', 'member-state'], forParty: 'code' };
export const LEGAL_OFFICER: AccessRule = { roles: ['legal-officer'] };
export const READER: AccessRule = { reader: true };
export const ADMIN: AccessRule = { roles: ['admin'] };

export const describeRule = (rule: AccessRule): string =>
  'public' in rule
    ? 'Open to anyone.'
    : 'reader' in rule
      ? 'Any account; anonymous readers too where ANONYMOUS_READ allows (published instruments only).'
      : 'signedIn' in rule
        ? 'Any account.'
        : `Roles: ${rule.roles.join(', ')}${rule.forParty ? `; a member state only for its own party (:${rule.forParty})` : ''}.`;
/** Review rounds: legal officers, and reviewers in the rounds they are named in (checked against the round). */
export const REVIEWERS: AccessRule = { roles: ['legal-officer', 'reviewer'] };
/** Corrections: legal officers; the depositary for the party acts it records. */
export const CORRECTORS: AccessRule = { roles: ['legal-officer', 'depositary'] };
/** The party registry is kept by the secretariat. */
export const REGISTRARS: AccessRule = { roles: ['admin', 'legal-officer', 'depositary'] };
export const PUBLIC: AccessRule = { public: true };
/** The review queue shows drafts under review: for those who review them. */
export const REVIEW_QUEUE_READERS: AccessRule = { roles: ['admin', 'legal-officer', 'reviewer'] };
