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
/** cancelled: its endpoint was disabled or deleted before it was sent. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

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
  /** When an administrator disabled it (null: enabled); a disabled endpoint is planned and sent nothing. */
  readonly disabledAt: string | null;
}

export interface NewDelivery {
  readonly channel: Channel;
  /** The endpoint's id, or the e-mail address. */
  readonly target: string;
  readonly eventId: string;
  readonly position: bigint;
  readonly eventType: string;
  /** The webhook's JSON body, or the mail as JSON ({ to, subject, text, lang }). */
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
  /** The account's preferred language for mail (null: the depositary's MAIL_LANGUAGE). */
  readonly language: string | null;
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
    // Files from before endpoints could be disabled gain the column (null: enabled).
    const columns = this.db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('endpoints')").all();
    if (!columns.some((c) => c.name === 'disabled_at')) this.db.exec('ALTER TABLE endpoints ADD COLUMN disabled_at TEXT');
    // And focal points before languages could be preferred (null: MAIL_LANGUAGE).
    const pointColumns = this.db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('focal_points')").all();
    if (!pointColumns.some((c) => c.name === 'language')) this.db.exec('ALTER TABLE focal_points ADD COLUMN language TEXT');
    this.statements = {
      insertEndpoint: this.db.prepare('INSERT INTO endpoints (id, url, event_types, secret, created_at, created_by, from_position, disabled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      endpoints: this.db.prepare<[], { id: string; url: string; event_types: string; secret: string; created_at: string; created_by: string; from_position: bigint; disabled_at: string | null }>(
        'SELECT * FROM endpoints ORDER BY created_at, id',
      ),
      setDisabled: this.db.prepare('UPDATE endpoints SET disabled_at = ? WHERE id = ?'),
      deleteEndpoint: this.db.prepare('DELETE FROM endpoints WHERE id = ?'),
      cancelPending: this.db.prepare("UPDATE deliveries SET status = 'cancelled', next_attempt_at = NULL, last_error = ? WHERE channel = 'webhook' AND target = ? AND status = 'pending'"),
      checkpoint: this.db.prepare<[string], { position: bigint }>('SELECT position FROM checkpoints WHERE name = ?'),
      saveCheckpoint: this.db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position'),
      setting: this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?'),
      saveSetting: this.db.prepare('INSERT OR IGNORE INTO settings (name, value) VALUES (?, ?)'),
      focalPoints: this.db.prepare<[], { username: string; email: string | null; parties: string; active: bigint; language: string | null }>('SELECT * FROM focal_points'),
      saveFocalPoint: this.db.prepare(
        'INSERT INTO focal_points (username, email, parties, active, language) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET email = excluded.email, parties = excluded.parties, active = excluded.active, language = excluded.language',
      ),
      insertDelivery: this.db.prepare(
        'INSERT OR IGNORE INTO deliveries (channel, target, event_id, position, event_type, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      due: this.db.prepare<[number, number], DeliveryRow>("SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"),
      nextDue: this.db.prepare<[], { at: bigint | null }>("SELECT MIN(next_attempt_at) AS at FROM deliveries WHERE status = 'pending'"),
      delivered: this.db.prepare("UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = ?, last_result = ?, last_error = NULL, delivered_at = ?, next_attempt_at = NULL WHERE id = ?"),
      failed: this.db.prepare("UPDATE deliveries SET status = ?, attempts = attempts + 1, last_attempt_at = ?, last_result = ?, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending'"),
      byTarget: this.db.prepare<[string, string, number, number], DeliveryRow>('SELECT * FROM deliveries WHERE channel = ? AND target = ? ORDER BY id DESC LIMIT ? OFFSET ?'),
      byChannel: this.db.prepare<[string, number, number], DeliveryRow>('SELECT * FROM deliveries WHERE channel = ? ORDER BY id DESC LIMIT ? OFFSET ?'),
    };
    this.planTransaction = this.db.transaction((name, position, deliveries, focalPoint, now) => {
      for (const d of deliveries) this.statements.insertDelivery.run(d.channel, d.target, d.eventId, d.position, d.eventType, d.payload, now, now);
      if (focalPoint) this.statements.saveFocalPoint.run(focalPoint.username, focalPoint.email, JSON.stringify(focalPoint.parties), focalPoint.active ? 1 : 0, focalPoint.language);
      this.statements.saveCheckpoint.run(name, position);
    });
  }

  addEndpoint(endpoint: Endpoint): void {
    this.statements.insertEndpoint.run(endpoint.id, endpoint.url, JSON.stringify(endpoint.eventTypes), endpoint.secret, endpoint.createdAt, endpoint.createdBy, endpoint.fromPosition, endpoint.disabledAt);
  }

  endpoints(): Endpoint[] {
    return this.statements.endpoints.all().map((r) => ({
      id: r.id,
      url: r.url,
      eventTypes: JSON.parse(r.event_types) as string[],
      secret: r.secret,
      createdAt: r.created_at,
      createdBy: r.created_by,
      fromPosition: r.from_position,
      disabledAt: r.disabled_at,
    }));
  }

  /** Disables an endpoint and cancels its pending deliveries, together; false if there is no such endpoint. */
  disableEndpoint(id: string, at: string): boolean {
    return this.db.transaction(() => {
      if (this.statements.setDisabled.run(at, id).changes === 0) return false;
      this.statements.cancelPending.run('the endpoint was disabled', id);
      return true;
    })();
  }

  enableEndpoint(id: string): boolean {
    return this.statements.setDisabled.run(null, id).changes > 0;
  }

  /** Deletes an endpoint (its secret with it) and cancels its pending deliveries, together. */
  deleteEndpoint(id: string): boolean {
    return this.db.transaction(() => {
      if (this.statements.deleteEndpoint.run(id).changes === 0) return false;
      this.statements.cancelPending.run('the endpoint was deleted', id);
      return true;
    })();
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
    return this.statements.focalPoints.all().map((r) => ({ username: r.username, email: r.email, parties: JSON.parse(r.parties) as string[], active: r.active === 1n, language: r.language ?? null }));
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

  /** A failed attempt: retried at `retryAt`, or given up (null); a delivery cancelled meanwhile stays cancelled. */
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
