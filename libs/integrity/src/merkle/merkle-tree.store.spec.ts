import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alter, rfcLeafHash, rfcRoot, verifyConsistency, verifyInclusion } from '../testing/rfc9162.verifier.js';
import { leafHash } from './merkle-hash.js';
import { MerkleTreeStore } from './merkle-tree.store.js';

const SIZE = 33;
const entries = Array.from({ length: SIZE }, (_, i) => Buffer.from(`entry ${i} ${randomBytes(4).toString('hex')}`));

const buildTree = (file = ':memory:', count = SIZE) => {
  const tree = new MerkleTreeStore({ file });
  // in uneven batches, as the sequencer appends pages
  for (let i = 0; i < count; ) {
    const batch = entries.slice(i, Math.min(count, i + 1 + (i % 4)));
    tree.append(batch.map((entry, j) => ({ position: BigInt(10 + (i + j) * 3), eventId: `e${i + j}`, hash: leafHash(entry) })));
    i += batch.length;
  }
  return tree;
};

describe('the Merkle tree beside the log (RFC 9162)', () => {
  const tree = buildTree();
  afterAll(() => tree.close());

  it('hashes a leaf as SHA-256(0x00 || entry)', () => {
    expect(leafHash(entries[0]!)).toEqual(rfcLeafHash(entries[0]!));
  });

  it.each(Array.from({ length: SIZE + 1 }, (_, n) => n))('has the root of the definition for the first %i leaves', (n) => {
    expect(tree.root(n)).toEqual(rfcRoot(entries.slice(0, n)));
  });

  it('gives inclusion proofs the independent verifier accepts, for every leaf of every size', () => {
    for (let n = 1; n <= SIZE; n++) {
      const root = rfcRoot(entries.slice(0, n));
      for (let m = 0; m < n; m++) {
        expect([n, m, verifyInclusion(m, n, rfcLeafHash(entries[m]!), tree.inclusionProof(m, n), root)]).toEqual([n, m, true]);
      }
    }
  });

  it('gives inclusion proofs the verifier rejects once altered, or for another leaf, index or size', () => {
    const n = 21;
    const root = rfcRoot(entries.slice(0, n));
    for (let m = 0; m < n; m++) {
      const proof = tree.inclusionProof(m, n);
      const leaf = rfcLeafHash(entries[m]!);
      for (let e = 0; e < proof.length; e++) expect(verifyInclusion(m, n, leaf, alter(proof, e), root)).toBe(false);
      expect(verifyInclusion(m, n, rfcLeafHash(entries[(m + 1) % n]!), proof, root)).toBe(false);
      expect(verifyInclusion((m + 1) % n, n, leaf, proof, root)).toBe(false);
      expect(verifyInclusion(m, n, leaf, proof.slice(1), root)).toBe(false);
      expect(verifyInclusion(m, n + 1, leaf, proof, rfcRoot(entries.slice(0, n + 1)))).toBe(false);
    }
  });

  it('gives consistency proofs the verifier accepts between every two sizes, and rejects altered ones', () => {
    for (let n = 1; n <= SIZE; n++) {
      const second = rfcRoot(entries.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const first = rfcRoot(entries.slice(0, m));
        const proof = tree.consistencyProof(m, n);
        expect([m, n, verifyConsistency(m, n, first, second, proof)]).toEqual([m, n, true]);
        for (let e = 0; e < proof.length; e++) expect([m, n, e, verifyConsistency(m, n, first, second, alter(proof, e))]).toEqual([m, n, e, false]);
        if (m < n) expect(verifyConsistency(m, n, rfcRoot(entries.slice(1, m + 1)), second, proof)).toBe(false);
      }
    }
  });

  it('finds leaves by event and by position', () => {
    expect(tree.leafOfEvent('e7')).toMatchObject({ index: 7, position: 31n });
    expect(tree.sizeAtPosition(31n)).toBe(8);
    expect(tree.sizeAtPosition(32n)).toBe(8);
    expect(tree.sizeAtPosition(9n)).toBe(0);
  });

  it('refuses sizes it does not have', () => {
    expect(() => tree.root(SIZE + 1)).toThrow(RangeError);
    expect(() => tree.inclusionProof(SIZE, SIZE)).toThrow(RangeError);
  });

  it('carries on after a reopen where it stopped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'merkle-'));
    try {
      const file = join(dir, 'tree.sqlite');
      buildTree(file, 13).close();
      const reopened = new MerkleTreeStore({ file });
      expect(reopened.size).toBe(13);
      expect(reopened.root()).toEqual(rfcRoot(entries.slice(0, 13)));
      reopened.append(entries.slice(13).map((entry, i) => ({ position: BigInt(1000 + i), eventId: `x${i}`, hash: leafHash(entry) })));
      expect(reopened.root()).toEqual(rfcRoot(entries));
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
