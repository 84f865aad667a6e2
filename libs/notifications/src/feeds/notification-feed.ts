/**
 * Atom feeds (RFC 4287) of depositary notifications, built over the catalogue of notifiable acts
 * (#libs/documents notifiableActs), so an act added there reaches the feeds without a change here. Each entry
 * carries the notification's text as the documents route renders it, a link to its HTML and its PDF.
 */
import { notifiableActs, recordAt, type DocumentLanguage, type DocumentRenderer, type InstrumentRecord, type NotifiableAct, type PartyInfo } from '#libs/documents';

export interface FeedNotification {
  readonly record: InstrumentRecord;
  readonly act: NotifiableAct;
}

/** Every notification of these records, newest first (log order reversed). */
export const notificationsOf = (records: readonly InstrumentRecord[], keep: (n: FeedNotification) => boolean = () => true): FeedNotification[] =>
  records
    .flatMap((record) => notifiableActs(record).map((act) => ({ record, act })))
    .filter(keep)
    .sort((a, b) => (a.act.position > b.act.position ? -1 : a.act.position < b.act.position ? 1 : 0));

/** Where the documents route serves a notification, in a format. */
export const notificationUrl = (baseUrl: string, n: FeedNotification, format: 'html' | 'pdf' | 'txt', lang: DocumentLanguage): string =>
  format === 'pdf'
    ? // PDF is printed from the HTML by the web application's route (Chromium), not by the API's documents route
      `${baseUrl}/instruments/${n.record.state.id}/documents/notification/pdf?eventId=${n.act.eventId}&lang=${lang}`
    : `${baseUrl}/api/instruments/${n.record.state.id}/documents/notification?eventId=${n.act.eventId}&format=${format}&lang=${lang}`;

const recordedAt = (n: FeedNotification): Date => {
  const event = n.record.events.find((e) => e.id === n.act.eventId)!;
  const at = (event.metadata as { recordedAt?: unknown }).recordedAt;
  return new Date(typeof at === 'string' ? at : event.createdAt);
};

/** The notification's text (plain text rendering), as sent to the parties. */
export const notificationText = (renderer: DocumentRenderer, n: FeedNotification, parties: readonly PartyInfo[], lang: DocumentLanguage): string =>
  renderer.render({ type: 'notification', record: recordAt(n.record, n.act.position), eventId: n.act.eventId, format: 'txt', lang, parties }).body;

/** A short title: the reference, the instrument, the party concerned. */
export const notificationTitle = (n: FeedNotification, parties: readonly PartyInfo[]): string => {
  const party = n.act.party ? (parties.find((p) => p.code === n.act.party)?.name ?? n.act.party) : null;
  return `${n.act.reference}: ${n.record.state.title}${party ? ` (${party})` : ''}`;
};

export interface FeedOptions {
  readonly title: string;
  /** This feed's own URL (its id and rel="self"). */
  readonly selfUrl: string;
  readonly baseUrl: string;
  readonly lang: DocumentLanguage;
  readonly organisation: string;
  readonly parties: readonly PartyInfo[];
  readonly renderer: DocumentRenderer;
}

/** XML-escaped text for element content and attribute values (characters XML 1.0 forbids are dropped). */
const xml = (text: string): string =>
  text.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The feed as Atom 1.0. Written here rather than with the feed package, whose Atom output gives every
 * enclosure an image/* type taken from the URL's extension: a PDF link would be announced as an image.
 */
export const notificationFeed = (notifications: readonly FeedNotification[], options: FeedOptions): string => {
  const dates = notifications.map(recordedAt);
  // the newest entry's time, so the same log gives the same feed
  const updated = (dates[0] ?? new Date(0)).toISOString();
  const entries = notifications.map((n, i) => {
    const text = notificationText(options.renderer, n, options.parties, options.lang);
    const at = dates[i]!.toISOString();
    return [
      '  <entry>',
      `    <id>urn:uuid:${xml(n.act.eventId)}</id>`,
      `    <title type="text">${xml(notificationTitle(n, options.parties))}</title>`,
      `    <updated>${at}</updated>`,
      `    <published>${at}</published>`,
      `    <link rel="alternate" type="text/html" hreflang="${options.lang}" href="${xml(notificationUrl(options.baseUrl, n, 'html', options.lang))}"/>`,
      `    <link rel="alternate" type="application/pdf" hreflang="${options.lang}" href="${xml(notificationUrl(options.baseUrl, n, 'pdf', options.lang))}"/>`,
      `    <category term="${xml(n.act.kind)}"/>`,
      `    <content type="text">${xml(text)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${options.lang}">`,
    `  <id>${xml(options.selfUrl)}</id>`,
    `  <title type="text">${xml(options.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xml(options.organisation)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(options.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(options.baseUrl)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
};
