/**
 * Passwords are hashed with scrypt (memory-hard, in Node's crypto: OpenSSL's implementation, nothing home-made):
 * N = 2^15, r = 8, p = 1 (32 MiB and about 100 ms a hash on our machines), a 16-byte random salt, a 64-byte key.
 * The parameters travel in the stored string, so they can be raised later without breaking stored hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const MIN_PASSWORD_LENGTH = 12;

const derive = (password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, length, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/** `scrypt$N$r$p$salt$key`, base64 parts. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS, KEY_LENGTH);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(actual, expected);
};

/** A hash to compare against when no account matches, so that the answer takes as long (no account enumeration). */
export const DUMMY_HASH_PROMISE = (): Promise<string> => hashPassword(randomBytes(16).toString('hex'));

export const passwordProblem = (password: string): string | null =>
  password.length < MIN_PASSWORD_LENGTH ? `A password has at least ${MIN_PASSWORD_LENGTH} characters.` : null;

/** A generated password for demo and first accounts: 18 random bytes, URL-safe base64 (24 characters). */
export const generatePassword = (): string => randomBytes(18).toString('base64url');
