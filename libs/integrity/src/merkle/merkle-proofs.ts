/**
 * Roots and proofs of RFC 6962 section 2.1 (RFC 9162 section 2.1.3–2.1.4) over a tree whose complete
 * subtrees are looked up, so that a proof costs O(log n) lookups instead of rehashing the log.
 *
 * Every range the RFC's recursion visits is [start, start + 2^k) with start a multiple of 2^k (a complete
 * subtree, stored) or the tree's ragged right edge (computed from at most log n complete subtrees).
 */
import { EMPTY_ROOT, nodeHash } from './merkle-hash.js';

/** The hash of the complete subtree of 2^level leaves starting at index `start` (start a multiple of 2^level). */
export type SubtreeLookup = (level: number, start: number) => Buffer;

/** The largest power of two smaller than n (n > 1). */
export const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/** MTH(D[start:end]). */
export const rangeHash = (lookup: SubtreeLookup, start: number, end: number): Buffer => {
  const n = end - start;
  if (n === 0) return EMPTY_ROOT;
  if (isPowerOfTwo(n) && start % n === 0) return lookup(Math.log2(n), start);
  const k = splitPoint(n);
  return nodeHash(rangeHash(lookup, start, start + k), rangeHash(lookup, start + k, end));
};

export const rootHash = (lookup: SubtreeLookup, size: number): Buffer => rangeHash(lookup, 0, size);

/** PATH(m, D[n]): the audit path of leaf m in the tree of the first n leaves, leaf to root. */
export const inclusionPath = (lookup: SubtreeLookup, index: number, size: number): Buffer[] => {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path: Buffer[] = [];
  const walk = (m: number, start: number, end: number): void => {
    const n = end - start;
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, start, start + k);
      path.push(rangeHash(lookup, start + k, end));
    } else {
      walk(m - k, start + k, end);
      path.push(rangeHash(lookup, start, start + k));
    }
  };
  walk(index, 0, size);
  return path;
};

/** PROOF(m, D[n]): that the tree of the first m leaves is a prefix of the tree of the first n. */
export const consistencyPath = (lookup: SubtreeLookup, from: number, to: number): Buffer[] => {
  if (!(from >= 0 && from <= to)) throw new RangeError(`no consistency proof from ${from} to ${to}`);
  if (from === 0 || from === to) return [];
  const proof: Buffer[] = [];
  const sub = (m: number, start: number, end: number, whole: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!whole) proof.push(rangeHash(lookup, start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, start, start + k, whole);
      proof.push(rangeHash(lookup, start + k, end));
    } else {
      sub(m - k, start + k, end, false);
      proof.push(rangeHash(lookup, start, start + k));
    }
  };
  sub(from, 0, to, true);
  return proof;
};
