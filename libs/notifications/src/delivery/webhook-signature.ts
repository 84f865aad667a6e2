/**
 * Webhook signatures as the Standard Webhooks specification has them (the convention of Svix and others):
 * headers webhook-id, webhook-timestamp (Unix seconds) and webhook-signature "v1,<base64 HMAC-SHA256>", the MAC
 * taken with the endpoint's secret (whsec_<base64 key>) over "<id>.<timestamp>.<body>". The id is the event's,
 * so a receiver de-duplicates retries by it.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const WEBHOOK_HEADERS = { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' } as const;

export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

export const signWebhook = (secret: string, id: string, timestampSeconds: number, body: string): string => {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
};
