/**
 * Builds the tree as the log is sequenced: a subscription of the global log from the tree's last leaf
 * appends each event's leaf (a page of the log per transaction of the tree), and a head is signed at most
 * every `headIntervalMs` while the log grows, and on demand. Appends never wait for the tree, so they stay
 * concurrent; the bound between an append and its inclusion is stated in the README:
 * in the tree within one turn of the subscription after its commit (the next poll, 1 s, for another process's
 * writes to the same file), under a signed head within `headIntervalMs` of that, or at once when a checkpoint
 * is asked for.
 */
import { START, type EventStore, type RecordedEvent, type Subscription } from '#libs/event-store';
import { eventLeafHash } from '../merkle/merkle-hash.js';
import type { LeafToAppend, MerkleTreeStore, StoredHead } from '../merkle/merkle-tree.store.js';
import type { TreeHeadSigner } from '../signing/tree-head-signer.js';

export interface TreeSequencerOptions {
  readonly store: EventStore;
  readonly tree: MerkleTreeStore;
  readonly signer: TreeHeadSigner;
  /** Default: 1000. */
  readonly headIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
  /** The time a head is signed at (tests pass their own). */
  readonly now?: () => Date;
}

export class TreeSequencer {
  private subscription: Subscription | null = null;
  private buffer: LeafToAppend[] = [];
  private flushScheduled = false;
  private headTimer: NodeJS.Timeout | null = null;
  private lastHeadAt = 0;
  private waiters: { position: bigint; resolve: () => void }[] = [];
  private readonly headIntervalMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: TreeSequencerOptions) {
    this.headIntervalMs = options.headIntervalMs ?? 1000;
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.subscription) return;
    const after = this.options.tree.lastSequencedPosition ?? START;
    this.subscription = this.options.store.subscribe({
      after,
      onEvent: (event) => this.take(event),
      onCaughtUp: () => this.flush(),
      onError: (error) => this.options.onError?.(error),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
    this.flush();
    if (this.headTimer) clearTimeout(this.headTimer);
    this.headTimer = null;
    if (this.options.tree.size > (this.options.tree.latestHead()?.treeSize ?? 0)) this.signHead();
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
  }

  /** Resolves once the event at `position` is a leaf (or after `timeoutMs`); answers whether it is. */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    const reached = () => (this.options.tree.lastSequencedPosition ?? -1n) >= position;
    if (reached()) return true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const waiter = { position, resolve: done };
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(waiter);
    });
    return reached();
  }

  /** The latest signed head, signing one first when the tree has grown since. */
  currentHead(): StoredHead | null {
    this.flush();
    const latest = this.options.tree.latestHead();
    if (this.options.tree.size === 0) return latest;
    if (latest && latest.treeSize === this.options.tree.size) return latest;
    return this.signHead();
  }

  private take(event: RecordedEvent): void {
    this.buffer.push({ position: event.position, eventId: event.id, hash: eventLeafHash(event) });
    if (this.buffer.length >= 1000) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.buffer.length === 0) return;
    const leaves = this.buffer;
    this.buffer = [];
    this.options.tree.append(leaves);
    const position = this.options.tree.lastSequencedPosition ?? -1n;
    this.waiters = this.waiters.filter((waiter) => (waiter.position <= position ? (waiter.resolve(), false) : true));
    this.scheduleHead();
  }

  private scheduleHead(): void {
    if (this.headTimer) return;
    const wait = Math.max(0, this.lastHeadAt + this.headIntervalMs - Date.now());
    this.headTimer = setTimeout(() => {
      this.headTimer = null;
      try {
        if (this.options.tree.size > (this.options.tree.latestHead()?.treeSize ?? 0)) this.signHead();
      } catch (error) {
        this.options.onError?.(error);
      }
    }, wait);
    this.headTimer.unref();
  }

  private signHead(): StoredHead {
    const { tree, signer } = this.options;
    const head = signer.sign(tree.size, tree.root(), this.now().toISOString());
    tree.saveHead(head);
    this.lastHeadAt = Date.now();
    return head;
  }
}
