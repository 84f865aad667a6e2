import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { MerkleTreeStore } from '../merkle/merkle-tree.store.js';
import { TreeSequencer } from '../sequencer/tree-sequencer.js';
import { TreeHeadSigner } from '../signing/tree-head-signer.js';
import { verifyLog } from './verify-log.js';

const EVENTS = 120;

/** A log of EVENTS events on four streams, its tree built by the sequencer, heads signed along the way. */
const buildLog = async (dir: string) => {
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const tree = new MerkleTreeStore({ file: join(dir, 'integrity.sqlite') });
  const sequencer = new TreeSequencer({ store, tree, signer: TreeHeadSigner.fromFile(join(dir, 'key.pem')), headIntervalMs: 1 });
  sequencer.start();
  const revisions = new Map<string, bigint>();
  for (let i = 0; i < EVENTS; i++) {
    const stream = `thing-${i % 4}`;
    const expected = revisions.get(stream) ?? 'no_stream';
    const result = await store.append(stream, [{ id: randomUUID(), type: 'ThingHappened.v1', data: { n: i, marker: `MARKER-${String(i).padStart(4, '0')}` }, metadata: { recordedAt: new Date().toISOString() } }], expected);
    revisions.set(stream, result.nextRevision);
    if (i % 17 === 0) {
      await sequencer.waitFor(result.position, 2000);
      sequencer.currentHead();
    }
  }
  const head = await store.headPosition();
  await sequencer.waitFor(head as bigint, 2000);
  sequencer.currentHead();
  await sequencer.stop();
  tree.close();
  await store.close();
};

const check = async (dir: string) => {
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const tree = new MerkleTreeStore({ file: join(dir, 'integrity.sqlite'), readonly: true });
  try {
    return await verifyLog({ store, tree, pageSize: 7 });
  } finally {
    tree.close();
    await store.close();
  }
};

/** Every offset in the file where `marker` is written (the live row, and any stale copy in a page SQLite no longer uses). */
const offsetsOf = (bytes: Buffer, marker: string): number[] => {
  const found: number[] = [];
  for (let at = bytes.indexOf(marker); at !== -1; at = bytes.indexOf(marker, at + 1)) found.push(at);
  return found;
};

/** The marker of event `n` as the store reads it back. */
const markerRead = async (dir: string, n: number) => {
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  try {
    return (await store.readAll()).find((e) => e.data['n'] === n)?.data['marker'];
  } finally {
    await store.close();
  }
};

describe('verifyLog', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verify-'));
    await buildLog(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the log and its tree in agreement, every signed head verifying', async () => {
    const report = await check(dir);
    expect(report).toMatchObject({ ok: true, checked: EVENTS, treeSize: EVENTS, unsequenced: 0, mismatch: null });
    expect(report.headsChecked).toBeGreaterThan(3);
  });

  it.each([3, 64, 119])('names the position of the event when one byte of its row in the SQLite file is changed (event %i)', async (n) => {
    const file = join(dir, 'events.sqlite');
    const original = readFileSync(file);
    const marker = `MARKER-${String(n).padStart(4, '0')}`;
    let named = 0;
    for (const at of offsetsOf(original, marker)) {
      const changed = Buffer.from(original);
      changed[at + marker.length - 1] ^= 0x01; // one digit for another
      writeFileSync(file, changed);
      const report = await check(dir);
      if (report.ok) {
        // a stale copy in a page the database no longer uses: the log itself is unchanged
        expect(await markerRead(dir, n)).toBe(marker);
      } else {
        expect(report.mismatch).toMatchObject({ position: BigInt(n + 1), index: n });
        named += 1;
      }
    }
    writeFileSync(file, original);
    expect(named).toBe(1);
  });

  it('names a removed event', async () => {
    const db = new Database(join(dir, 'events.sqlite'));
    db.prepare('DELETE FROM events WHERE position = 50').run();
    db.close();
    expect((await check(dir)).mismatch).toMatchObject({ position: 50n, index: 49 });
  });

  it('names a leaf changed in the tree', async () => {
    const db = new Database(join(dir, 'integrity.sqlite'));
    db.prepare("UPDATE leaves SET hash = zeroblob(32) WHERE idx = 77").run();
    db.close();
    expect((await check(dir)).mismatch).toMatchObject({ position: 78n, index: 77 });
  });

  it('names a node changed in the tree, and a node missing', async () => {
    const db = new Database(join(dir, 'integrity.sqlite'));
    db.prepare('UPDATE nodes SET hash = zeroblob(32) WHERE level = 2 AND idx = 5').run();
    db.prepare('DELETE FROM nodes WHERE level = 1 AND idx = 40').run();
    db.close();
    // leaves 20–23 complete the level-2 node 5 at event 23 (position 24), before leaf 81 completes node 40
    expect((await check(dir)).mismatch).toMatchObject({ position: 24n, index: 23, reason: expect.stringMatching(/node over leaves 20–23/) });
    const again = new Database(join(dir, 'integrity.sqlite'));
    again.prepare('DELETE FROM nodes WHERE level = 2 AND idx = 5').run();
    again.close();
    expect((await check(dir)).mismatch).toMatchObject({ position: 24n, index: 23 });
  });

  it('refuses a head whose signature or root was changed', async () => {
    const db = new Database(join(dir, 'integrity.sqlite'));
    const { tree_size } = db.prepare('SELECT tree_size FROM heads ORDER BY tree_size LIMIT 1 OFFSET 2').get() as { tree_size: number };
    db.prepare('UPDATE heads SET timestamp = ? WHERE tree_size = ?').run('2001-01-01T00:00:00.000Z', tree_size);
    db.close();
    const report = await check(dir);
    expect(report.mismatch?.reason).toMatch(/signature of the head of size/);
    expect(report.mismatch?.index).toBe(tree_size - 1);
  });
});
