/**
 * Who may do what is decided by roles. One account may hold several (a secretariat officer who is both legal
 * officer and depositary); a member-state focal point acts for the party codes it is bound to, and no other.
 */
export const ROLES = ['admin', 'legal-officer', 'depositary', 'member-state', 'reviewer', 'donor'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Account names: lower-case letters, digits and . _ - (an OpenID subject is mapped into this form). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export const accountStream = (username: string): string => `account-${username}`;
