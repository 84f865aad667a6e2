import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { EsdbEventStore, EVENTSTORE_CONNECTION_STRING } from '#libs/event-store/esdb';
import { MerkleTreeStore } from '../merkle/merkle-tree.store.js';
import { TreeHeadSigner, verifyHead } from '../signing/tree-head-signer.js';
import { rfcLeafHash, rfcRoot } from '../testing/rfc9162.verifier.js';
import { canonicalEvent } from '../merkle/merkle-hash.js';
import { verifyLog } from '../verify/verify-log.js';
import { TreeSequencer } from './tree-sequencer.js';

/** The sequencer over each store: the embedded one always, EventStoreDB when its connection string is set. */
const describeSequencer = (name: string, open: (dir: string) => EventStore) =>
  describe(`the tree sequencer on ${name}`, () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sequencer-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const appendSome = async (store: EventStore, stream: string, count: number, from = 0) => {
      let position = 0n;
      for (let i = from; i < from + count; i++) {
        position = (await store.append(stream, [{ id: randomUUID(), type: 'Sequenced.v1', data: { i }, metadata: { i } }], i === 0 ? 'no_stream' : BigInt(i - 1))).position;
      }
      return position;
    };

    it('includes every appended event, resumes after a restart, and signs heads over the whole log', async () => {
      const store = open(dir);
      const stream = `sequenced${randomUUID().slice(0, 8)}-1`;
      const signer = TreeHeadSigner.fromFile(join(dir, 'key.pem'));
      let tree = new MerkleTreeStore({ file: join(dir, 'tree.sqlite') });
      let sequencer = new TreeSequencer({ store, tree, signer, headIntervalMs: 10 });
      try {
        sequencer.start();
        expect(await sequencer.waitFor(await appendSome(store, stream, 5), 5000)).toBe(true);
        await sequencer.stop();
        tree.close();
        const last = await appendSome(store, stream, 4, 5); // while no sequencer runs
        tree = new MerkleTreeStore({ file: join(dir, 'tree.sqlite') });
        sequencer = new TreeSequencer({ store, tree, signer, headIntervalMs: 10 });
        sequencer.start();
        expect(await sequencer.waitFor(last, 5000)).toBe(true);
        const head = sequencer.currentHead()!;
        expect(verifyHead(head)).toBe(true);
        const log = await store.readAll();
        expect(head.treeSize).toBe(log.length);
        expect(head.rootHash).toEqual(rfcRoot(log.map((e) => canonicalEvent(e))));
        expect(tree.leafOfEvent(log.at(-1)!.id)?.hash).toEqual(rfcLeafHash(canonicalEvent(log.at(-1)!)));
        await sequencer.stop();
        expect(await verifyLog({ store, tree })).toMatchObject({ ok: true, treeSize: log.length });
      } finally {
        await sequencer.stop();
        tree.close();
        await store.close();
      }
    }, 30_000);
  });

describeSequencer('the embedded store', (dir) => new SqliteEventStore({ file: join(dir, 'events.sqlite') }));

const connectionString = process.env[EVENTSTORE_CONNECTION_STRING];
const SKIPPED = `Tree sequencer on EventStoreDB SKIPPED: set ${EVENTSTORE_CONNECTION_STRING} to run it against a real server`;
if (connectionString) describeSequencer(`EventStoreDB (${connectionString})`, () => new EsdbEventStore({ connectionString }));
else {
  console.warn(SKIPPED);
  describe.skip(SKIPPED, () => test('the tree sequencer against EventStoreDB', () => undefined));
}
