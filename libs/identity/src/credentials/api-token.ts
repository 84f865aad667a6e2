/**
 * Personal API tokens: `tt_<tokenId>_<secret>`, the secret 32 random bytes. Only a SHA-256 of the secret is
 * stored (a random 256-bit secret needs no slow hash); the token is shown once, when it is issued.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

const TOKEN = /^tt_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface NewApiToken {
  readonly tokenId: string;
  /** What the holder sends as `Authorization: Bearer …`; never stored. */
  readonly token: string;
  readonly secretHash: string;
}

export const secretHashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const newApiToken = (): NewApiToken => {
  const tokenId = randomUUID().replaceAll('-', '');
  const secret = randomBytes(32).toString('base64url');
  return { tokenId, token: `tt_${tokenId}_${secret}`, secretHash: secretHashOf(secret) };
};

export const parseApiToken = (token: string): { tokenId: string; secret: string } | null => {
  const match = TOKEN.exec(token.trim());
  return match ? { tokenId: match[1]!, secret: match[2]! } : null;
};

export const secretMatches = (secret: string, storedHash: string): boolean => {
  const actual = Buffer.from(secretHashOf(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};
