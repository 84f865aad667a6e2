import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { LOG_ORIGIN, MerkleTreeStore, TreeSequencer, type StoredHead, type TreeHeadSigner } from '#libs/integrity';
import { invalid, notFound } from '#libs/lifecycle';
import { integrityConfigFromEnv } from './integrity.config.js';

/** How long a request waits for the sequencer to include what the log already holds. */
const SEQUENCING_WAIT_MS = 2_000;

export interface TreeHeadAnswer {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly publicKey: string;
}

const b64 = (b: Buffer) => b.toString('base64');

/** The tree beside the log, its sequencer and signed heads, for the routes and the documents' headers. */
@Injectable()
export class IntegrityService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Integrity');
  readonly tree: MerkleTreeStore;
  readonly signer: TreeHeadSigner;
  private readonly sequencer: TreeSequencer;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    const config = integrityConfigFromEnv(process.env);
    this.tree = new MerkleTreeStore({ file: config.treeFile });
    this.signer = config.signer();
    this.sequencer = new TreeSequencer({
      store,
      tree: this.tree,
      signer: this.signer,
      headIntervalMs: config.headIntervalMs,
      onError: (error) => this.logger.error(`The tree stopped following the log: ${(error as Error).message}`),
    });
  }

  onModuleInit(): void {
    this.sequencer.start();
  }

  private stopped = false;

  async onModuleDestroy(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.sequencer.stop();
    this.tree.close();
  }

  /** Waits (briefly) until the tree includes everything the log held when asked. */
  async caughtUp(): Promise<void> {
    const head = await this.store.headPosition();
    if (head !== 'start') await this.sequencer.waitFor(head, SEQUENCING_WAIT_MS);
  }

  async checkpoint(): Promise<TreeHeadAnswer> {
    await this.caughtUp();
    const head = this.sequencer.currentHead();
    if (!head) throw notFound('LOG_EMPTY', 'The log holds no event yet: there is no tree head to sign.');
    return this.answer(head);
  }

  answer(head: StoredHead): TreeHeadAnswer {
    return { origin: LOG_ORIGIN, treeSize: head.treeSize, rootHash: b64(head.rootHash), timestamp: head.timestamp, signature: b64(head.signature), publicKey: b64(head.publicKey) };
  }

  /** The size a proof is asked against: the one given (at most the tree's), else the latest signed head's. */
  private async sizeFor(treeSize: number | undefined, field: string): Promise<number> {
    await this.caughtUp();
    if (treeSize === undefined) return this.sequencer.currentHead()?.treeSize ?? 0;
    if (treeSize > this.tree.size) throw invalid(field, `${field} must be at most ${this.tree.size}, the size of the tree now`, 'TREE_SIZE_TOO_LARGE');
    return treeSize;
  }

  /** The event's stream, for the caller to check that the reader may see it. */
  async leafOf(eventId: string): Promise<{ readonly index: number; readonly position: bigint; readonly hash: Buffer }> {
    await this.caughtUp();
    const leaf = this.tree.leafOfEvent(eventId);
    if (!leaf) throw notFound('EVENT_NOT_FOUND', `No event with id ${eventId} is in the log.`);
    return leaf;
  }

  async inclusionProof(eventId: string, treeSize: number | undefined) {
    const leaf = await this.leafOf(eventId);
    const size = await this.sizeFor(treeSize, 'treeSize');
    if (leaf.index >= size) throw invalid('treeSize', `treeSize must be above ${leaf.index}: the event is leaf ${leaf.index} of the log`, 'EVENT_NOT_IN_TREE');
    return {
      eventId: eventId.toLowerCase(),
      position: leaf.position.toString(),
      leafIndex: leaf.index,
      treeSize: size,
      leafHash: b64(leaf.hash),
      rootHash: b64(this.tree.root(size)),
      auditPath: this.tree.inclusionProof(leaf.index, size).map(b64),
      signedHead: this.signedHeadAt(size),
    };
  }

  async consistencyProof(from: number, to: number | undefined) {
    const size = await this.sizeFor(to, 'to');
    if (from > size) throw invalid('from', `from must be at most to (${size})`, 'TREE_SIZE_TOO_LARGE');
    return {
      from,
      to: size,
      fromRootHash: b64(this.tree.root(from)),
      toRootHash: b64(this.tree.root(size)),
      proof: this.tree.consistencyProof(from, size).map(b64),
      signedHead: this.signedHeadAt(size),
    };
  }

  /** The tree a document rendered at `position` belongs to: its size and root. */
  async treeAt(position: bigint): Promise<{ readonly treeSize: number; readonly rootHash: string } | null> {
    if (!(await this.sequencer.waitFor(position, SEQUENCING_WAIT_MS))) return null;
    const treeSize = this.tree.sizeAtPosition(position);
    return { treeSize, rootHash: b64(this.tree.root(treeSize)) };
  }

  private signedHeadAt(size: number): TreeHeadAnswer | null {
    const head = this.tree.head(size);
    return head ? this.answer(head) : null;
  }
}
