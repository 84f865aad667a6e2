import type { RecordedPrincipal } from '#libs/event-store';
import type { Role } from './roles.js';

/** The one who makes a request, as the service established it (never as the client says). */
export interface Principal {
  readonly accountId: string;
  readonly displayName: string;
  /** The roles in effect for this request (a token may carry a subset of its account's). */
  readonly roles: readonly Role[];
  /** The party codes a member-state account acts for. */
  readonly parties: readonly string[];
  readonly via: 'session' | 'token';
  readonly tokenId?: string;
}

export const hasRole = (principal: Principal | null, ...roles: readonly Role[]): boolean =>
  !!principal && principal.roles.some((role) => roles.includes(role));

/** Whether the principal may act for the party: any party for the depositary, its own for a member state. */
export const actsFor = (principal: Principal | null, party: string): boolean =>
  hasRole(principal, 'depositary') || (hasRole(principal, 'member-state') && principal!.parties.includes(party));

/** The principal as the events record it (account, name, roles, and the party a member state acted for). */
export const recordedPrincipal = (principal: Principal, actingFor?: string): RecordedPrincipal => ({
  accountId: principal.accountId,
  displayName: principal.displayName,
  roles: principal.roles,
  ...(actingFor ? { actingFor } : {}),
});
