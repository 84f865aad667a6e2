/**
 * A page of the log applied in memory: each event's targeted documents are read once from the store (or taken
 * from what the page already changed), evolved, and kept here; `writes()` is then one commit with the
 * checkpoint. Each changed document carries the position of the last event of the page that changed it, so the
 * store's guard keeps exactly-once by position when a page is applied again after a crash (MongoDB writes the
 * documents before the checkpoint). The projector and the rebuild both go through here.
 */
import { Query } from 'mingo';
import { type RecordedEvent } from '#libs/event-store';
import type { Projection } from '../projections/projection.js';
import { isAtOrPast, POSITION_FIELD, positionKey, type DocumentWrite, type Filter, type ReadModelDoc, type ReadModelStore } from '../read-model-store.port.js';

interface Changed {
  readonly doc: ReadModelDoc | null;
  readonly position: bigint;
}

type Primitive = string | number | boolean;
const isPrimitive = (v: unknown): v is Primitive => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The filter's top-level equalities on plain fields, or null when it has none (the store is then asked as is). */
const scopeOf = (filter: Filter): Filter | null => {
  const entries = Object.entries(filter).filter(([key, value]) => !key.startsWith('$') && !key.includes('.') && key !== '_id' && isPrimitive(value));
  return entries.length ? Object.fromEntries(entries) : null;
};

/** The values at a dotted path, through arrays as MongoDB goes (an array at the end matches by element too). */
const valuesAt = (value: unknown, path: readonly string[], at = 0): unknown[] => {
  if (Array.isArray(value)) return at === path.length ? [value, ...value] : value.flatMap((v) => valuesAt(v, path, at));
  if (at === path.length) return [value];
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[path[at]!], path, at + 1);
};

/** A test for `filter`: equalities of primitives on dotted paths here (what projections target with), mingo for the rest. */
const matcherOf = (filter: Filter): ((doc: ReadModelDoc) => boolean) => {
  const entries = Object.entries(filter);
  if (!entries.every(([key, value]) => !key.startsWith('$') && isPrimitive(value))) {
    const query = new Query(filter as Record<string, unknown>, {});
    return (doc) => query.test(doc);
  }
  const paths = entries.map(([key, value]) => [key.split('.'), value] as const);
  return (doc) => paths.every(([path, value]) => valuesAt(doc, path).includes(value));
};

const indexValues = (index: Map<unknown, Set<string>>, doc: ReadModelDoc | null, field: string, id: string, change: 'add' | 'delete'): void => {
  const value = doc?.[field];
  for (const v of Array.isArray(value) ? value : [value]) {
    if (!isPrimitive(v)) continue;
    let ids = index.get(v);
    if (change === 'delete') ids?.delete(id);
    else {
      if (!ids) index.set(v, (ids = new Set()));
      ids.add(id);
    }
  }
};

export class ProjectionBatch {
  /** Documents this page changed, by collection and id (null: deleted). */
  private readonly changed = new Map<string, Map<string, Changed>>();
  /** Documents read from the store during this page and not changed (null: not there). */
  private readonly loaded = new Map<string, Map<string, ReadModelDoc | null>>();
  /** The store's documents by collection and top-level equalities, read once per page (see storedMatching). */
  private readonly scopes = new Map<string, ReadModelDoc[]>();
  /** The ids of the documents this page changed, by collection, field and value (for byFilter). */
  private readonly changedIndexes = new Map<string, Map<string, Map<unknown, Set<string>>>>();
  private count = 0;
  private last: RecordedEvent | null = null;

  constructor(
    private readonly store: ReadModelStore,
    private readonly projections: readonly Projection[],
    private readonly collectionOf: (projection: Projection) => string = (projection) => projection.name,
  ) {}

  /** Events applied. */
  get size(): number {
    return this.count;
  }

  get lastEvent(): RecordedEvent | null {
    return this.last;
  }

  /** The ids of the documents of `collection` this page changed. */
  changedIds(collection: string): string[] {
    return [...(this.changed.get(collection)?.keys() ?? [])];
  }

  /**
   * Reads, in one query per collection and chunk, the documents these events target by id that the page has not
   * read yet (most events make a new document: one lookup for a whole page instead of one per event).
   */
  async prefetch(events: readonly RecordedEvent[]): Promise<void> {
    const wanted = new Map<string, Set<string>>();
    for (const event of events) {
      for (const projection of this.projections) {
        const target = projection.target(event);
        if (!target || !('ids' in target)) continue;
        const name = this.collectionOf(projection);
        let ids = wanted.get(name);
        if (!ids) wanted.set(name, (ids = new Set()));
        for (const id of target.ids) if (!this.changed.get(name)?.has(id) && !this.loaded.get(name)?.has(id)) ids.add(id);
      }
    }
    for (const [name, ids] of wanted) {
      let loaded = this.loaded.get(name);
      if (!loaded) this.loaded.set(name, (loaded = new Map()));
      const all = [...ids];
      for (let i = 0; i < all.length; i += 500) {
        const chunk = all.slice(i, i + 500);
        for (const id of chunk) loaded.set(id, null);
        for (const doc of await this.store.collection(name).find({ _id: { $in: chunk } })) loaded.set(doc._id, doc);
      }
    }
  }

  async apply(event: RecordedEvent): Promise<void> {
    for (const projection of this.projections) {
      const target = projection.target(event);
      if (!target) continue;
      const name = this.collectionOf(projection);
      const docs = 'ids' in target ? await this.byIds(name, [...new Set(target.ids)]) : await this.byFilter(name, target.filter);
      for (const [id, doc] of docs) {
        if (isAtOrPast(doc, event.position)) continue; // a replay: this document already reflects the event
        const next = projection.evolve(doc, event, id);
        if (next === doc || (next === null && doc === null)) continue;
        this.mark(name, id, next === null ? null : { ...next, _id: id, [POSITION_FIELD]: positionKey(event.position) }, event.position);
      }
    }
    this.count += 1;
    this.last = event;
  }

  /** The document as this page sees it: changed here, else as read from the store. */
  async get(collection: string, id: string): Promise<ReadModelDoc | null> {
    return (await this.byIds(collection, [id]))[0]![1];
  }

  /** Documents of a collection matching `filter`, as this page sees them (the store's, overlaid with the page's changes). */
  async byFilter(collection: string, filter: Filter): Promise<[string, ReadModelDoc | null][]> {
    const changed = this.changed.get(collection);
    const matches = matcherOf(filter);
    const out = new Map<string, ReadModelDoc | null>();
    for (const doc of await this.storedMatching(collection, filter)) if (!changed?.has(doc._id)) out.set(doc._id, doc);
    if (changed?.size) {
      // The page's documents with the filter's first top-level equality (an index kept as the page goes), then the whole filter.
      const scope = scopeOf(filter);
      const [field, value] = scope ? Object.entries(scope)[0]! : [null, null];
      const candidates = field === null ? changed.keys() : (this.changedIndex(collection, field).get(value) ?? new Set<string>()).values();
      for (const id of candidates) {
        const doc = changed.get(id)?.doc;
        if (doc && matches(doc)) out.set(id, doc);
      }
    }
    return [...out];
  }

  /**
   * Documents of the store (as committed before this page) matching `filter`. The store is read once per page
   * for the filter's top-level equalities (an instrument's rows, say) and the rest is checked here: every
   * correction of an instrument in a page then costs one query, not one each.
   */
  async storedMatching(collection: string, filter: Filter): Promise<ReadModelDoc[]> {
    const scope = scopeOf(filter);
    if (!scope) return this.store.collection(collection).find(filter);
    const key = `${collection}\u0000${JSON.stringify(scope)}`;
    let stored = this.scopes.get(key);
    if (!stored) {
      this.scopes.set(key, (stored = await this.store.collection(collection).find(scope)));
      let loaded = this.loaded.get(collection);
      if (!loaded) this.loaded.set(collection, (loaded = new Map()));
      for (const doc of stored) if (!loaded.has(doc._id) && !this.changed.get(collection)?.has(doc._id)) loaded.set(doc._id, doc);
    }
    if (Object.keys(scope).length === Object.keys(filter).length) return stored;
    const matches = matcherOf(filter);
    return stored.filter(matches);
  }

  /** The documents of `collection` this page changed (null: deleted). */
  changedDocs(collection: string): [string, ReadModelDoc | null][] {
    return [...(this.changed.get(collection) ?? new Map<string, Changed>())].map(([id, { doc }]) => [id, doc]);
  }

  /** The commit's writes: one per changed document, with the position of the last event that changed it. */
  writes(): DocumentWrite[] {
    const writes: DocumentWrite[] = [];
    for (const [collection, docs] of this.changed) for (const [_id, { doc, position }] of docs) writes.push({ collection, _id, doc, position });
    return writes;
  }

  private async byIds(collection: string, ids: readonly string[]): Promise<[string, ReadModelDoc | null][]> {
    const changed = this.changed.get(collection);
    let loaded = this.loaded.get(collection);
    if (!loaded) this.loaded.set(collection, (loaded = new Map()));
    const out: [string, ReadModelDoc | null][] = [];
    for (const id of ids) {
      const mine = changed?.get(id);
      if (mine) {
        out.push([id, mine.doc]);
        continue;
      }
      let doc = loaded.get(id);
      if (doc === undefined) loaded.set(id, (doc = await this.store.collection(collection).findOne({ _id: id })));
      out.push([id, doc]);
    }
    return out;
  }

  /** Sets a document as changed by this page (derived documents: see instrument-answers.ts). */
  put(collection: string, id: string, doc: ReadModelDoc | null, position: bigint): void {
    this.mark(collection, id, doc, position);
  }

  /** The page's changed documents of `collection` by their value of `field` (each element, for an array). */
  private changedIndex(collection: string, field: string): Map<unknown, Set<string>> {
    let byField = this.changedIndexes.get(collection);
    if (!byField) this.changedIndexes.set(collection, (byField = new Map()));
    let index = byField.get(field);
    if (!index) {
      byField.set(field, (index = new Map()));
      for (const [id, { doc }] of this.changed.get(collection) ?? []) indexValues(index, doc, field, id, 'add');
    }
    return index;
  }

  private mark(collection: string, id: string, doc: ReadModelDoc | null, position: bigint): void {
    let docs = this.changed.get(collection);
    if (!docs) this.changed.set(collection, (docs = new Map()));
    for (const [field, index] of this.changedIndexes.get(collection) ?? []) {
      indexValues(index, docs.get(id)?.doc ?? null, field, id, 'delete');
      indexValues(index, doc, field, id, 'add');
    }
    docs.set(id, { doc, position });
    this.loaded.get(collection)?.delete(id);
  }
}
