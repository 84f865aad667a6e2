/**
 * What must never enter the event log: password hashes, token secrets' hashes, sessions, and the sign-in
 * audit (failed attempts name no account that exists). Kept beside the log, in the credential store.
 */
export interface StoredSession {
  readonly data: string;
  readonly username: string | null;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export type AuditKind = 'sign-in' | 'sign-in-failed' | 'sign-out' | 'token-issued' | 'token-revoked' | 'throttled';

export interface AuditEntry {
  readonly at: string;
  readonly kind: AuditKind;
  /** The account concerned, or the name tried for a failed sign-in. */
  readonly username: string;
  readonly address: string | null;
  readonly detail: string | null;
}

export interface CredentialStore {
  setPasswordHash(username: string, hash: string): Promise<void>;
  passwordHash(username: string): Promise<string | null>;
  saveTokenSecret(tokenId: string, username: string, secretHash: string): Promise<void>;
  tokenSecret(tokenId: string): Promise<{ readonly username: string; readonly secretHash: string } | null>;
  getSession(key: string): Promise<StoredSession | null>;
  setSession(key: string, session: StoredSession): Promise<void>;
  destroySession(key: string): Promise<void>;
  /** Ends every session of an account (disabled, new password, roles changed). */
  destroySessionsOf(username: string): Promise<number>;
  audit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  auditLog(options?: { readonly username?: string; readonly limit?: number }): Promise<AuditEntry[]>;
  close(): Promise<void>;
}
