/**
 * Signed tree heads: the secretariat's Ed25519 key signs a short text naming the log, the tree's size, its
 * root and the time (the shape of a C2SP/Certificate Transparency checkpoint), so that anyone holding the
 * public key can check a head without trusting the service that served it.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoredHead } from '../merkle/merkle-tree.store.js';

/** The first line of every signed head: which log it is about. */
export const LOG_ORIGIN = 'treaty-tracker event log v1';

/** The bytes a head's signature covers: origin, size, base64 root and timestamp, one a line. */
export const headNote = (treeSize: number, rootHash: Uint8Array, timestamp: string): Buffer =>
  Buffer.from(`${LOG_ORIGIN}\n${treeSize}\n${Buffer.from(rootHash).toString('base64')}\n${timestamp}\n`, 'utf8');

export const rawPublicKey = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');

export const publicKeyFromRaw = (raw: Uint8Array): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });

export const verifyHead = (head: StoredHead): boolean => {
  try {
    return verify(null, headNote(head.treeSize, head.rootHash, head.timestamp), publicKeyFromRaw(head.publicKey), head.signature);
  } catch {
    return false;
  }
};

export class TreeHeadSigner {
  readonly publicKey: Buffer;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the integrity signing key must be an Ed25519 private key');
    this.publicKey = rawPublicKey(createPublicKey(privateKey));
  }

  /** A PEM (PKCS#8) key, or the base64 of its DER. */
  static fromText(text: string): TreeHeadSigner {
    const trimmed = text.trim();
    const key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
    return new TreeHeadSigner(key);
  }

  /** The key kept in `file`, generated there (owner-only) on first use: the embedded default. */
  static fromFile(file: string): TreeHeadSigner {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    }
    return TreeHeadSigner.fromText(readFileSync(file, 'utf8'));
  }

  sign(treeSize: number, rootHash: Buffer, timestamp: string): StoredHead {
    const signature = sign(null, headNote(treeSize, rootHash, timestamp), this.privateKey);
    return { treeSize, rootHash, timestamp, signature, publicKey: this.publicKey };
  }
}
