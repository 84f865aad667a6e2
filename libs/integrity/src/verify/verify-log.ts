/**
 * Walks the whole log beside its tree: recomputes every leaf from the event, every complete subtree from the
 * leaves and the root at every signed head, checks each head's signature, and stops at the first thing that
 * does not match, naming the position in the log.
 */
import { START, type EventStore, type LogPosition, type RecordedEvent } from '#libs/event-store';
import { eventLeafHash, nodeHash } from '../merkle/merkle-hash.js';
import type { MerkleTreeStore, StoredHead, StoredLeaf } from '../merkle/merkle-tree.store.js';
import { verifyHead } from '../signing/tree-head-signer.js';

export interface Mismatch {
  /** The log position where the log and its tree part (the expected one when the log lost or misplaced it). */
  readonly position: bigint | null;
  /** 0-based place in the log. */
  readonly index: number;
  readonly reason: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  /** Events compared with their leaves. */
  readonly checked: number;
  readonly treeSize: number;
  readonly headsChecked: number;
  /** Events after the tree's last leaf (appended since; the service sequences them). */
  readonly unsequenced: number;
  readonly mismatch: Mismatch | null;
}

export interface VerifyOptions {
  readonly store: EventStore;
  readonly tree: MerkleTreeStore;
  readonly pageSize?: number;
  readonly onProgress?: (checked: number) => void;
}

const hex = (b: Buffer) => b.toString('hex');

/** The stored nodes of each level, read in order a page at a time (not one lookup per node). */
const nodeReader = (tree: MerkleTreeStore, pageSize = 4096) => {
  const pages = new Map<number, { from: number; hashes: Buffer[] }>();
  return (level: number, index: number): Buffer | null => {
    let page = pages.get(level);
    if (!page || index < page.from || index >= page.from + page.hashes.length) {
      const rows = tree.nodes(level, index, pageSize);
      // a gap (a node missing) makes the page start elsewhere: then there is no node at `index`
      if (rows[0]?.index !== index) return null;
      const hashes: Buffer[] = [];
      for (const [i, row] of rows.entries()) {
        if (row.index !== index + i) break;
        hashes.push(row.hash);
      }
      page = { from: index, hashes };
      pages.set(level, page);
    }
    return page.hashes[index - page.from] ?? null;
  };
};

export async function verifyLog({ store, tree, pageSize = 5000, onProgress }: VerifyOptions): Promise<VerifyReport> {
  const heads: StoredHead[] = [...tree.heads()];
  let headIndex = 0;
  const edge: { level: number; hash: Buffer }[] = [];
  let index = 0;
  let unsequenced = 0;
  let after: LogPosition = START;
  const treeSize = tree.size;
  const report = (mismatch: Mismatch | null): VerifyReport => ({ ok: mismatch === null, checked: Math.min(index, treeSize), treeSize, headsChecked: headIndex, unsequenced, mismatch });
  const expectedPosition = () => tree.leaf(index)?.position ?? null;
  const storedNode = nodeReader(tree);

  const readPage = async (): Promise<RecordedEvent[] | Mismatch> => {
    try {
      return await store.readAll({ after, limit: pageSize });
    } catch {
      // Narrow down: the first event that cannot be read is where the damage is.
      for (let i = 0; i < pageSize; i++) {
        try {
          const [event] = await store.readAll({ after, limit: 1 });
          if (!event) break;
          return [event];
        } catch (error) {
          return { position: expectedPosition(), index, reason: `the event cannot be read (${(error as Error).message})` };
        }
      }
      return { position: expectedPosition(), index, reason: 'the log cannot be read here' };
    }
  };

  for (;;) {
    const page = await readPage();
    if (!Array.isArray(page)) return report(page);
    if (page.length === 0) break;
    const leaves: StoredLeaf[] = index < treeSize ? tree.leaves(index, page.length) : [];
    for (const [i, event] of page.entries()) {
      after = event.position;
      if (index >= treeSize) {
        unsequenced += 1;
        index += 1;
        continue;
      }
      const leaf = leaves[i];
      if (!leaf || leaf.index !== index) return report({ position: event.position, index, reason: `the tree has no leaf ${index}` });
      if (leaf.position !== event.position) {
        return report({ position: leaf.position < event.position ? leaf.position : event.position, index, reason: `leaf ${index} is for position ${leaf.position}, the log has position ${event.position} there (an event missing, added or moved)` });
      }
      if (leaf.eventId !== event.id) return report({ position: event.position, index, reason: `leaf ${index} is for event ${leaf.eventId}, the log has ${event.id}` });
      const hash = eventLeafHash(event);
      if (!hash.equals(leaf.hash)) return report({ position: event.position, index, reason: `the event's hash ${hex(hash)} is not its leaf's ${hex(leaf.hash)}: the event or the leaf was changed` });
      edge.push({ level: 0, hash });
      while (edge.length >= 2 && edge[edge.length - 1]!.level === edge[edge.length - 2]!.level) {
        const right = edge.pop()!;
        const left = edge.pop()!;
        const level = right.level + 1;
        const node = nodeHash(left.hash, right.hash);
        const stored = storedNode(level, Math.floor(index / 2 ** level));
        if (!stored || !stored.equals(node)) {
          const first = index + 1 - 2 ** level;
          return report({ position: event.position, index, reason: `the tree's node over leaves ${first}–${index} does not match them` });
        }
        edge.push({ level, hash: node });
      }
      index += 1;
      while (headIndex < heads.length && heads[headIndex]!.treeSize === index) {
        const head = heads[headIndex]!;
        let root = edge[edge.length - 1]!.hash;
        for (let e = edge.length - 2; e >= 0; e--) root = nodeHash(edge[e]!.hash, root);
        if (!root.equals(head.rootHash)) return report({ position: event.position, index: index - 1, reason: `the signed head of size ${head.treeSize} has root ${hex(head.rootHash)}, the log gives ${hex(root)}` });
        if (!verifyHead(head)) return report({ position: event.position, index: index - 1, reason: `the signature of the head of size ${head.treeSize} does not verify` });
        headIndex += 1;
      }
    }
    onProgress?.(Math.min(index, treeSize));
  }
  if (index < treeSize) {
    return report({ position: tree.leaf(index)?.position ?? null, index, reason: `the log ends after ${index} events, its tree has ${treeSize} leaves: events were removed` });
  }
  if (headIndex < heads.length) {
    const head = heads[headIndex]!;
    return report({ position: null, index, reason: `a signed head names ${head.treeSize} leaves, the tree has ${treeSize}` });
  }
  return report(null);
}
