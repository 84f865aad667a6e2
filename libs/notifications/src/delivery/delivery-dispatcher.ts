/**
 * Plans deliveries from a checkpointed subscription of the global log, like the projector: each event, in
 * log order, gives one delivery per webhook endpoint that asked for its type and, for a depositary
 * notification, one e-mail per focal point of the parties concerned; the deliveries and the checkpoint are
 * written together, so after a crash the subscription resumes where the plan stopped and nothing is planned
 * twice or lost. The same pass keeps the focal points' addresses as the account streams say.
 */
import { instrumentRecord, isDocumentLanguage, notifiableActs, type DocumentLanguage, type DocumentRenderer, type InstrumentRecord, type PartyInfo } from '#libs/documents';
import { START, type EventStore, type RecordedEvent, type Subscription } from '#libs/event-store';
import { decodePartyEvent, evolveParty, initialPartyState, partyStream, type PartyState } from '#libs/lifecycle';
import { notificationText, notificationTitle, notificationUrl, type FeedNotification } from '../feeds/notification-feed.js';
import type { DeliveryStore, Endpoint, FocalPoint, NewDelivery } from './delivery.store.js';

export const DELIVERY_CHECKPOINT = 'deliveries';
const MAIL_FROM_POSITION = 'mail-from-position';

export interface MailPlanning {
  readonly renderer: DocumentRenderer;
  /** Where the links in the mail point (PUBLIC_URL). */
  readonly baseUrl: string;
  /** The language of the mails to accounts that prefer none (MAIL_LANGUAGE). */
  readonly language: DocumentLanguage;
}

export interface DeliveryDispatcherOptions {
  readonly store: EventStore;
  readonly deliveries: DeliveryStore;
  /** Null: no mail (no SMTP_URL). */
  readonly mail: MailPlanning | null;
  readonly onPlanned?: () => void;
  readonly onError?: (error: unknown) => void;
  readonly now?: () => number;
}

/** The webhook's body: the event as recorded, with its place in the log. */
export const webhookBody = (event: RecordedEvent): string =>
  JSON.stringify({
    id: event.id,
    type: event.type,
    stream: event.stream,
    revision: Number(event.revision),
    position: event.position.toString(),
    data: event.data,
    metadata: event.metadata,
  });

const ACCOUNT_PREFIX = 'account-';

/** A focal point's record after an account event (member-state accounts hold parties; others none). */
const nextFocalPoint = (previous: FocalPoint | undefined, event: RecordedEvent): FocalPoint | null => {
  const username = event.stream.slice(ACCOUNT_PREFIX.length);
  const data = event.data as { parties?: string[]; email?: string | null; language?: string | null };
  const current: FocalPoint = previous ?? { username, email: null, parties: [], active: true, language: null };
  switch (event.type) {
    case 'AccountOpened.v1':
      return { username, email: typeof data.email === 'string' ? data.email : null, parties: data.parties ?? [], active: true, language: null };
    case 'RolesGranted.v1':
      return { ...current, parties: [...new Set([...current.parties, ...(data.parties ?? [])])] };
    case 'RolesRevoked.v1':
      return { ...current, parties: current.parties.filter((p) => !(data.parties ?? []).includes(p)) };
    case 'AccountDisabled.v1':
      return { ...current, active: false };
    case 'AccountEnabled.v1':
      return { ...current, active: true };
    case 'AccountEmailSet.v1':
      return { ...current, email: data.email ?? null };
    case 'AccountLanguageSet.v1':
      return { ...current, language: data.language ?? null };
    default:
      return null;
  }
};

export class DeliveryDispatcher {
  private subscription: Subscription | null = null;
  private endpoints: Endpoint[] = [];
  private readonly focalPoints = new Map<string, FocalPoint>();
  private mailFrom: bigint | null = null;
  private planned: bigint | null = null;
  private readonly now: () => number;

  constructor(private readonly options: DeliveryDispatcherOptions) {
    this.now = options.now ?? Date.now;
  }

  async start(): Promise<void> {
    const { deliveries, store } = this.options;
    this.endpoints = deliveries.endpoints();
    for (const point of deliveries.focalPoints()) this.focalPoints.set(point.username, point);
    this.planned = deliveries.checkpoint(DELIVERY_CHECKPOINT);
    if (this.options.mail) {
      // Mail starts with the events after the head of the log when it was first configured: no flood of the past.
      const head = await store.headPosition();
      this.mailFrom = BigInt(deliveries.settingOnce(MAIL_FROM_POSITION, head === START ? '0' : head.toString()));
    }
    this.subscription = store.subscribe({
      after: this.planned ?? START,
      onEvent: (event) => this.plan(event),
      onError: (error) => this.options.onError?.(error),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
    this.saveCheckpoint();
  }

  /** The last log position planned: an endpoint registered now is sent the events after it. */
  get plannedPosition(): bigint {
    return this.planned ?? 0n;
  }

  reloadEndpoints(): void {
    this.endpoints = this.options.deliveries.endpoints();
  }

  private async plan(event: RecordedEvent): Promise<void> {
    const mail = await this.mailFor(event);
    // Webhooks are matched after the last await, so an endpoint registered meanwhile sees a consistent start.
    const webhooks: NewDelivery[] = this.endpoints
      .filter((e) => e.disabledAt === null && event.position > e.fromPosition && (e.eventTypes.includes('*') || e.eventTypes.includes(event.type)))
      .map((e) => ({ channel: 'webhook', target: e.id, eventId: event.id, position: event.position, eventType: event.type, payload: webhookBody(event) }));
    const focalPoint = event.stream.startsWith(ACCOUNT_PREFIX) ? nextFocalPoint(this.focalPoints.get(event.stream.slice(ACCOUNT_PREFIX.length)), event) : null;
    const deliveries = [...webhooks, ...mail];
    this.planned = event.position;
    if (deliveries.length === 0 && !focalPoint) {
      // Nothing to keep: the checkpoint follows later (replaying such events after a crash plans nothing).
      this.checkpointLater();
      return;
    }
    this.options.deliveries.plan(DELIVERY_CHECKPOINT, event.position, deliveries, focalPoint, this.now());
    this.unsaved = false;
    if (focalPoint) this.focalPoints.set(focalPoint.username, focalPoint);
    if (deliveries.length > 0) this.options.onPlanned?.();
  }

  private unsaved = false;
  private checkpointTimer: NodeJS.Timeout | null = null;

  private checkpointLater(): void {
    this.unsaved = true;
    if (this.checkpointTimer) return;
    this.checkpointTimer = setTimeout(() => this.saveCheckpoint(), 1000);
    this.checkpointTimer.unref();
  }

  private saveCheckpoint(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    if (!this.unsaved || this.planned === null) return;
    this.unsaved = false;
    try {
      this.options.deliveries.plan(DELIVERY_CHECKPOINT, this.planned, [], null, this.now());
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /** One mail per focal point of the parties the instrument is open to, for an act the depositary notifies. */
  private async mailFor(event: RecordedEvent): Promise<NewDelivery[]> {
    const { mail } = this.options;
    if (!mail || this.mailFrom === null || event.position <= this.mailFrom || !event.stream.startsWith('instrument-')) return [];
    const events = await this.options.store.readStream(event.stream);
    let record: InstrumentRecord;
    try {
      record = instrumentRecord(events, event.position);
    } catch {
      return [];
    }
    const act = notifiableActs(record).find((a) => a.eventId === event.id);
    if (!act) return [];
    const eligible = record.state.eligibleParties.map((p) => p.code);
    const recipients = [...this.focalPoints.values()].filter((p) => p.active && p.email && p.parties.some((code) => eligible.includes(code)));
    if (recipients.length === 0) return [];
    const parties = await this.partiesAt(eligible, event.position);
    const notification: FeedNotification = { record, act };
    const subject = notificationTitle(notification, parties);
    // Each address in its holder's language, else the depositary's; one rendering per language.
    const languageOf = new Map<string, DocumentLanguage>();
    for (const r of recipients) if (!languageOf.has(r.email!)) languageOf.set(r.email!, isDocumentLanguage(r.language) ? r.language : mail.language);
    const bodies = new Map<DocumentLanguage, string>();
    const bodyIn = (lang: DocumentLanguage): string => {
      const known = bodies.get(lang);
      if (known !== undefined) return known;
      const text = notificationText(mail.renderer, notification, parties, lang);
      const body = `${text}\n\nHTML: ${notificationUrl(mail.baseUrl, notification, 'html', lang)}\nPDF: ${notificationUrl(mail.baseUrl, notification, 'pdf', lang)}\n`;
      bodies.set(lang, body);
      return body;
    };
    return [...languageOf].map(([to, lang]) => ({
      channel: 'mail',
      target: to,
      eventId: event.id,
      position: event.position,
      eventType: event.type,
      payload: JSON.stringify({ to, subject, text: bodyIn(lang), lang }),
    }));
  }

  private async partiesAt(codes: readonly string[], position: bigint): Promise<PartyInfo[]> {
    const infos = await Promise.all(
      codes.map(async (code): Promise<PartyInfo | null> => {
        const state = (await this.options.store.readStream(partyStream(code)))
          .filter((e) => e.position <= position)
          .reduce<PartyState>((s, e) => evolveParty(s, decodePartyEvent(e)), initialPartyState());
        return state.status === 'registered' ? { code: state.code, name: state.name, kind: state.kind } : null;
      }),
    );
    return infos.filter((p): p is PartyInfo => p !== null);
  }
}
