/** The two ways out: an HTTP POST signed for the endpoint, and SMTP through nodemailer. */
import nodemailer from 'nodemailer';
import type { Delivery, Endpoint } from './delivery.store.js';
import type { Sender } from './delivery-worker.js';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';

const WEBHOOK_TIMEOUT_MS = 10_000;

export const webhookSender =
  (endpointOf: (id: string) => Endpoint | undefined): Sender =>
  async (delivery: Delivery) => {
    const endpoint = endpointOf(delivery.target);
    if (!endpoint) return { ok: false, result: null, error: 'the endpoint is no longer registered' };
    // Disabled while this delivery was being picked up: its row is cancelled already, so nothing is sent.
    if (endpoint.disabledAt !== null) return { ok: false, result: null, error: 'the endpoint is disabled' };
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(endpoint.url, {
      method: 'POST',
      redirect: 'manual', // a redirect is an answer to fix at the receiver, not a hop to follow with the signature
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'treaty-tracker-webhooks',
        [WEBHOOK_HEADERS.id]: delivery.eventId,
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook(endpoint.secret, delivery.eventId, timestamp, delivery.payload),
      },
      body: delivery.payload,
    });
    await response.arrayBuffer().catch(() => undefined);
    const result = `HTTP ${response.status}`;
    return response.ok ? { ok: true, result } : { ok: false, result, error: `the receiver answered ${response.status}` };
  };

export const mailSender = (smtpUrl: string, from: string): { send: Sender; close: () => void } => {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (delivery: Delivery) => {
      // lang: absent from mails planned before mail had a language (they were English)
      const mail = JSON.parse(delivery.payload) as { to: string; subject: string; text: string; lang?: string };
      const headers = { 'X-Event-Id': delivery.eventId, 'Content-Language': mail.lang ?? 'en' };
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, headers });
      return { ok: true, result: String(info.response ?? 'accepted') };
    },
    close: () => transport.close(),
  };
};
