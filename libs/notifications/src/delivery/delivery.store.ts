/**
 * What the deliveries need to survive a restart, in one SQLite file beside the log (DATA_DIR/deliveries.sqlite):
 * the webhook endpoints (with their secrets, which never enter the log), the subscription's checkpoint, the
 * focal points' addresses as the log last said, and every delivery with its attempts: the delivery log. The
 * checkpoint moves in the same transaction as the deliveries planned from the event, so an event is planned
 * exactly once even across a crash.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export type Channel = 'webhook' | 'mail';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface Endpoint {
  readonly id: string;
  readonly url: string;
  /** Event types (e.g. InstrumentSigned.v1), or '*' for all. */
  readonly eventTypes: readonly string[];
  readonly secret: string;
  readonly createdAt: string;
  readonly createdBy: string;
  /** Events after this log position are delivered (the log's head when it was registered). */
  readonly fromPosition: bigint;
}

export interface NewDelivery {
  readonly channel: Channel;
  /** The endpoint's id, or the e-mail address. */
  readonly target: string;
  readonly eventId: string;
  readonly position: bigint;
  readonly eventType: string;
  /** The webhook's JSON body, or the mail as JSON ({ to, subject, text }). */
  readonly payload: string;
}

export interface Delivery extends NewDelivery {
  readonly id: number;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastAttemptAt: string | null;
  /** The receiver's HTTP status, or the SMTP answer. */
  readonly lastResult: string | null;
  readonly lastError: string | null;
  readonly deliveredAt: string | null;
  readonly createdAt: string;
}

export interface FocalPoint {
  readonly username: string;
  readonly email: string | null;
  readonly parties: readonly string[];
  readonly active: boolean;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS endpoints (
    id TEXT PRIMARY KEY, url TEXT NOT NULL, event_types TEXT NOT NULL, secret TEXT NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT NOT NULL, from_position INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS focal_points (username TEXT PRIMARY KEY, email TEXT, parties TEXT NOT NULL, active INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL, target TEXT NOT NULL, event_id TEXT NOT NULL, position INTEGER NOT NULL, event_type TEXT NOT NULL,
    payload TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER, last_attempt_at INTEGER, last_result TEXT, last_error TEXT, delivered_at INTEGER, created_at INTEGER NOT NULL,
    UNIQUE (channel, target, event_id)
  );
  CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at);
  CREATE INDEX IF NOT EXISTS deliveries_by_target ON deliveries (channel, target, id);
`;

interface DeliveryRow {
  id: bigint;
  channel: Channel;
  target: string;
  event_id: string;
  position: bigint;
  event_type: string;
  payload: string;
  status: DeliveryStatus;
  attempts: bigint;
  next_attempt_at: bigint | null;
  last_attempt_at: bigint | null;
  last_result: string | null;
  last_error: string | null;
  delivered_at: bigint | null;
  created_at: bigint;
}

const iso = (ms: bigint | null): string | null => (ms === null ? null : new Date(Number(ms)).toISOString());

const toDelivery = (row: DeliveryRow): Delivery => ({
  id: Number(row.id),
  channel: row.channel,
  target: row.target,
  eventId: row.event_id,
  position: row.position,
  eventType: row.event_type,
  payload: row.payload,
  status: row.status,
  attempts: Number(row.attempts),
  nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
  lastAttemptAt: iso(row.last_attempt_at),
  lastResult: row.last_result,
  lastError: row.last_error,
  deliveredAt: iso(row.delivered_at),
  createdAt: iso(row.created_at)!,
});

export class DeliveryStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly planTransaction: Database.Transaction<(name: string, position: bigint, deliveries: readonly NewDelivery[], focalPoint: FocalPoint | null, now: number) => void>;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.defaultSafeIntegers(true);
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL'); // a delivery recorded as done stays done
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.statements = {
      insertEndpoint: this.db.prepare('INSERT INTO endpoints (id, url, event_types, secret, created_at, created_by, from_position) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      endpoints: this.db.prepare<[], { id: string; url: string; event_types: string; secret: string; created_at: string; created_by: string; from_position: bigint }>('SELECT * FROM endpoints ORDER BY created_at, id'),
      checkpoint: this.db.prepare<[string], { position: bigint }>('SELECT position FROM checkpoints WHERE name = ?'),
      saveCheckpoint: this.db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position'),
      setting: this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?'),
      saveSetting: this.db.prepare('INSERT OR IGNORE INTO settings (name, value) VALUES (?, ?)'),
      focalPoints: this.db.prepare<[], { username: string; email: string | null; parties: string; active: bigint }>('SELECT * FROM focal_points'),
      saveFocalPoint: this.db.prepare(
        'INSERT INTO focal_points (username, email, parties, active) VALUES (?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET email = excluded.email, parties = excluded.parties, active = excluded.active',
      ),
      insertDelivery: this.db.prepare(
        'INSERT OR IGNORE INTO deliveries (channel, target, event_id, position, event_type, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      due: this.db.prepare<[number, number], DeliveryRow>("SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"),
      nextDue: this.db.prepare<[], { at: bigint | null }>("SELECT MIN(next_attempt_at) AS at FROM deliveries WHERE status = 'pending'"),
      delivered: this.db.prepare("UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = ?, last_result = ?, last_error = NULL, delivered_at = ?, next_attempt_at = NULL WHERE id = ?"),
      failed: this.db.prepare('UPDATE deliveries SET status = ?, attempts = attempts + 1, last_attempt_at = ?, last_result = ?, last_error = ?, next_attempt_at = ? WHERE id = ?'),
      byTarget: this.db.prepare<[string, string, number, number], DeliveryRow>('SELECT * FROM deliveries WHERE channel = ? AND target = ? ORDER BY id DESC LIMIT ? OFFSET ?'),
      byChannel: this.db.prepare<[string, number, number], DeliveryRow>('SELECT * FROM deliveries WHERE channel = ? ORDER BY id DESC LIMIT ? OFFSET ?'),
    };
    this.planTransaction = this.db.transaction((name, position, deliveries, focalPoint, now) => {
      for (const d of deliveries) this.statements.insertDelivery.run(d.channel, d.target, d.eventId, d.position, d.eventType, d.payload, now, now);
      if (focalPoint) this.statements.saveFocalPoint.run(focalPoint.username, focalPoint.email, JSON.stringify(focalPoint.parties), focalPoint.active ? 1 : 0);
      this.statements.saveCheckpoint.run(name, position);
    });
  }

  addEndpoint(endpoint: Endpoint): void {
    this.statements.insertEndpoint.run(endpoint.id, endpoint.url, JSON.stringify(endpoint.eventTypes), endpoint.secret, endpoint.createdAt, endpoint.createdBy, endpoint.fromPosition);
  }

  endpoints(): Endpoint[] {
    return this.statements.endpoints.all().map((r) => ({ id: r.id, url: r.url, eventTypes: JSON.parse(r.event_types) as string[], secret: r.secret, createdAt: r.created_at, createdBy: r.created_by, fromPosition: r.from_position }));
  }

  checkpoint(name: string): bigint | null {
    return this.statements.checkpoint.get(name)?.position ?? null;
  }

  /** A value kept once (the first one given wins), e.g. where mail delivery started. */
  settingOnce(name: string, value: string): string {
    this.statements.saveSetting.run(name, value);
    return this.statements.setting.get(name)!.value;
  }

  focalPoints(): FocalPoint[] {
    return this.statements.focalPoints.all().map((r) => ({ username: r.username, email: r.email, parties: JSON.parse(r.parties) as string[], active: r.active === 1n }));
  }

  /** The deliveries an event gives rise to, the focal point it changed, and the checkpoint past it: together. */
  plan(name: string, position: bigint, deliveries: readonly NewDelivery[], focalPoint: FocalPoint | null, now: number): void {
    this.planTransaction(name, position, deliveries, focalPoint, now);
  }

  due(now: number, limit: number): Delivery[] {
    return this.statements.due.all(now, limit).map(toDelivery);
  }

  nextDueAt(): number | null {
    const at = this.statements.nextDue.get()?.at;
    return at === null || at === undefined ? null : Number(at);
  }

  markDelivered(id: number, result: string, now: number): void {
    this.statements.delivered.run(now, result, now, id);
  }

  /** A failed attempt: retried at `retryAt`, or given up (null). */
  markFailed(id: number, result: string | null, error: string, now: number, retryAt: number | null): void {
    this.statements.failed.run(retryAt === null ? 'failed' : 'pending', now, result, error.slice(0, 500), retryAt, id);
  }

  deliveriesTo(channel: Channel, target: string, limit = 100, offset = 0): Delivery[] {
    return this.statements.byTarget.all(channel, target, limit, offset).map(toDelivery);
  }

  deliveriesBy(channel: Channel, limit = 100, offset = 0): Delivery[] {
    return this.statements.byChannel.all(channel, limit, offset).map(toDelivery);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
