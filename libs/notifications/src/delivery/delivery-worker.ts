/**
 * Sends what is due: every pending delivery whose time has come, a batch at a time; a failure is retried with
 * exponential backoff (retryDelay) until `maxAttempts`, then left as failed in the delivery log. A delivery
 * interrupted by a crash is still pending and is sent again after the restart: receivers de-duplicate by the
 * event id (webhook-id, X-Event-Id).
 */
import { retryDelay } from './backoff.js';
import type { Channel, Delivery, DeliveryStore } from './delivery.store.js';

export interface SendOutcome {
  readonly ok: boolean;
  /** The receiver's answer (HTTP status, SMTP response), when there was one. */
  readonly result: string | null;
  readonly error?: string;
}

export type Sender = (delivery: Delivery) => Promise<SendOutcome>;

export interface DeliveryWorkerOptions {
  readonly deliveries: DeliveryStore;
  readonly senders: Partial<Record<Channel, Sender>>;
  readonly retryBaseMs: number;
  readonly maxAttempts: number;
  readonly onAttempt?: (channel: Channel, outcome: 'delivered' | 'retrying' | 'failed') => void;
  readonly onError?: (error: unknown) => void;
  readonly now?: () => number;
  /** How often an idle worker looks again anyway. Default: 1000 ms. */
  readonly idleMs?: number;
}

export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private again = false;
  private readonly now: () => number;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.stopped = false;
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Something new is due: look now. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.wake();
      } else this.schedule();
    });
  }

  private schedule(): void {
    const next = this.options.deliveries.nextDueAt();
    const wait = Math.min(this.options.idleMs ?? 1000, next === null ? Infinity : Math.max(0, next - this.now()));
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        if (this.stopped) return;
        const due = this.options.deliveries.due(this.now(), 32);
        if (due.length === 0) return;
        await Promise.all(due.map((delivery) => this.attempt(delivery)));
      }
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const sender = this.options.senders[delivery.channel];
    let outcome: SendOutcome;
    try {
      outcome = sender ? await sender(delivery) : { ok: false, result: null, error: `no ${delivery.channel} sender is configured` };
    } catch (error) {
      outcome = { ok: false, result: null, error: (error as Error).message };
    }
    const now = this.now();
    if (outcome.ok) {
      this.options.deliveries.markDelivered(delivery.id, outcome.result ?? 'ok', now);
      this.options.onAttempt?.(delivery.channel, 'delivered');
      return;
    }
    const attempts = delivery.attempts + 1;
    const retryAt = attempts >= this.options.maxAttempts ? null : now + retryDelay(attempts, this.options.retryBaseMs);
    this.options.deliveries.markFailed(delivery.id, outcome.result, outcome.error ?? 'failed', now, retryAt);
    this.options.onAttempt?.(delivery.channel, retryAt === null ? 'failed' : 'retrying');
  }
}
