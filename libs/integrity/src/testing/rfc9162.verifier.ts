/**
 * An independent verifier for the tests, written from RFC 9162 alone (2.1.1 hashes, 2.1.3.2 verifying an
 * inclusion proof, 2.1.4.2 verifying a consistency proof) and the checkpoint format the README states. It
 * imports nothing from the code that builds the tree.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

export const rfcLeafHash = (entry: Uint8Array): Buffer => sha256(Buffer.from([0x00]), entry);
const rfcNode = (left: Uint8Array, right: Uint8Array): Buffer => sha256(Buffer.from([0x01]), left, right);

/** MTH(D[n]) by the definition (2.1.1): the naive recursion over all leaves. */
export const rfcRoot = (leaves: readonly Uint8Array[]): Buffer => {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return rfcLeafHash(leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return rfcNode(rfcRoot(leaves.slice(0, k)), rfcRoot(leaves.slice(k)));
};

/** The root from a leaf's hash and its audit path, or null when the proof cannot be valid (2.1.3.2). */
export const rootFromInclusionProof = (leafIndex: number, treeSize: number, leafHash: Uint8Array, path: readonly Uint8Array[]): Buffer | null => {
  if (leafIndex >= treeSize) return null;
  let fn = BigInt(leafIndex);
  let sn = BigInt(treeSize - 1);
  let r: Buffer = Buffer.from(leafHash);
  for (const p of path) {
    if (sn === 0n) return null;
    if ((fn & 1n) === 1n || fn === sn) {
      r = rfcNode(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = rfcNode(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n ? r : null;
};

export const verifyInclusion = (leafIndex: number, treeSize: number, leafHash: Uint8Array, path: readonly Uint8Array[], root: Uint8Array): boolean =>
  rootFromInclusionProof(leafIndex, treeSize, leafHash, path)?.equals(root) ?? false;

/** 2.1.4.2: that the tree of `first` leaves (root firstHash) is a prefix of the tree of `second` (secondHash). */
export const verifyConsistency = (first: number, second: number, firstHash: Uint8Array, secondHash: Uint8Array, proof: readonly Uint8Array[]): boolean => {
  if (first > second) return false;
  if (first === second) return proof.length === 0 && Buffer.from(firstHash).equals(secondHash);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const isPowerOfTwo = (first & (first - 1)) === 0;
  const path = isPowerOfTwo ? [Buffer.from(firstHash), ...proof] : [...proof];
  let fn = BigInt(first - 1);
  let sn = BigInt(second - 1);
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = rfcNode(c, fr);
      sr = rfcNode(c, sr);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = rfcNode(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return fr.equals(firstHash) && sr.equals(secondHash) && sn === 0n;
};

/** The checkpoint's signature, as the README states it: Ed25519 over "origin\nsize\nbase64 root\ntimestamp\n". */
export const verifyCheckpoint = (head: { origin: string; treeSize: number; rootHash: string; timestamp: string; signature: string; publicKey: string }): boolean => {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(head.publicKey, 'base64').toString('base64url') }, format: 'jwk' });
  const note = Buffer.from(`${head.origin}\n${head.treeSize}\n${head.rootHash}\n${head.timestamp}\n`, 'utf8');
  return verify(null, note, key, Buffer.from(head.signature, 'base64'));
};

/** One byte of one proof element changed, for the rejections. */
export const alter = (proof: readonly Uint8Array[], element: number): Buffer[] =>
  proof.map((p, i) => {
    const copy = Buffer.from(p);
    if (i === element) copy[copy.length - 1]! ^= 0x01;
    return copy;
  });
