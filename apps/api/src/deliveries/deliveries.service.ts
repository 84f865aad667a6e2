import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { environment } from '#libs/config';
import { DocumentRenderer } from '#libs/documents';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { notFound } from '#libs/lifecycle';
import { DeliveryDispatcher, DeliveryStore, DeliveryWorker, mailSender, newWebhookSecret, webhookSender, type Channel, type Delivery, type Endpoint } from '#libs/notifications';
import { publicUrl } from '../app.setup.js';
import { AppMetrics } from '../metrics/app-metrics.js';

export const DELIVERIES_FILE = 'deliveries.sqlite';

export interface DeliveryView {
  readonly eventId: string;
  readonly eventType: string;
  readonly position: string;
  readonly target: string;
  readonly status: Delivery['status'];
  readonly attempts: number;
  readonly lastAttemptAt: string | null;
  readonly lastResult: string | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly createdAt: string;
}

const view = (d: Delivery): DeliveryView => ({
  eventId: d.eventId,
  eventType: d.eventType,
  position: d.position.toString(),
  target: d.target,
  status: d.status,
  attempts: d.attempts,
  lastAttemptAt: d.lastAttemptAt,
  lastResult: d.lastResult,
  lastError: d.lastError,
  nextAttemptAt: d.nextAttemptAt,
  deliveredAt: d.deliveredAt,
  createdAt: d.createdAt,
});

const endpointView = ({ secret: _secret, fromPosition, disabledAt, ...endpoint }: Endpoint) => ({
  ...endpoint,
  fromPosition: fromPosition.toString(),
  state: disabledAt === null ? ('enabled' as const) : ('disabled' as const),
  disabledAt,
});

/**
 * Webhooks and notification mails: the dispatcher plans them from the log (checkpointed), the worker sends
 * them with retries; both keep their state in DATA_DIR/deliveries.sqlite, so deliveries survive restarts.
 */
@Injectable()
export class DeliveriesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Deliveries');
  private readonly deliveries: DeliveryStore;
  private readonly dispatcher: DeliveryDispatcher;
  private readonly worker: DeliveryWorker;
  private readonly closeMail: () => void;
  private endpoints = new Map<string, Endpoint>();
  private stopped = false;

  constructor(@Inject(EVENT_STORE) store: EventStore, renderer: DocumentRenderer, metrics: AppMetrics) {
    const config = environment(process.env);
    this.deliveries = new DeliveryStore(join(config.get('DATA_DIR'), DELIVERIES_FILE));
    const smtpUrl = config.get('SMTP_URL');
    const mail = smtpUrl ? mailSender(smtpUrl, config.get('MAIL_FROM')) : null;
    this.closeMail = () => mail?.close();
    this.refreshEndpoints();
    this.worker = new DeliveryWorker({
      deliveries: this.deliveries,
      senders: { webhook: webhookSender((id) => this.endpoints.get(id)), ...(mail ? { mail: mail.send } : {}) },
      retryBaseMs: config.get('DELIVERY_RETRY_BASE_MS'),
      maxAttempts: config.get('DELIVERY_MAX_ATTEMPTS'),
      onAttempt: (channel, outcome) => {
        metrics.deliveries.inc({ channel, outcome });
        if (outcome !== 'delivered') metrics.deliveryFailures.inc({ channel });
      },
      onError: (error) => this.logger.error(`Deliveries stopped for a moment: ${(error as Error).message}`),
    });
    this.dispatcher = new DeliveryDispatcher({
      store,
      deliveries: this.deliveries,
      mail: mail ? { renderer, baseUrl: publicUrl(process.env), language: config.get('MAIL_LANGUAGE') } : null,
      onPlanned: () => this.worker.wake(),
      onError: (error) => this.logger.error(`The delivery subscription stopped: ${(error as Error).message}`),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.dispatcher.start();
    this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.dispatcher.stop();
    await this.worker.stop();
    this.closeMail();
    this.deliveries.close();
  }

  /** Registers an endpoint: it is sent the events recorded from now on; its secret is answered once. */
  register(url: string, eventTypes: readonly string[], by: string) {
    const endpoint: Endpoint = { id: randomUUID(), url, eventTypes: [...new Set(eventTypes)], secret: newWebhookSecret(), createdAt: new Date().toISOString(), createdBy: by, fromPosition: this.dispatcher.plannedPosition, disabledAt: null };
    this.deliveries.addEndpoint(endpoint);
    this.refreshEndpoints();
    this.dispatcher.reloadEndpoints();
    return { ...endpointView(endpoint), secret: endpoint.secret };
  }

  list() {
    return this.deliveries.endpoints().map(endpointView);
  }

  /** Stops an endpoint's deliveries: nothing more is planned for it, and its pending retries are cancelled. */
  disable(id: string) {
    const endpoint = this.known(id);
    if (endpoint.disabledAt === null) this.deliveries.disableEndpoint(id, new Date().toISOString());
    return this.changed(id);
  }

  /** Resumes an endpoint: the events recorded from now on are sent (those recorded while it was disabled are not). */
  enable(id: string) {
    this.known(id);
    this.deliveries.enableEndpoint(id);
    return this.changed(id);
  }

  /** Deletes an endpoint with its secret; its pending deliveries are cancelled, and it answers 404 from now on. */
  remove(id: string): void {
    this.known(id);
    this.deliveries.deleteEndpoint(id);
    this.changed(id);
  }

  private known(id: string): Endpoint {
    const endpoint = this.deliveries.endpoints().find((e) => e.id === id);
    if (!endpoint) throw notFound('WEBHOOK_NOT_FOUND', `No webhook endpoint ${id} is registered.`);
    return endpoint;
  }

  private changed(id: string) {
    this.refreshEndpoints();
    this.dispatcher.reloadEndpoints();
    const endpoint = this.endpoints.get(id);
    return endpoint ? endpointView(endpoint) : null;
  }

  deliveryLog(channel: Channel, target: string | null, page: number, pageSize: number): DeliveryView[] {
    if (channel === 'webhook' && target !== null && !this.endpoints.has(target)) throw notFound('WEBHOOK_NOT_FOUND', `No webhook endpoint ${target} is registered.`);
    const offset = (page - 1) * pageSize;
    return (target === null ? this.deliveries.deliveriesBy(channel, pageSize, offset) : this.deliveries.deliveriesTo(channel, target, pageSize, offset)).map(view);
  }

  private refreshEndpoints(): void {
    this.endpoints = new Map(this.deliveries.endpoints().map((e) => [e.id, e]));
  }
}
