/** The credential store on SQLite, in a file of its own beside the events (`DATA_DIR/identity.sqlite`). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditEntry, CredentialStore, StoredSession } from './credential-store.port.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS passwords (username TEXT PRIMARY KEY, hash TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS token_secrets (token_id TEXT PRIMARY KEY, username TEXT NOT NULL, secret_hash TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS sessions (key TEXT PRIMARY KEY, username TEXT, data TEXT NOT NULL, expires_at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS sessions_by_username ON sessions (username);
  CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, kind TEXT NOT NULL, username TEXT NOT NULL, address TEXT, detail TEXT);
  CREATE INDEX IF NOT EXISTS audit_by_username ON audit (username, id);
`;

export class SqliteCredentialStore implements CredentialStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  async setPasswordHash(username: string, hash: string): Promise<void> {
    this.db.prepare('INSERT INTO passwords (username, hash) VALUES (?, ?) ON CONFLICT (username) DO UPDATE SET hash = excluded.hash').run(username, hash);
  }

  async passwordHash(username: string): Promise<string | null> {
    return (this.db.prepare('SELECT hash FROM passwords WHERE username = ?').get(username) as { hash: string } | undefined)?.hash ?? null;
  }

  async saveTokenSecret(tokenId: string, username: string, secretHash: string): Promise<void> {
    this.db.prepare('INSERT INTO token_secrets (token_id, username, secret_hash) VALUES (?, ?, ?)').run(tokenId, username, secretHash);
  }

  async tokenSecret(tokenId: string): Promise<{ username: string; secretHash: string } | null> {
    const row = this.db.prepare('SELECT username, secret_hash FROM token_secrets WHERE token_id = ?').get(tokenId) as
      | { username: string; secret_hash: string }
      | undefined;
    return row ? { username: row.username, secretHash: row.secret_hash } : null;
  }

  async getSession(key: string): Promise<StoredSession | null> {
    const row = this.db.prepare('SELECT username, data, expires_at FROM sessions WHERE key = ?').get(key) as
      | { username: string | null; data: string; expires_at: number | bigint }
      | undefined;
    if (!row) return null;
    const expiresAt = Number(row.expires_at);
    if (expiresAt <= Date.now()) {
      await this.destroySession(key);
      return null;
    }
    return { username: row.username, data: row.data, expiresAt };
  }

  async setSession(key: string, session: StoredSession): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO sessions (key, username, data, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET username = excluded.username, data = excluded.data, expires_at = excluded.expires_at',
      )
      .run(key, session.username, session.data, session.expiresAt);
    // Expired sessions go when new ones are written, so the table does not grow with history.
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(Date.now());
  }

  async destroySession(key: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE key = ?').run(key);
  }

  async destroySessionsOf(username: string): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE username = ?').run(username).changes;
  }

  async audit(entry: AuditEntry): Promise<void> {
    this.db
      .prepare('INSERT INTO audit (at, kind, username, address, detail) VALUES (?, ?, ?, ?, ?)')
      .run(entry.at, entry.kind, entry.username, entry.address, entry.detail);
  }

  async auditLog(options: { username?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
    const rows = (
      options.username
        ? this.db.prepare('SELECT at, kind, username, address, detail FROM audit WHERE username = ? ORDER BY id DESC LIMIT ?').all(options.username, limit)
        : this.db.prepare('SELECT at, kind, username, address, detail FROM audit ORDER BY id DESC LIMIT ?').all(limit)
    ) as AuditEntry[];
    return rows.map((r) => ({ at: r.at, kind: r.kind, username: r.username, address: r.address, detail: r.detail }));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
