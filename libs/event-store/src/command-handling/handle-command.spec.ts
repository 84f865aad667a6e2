/**
 * The generic command handler against the real embedded store (SQLite, WAL file, group commit): optimistic
 * concurrency, re-decision on fresh state, If-Match, Idempotency-Key, and 50 conflicting commands at once.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, type RecordedEvent } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import {
  ConcurrencyConflictError,
  fold,
  handleCommand,
  IdempotencyKeyReusedError,
  RevisionMismatchError,
  StreamStateCache,
  type HandleCommandOptions,
  type HandleCommandResult,
} from './handle-command.js';
import { instrumentDecider, type InstrumentCommand, instrumentStream, legalDateOf, type EligibleParty, type InstrumentEvent, type InstrumentState, partyDecider, partyStream, DomainError } from '#libs/lifecycle';
import { testContext } from '../../../lifecycle/src/testing/decider-spec.js';

const TODAY = '2021-12-31';

// ---- a real store per test, in a temporary directory -------------------------------------------------------

let dir: string;
let file: string;
let store: SqliteEventStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'handle-command-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  file = join(dir, `${randomUUID()}.sqlite`);
  store = new SqliteEventStore({ file });
});
afterEach(() => store.close());

// ---- fixtures ------------------------------------------------------------------------------------------------

const party = (code: string, kind: EligibleParty['kind'] = 'state'): EligibleParty => ({ code, name: `Party ${code}`, kind });

type Options = Partial<Omit<HandleCommandOptions<InstrumentState, InstrumentCommand, InstrumentEvent>, 'command'>>;

const run = (stream: string, command: InstrumentCommand, options: Options = {}): Promise<HandleCommandResult<InstrumentState>> =>
  handleCommand({
    store,
    decider: instrumentDecider,
    stream,
    command,
    context: testContext({ today: TODAY }),
    legalDateOf,
    ...(cache ? { cache } : {}),
    ...options,
  });

const sign = (code: string, signedOn = '2019-06-10', definitive = false): InstrumentCommand => ({
  type: 'SignInstrument',
  data: { party: code, signedOn, signatory: { name: `Envoy of ${code}`, title: 'Ambassador' }, definitive, place: 'Castries' },
});

/** An instrument taken through every stage to open-for-signature, each step through the handler. */
const openInstrument = async (parties: readonly EligibleParty[], kind: 'treaty' | 'mou' = 'treaty'): Promise<string> => {
  const id = randomUUID();
  const stream = instrumentStream(id);
  const steps: InstrumentCommand[] = [
    {
      type: 'CreateInstrument',
      data: {
        instrumentId: id,
        kind,
        title: 'Agreement on advance cargo information',
        parent: null,
        languages: ['en'],
        depositary: null,
        eligibleParties: parties,
        entryIntoForce: null,
        text: { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Scope', body: 'This applies to cargo.' }] },
        preparedOn: '2019-01-15',
      },
    },
    { type: 'RequestReview', data: { reviewers: ['counsel'], note: null } },
    { type: 'DecideReview', data: { decision: 'approve', comment: null } },
    { type: 'AdoptText', data: { adoptedOn: '2019-05-10', place: 'Saint Lucia', method: 'consensus', votes: null } },
    { type: 'OpenForSignature', data: { opensOn: '2019-06-01', closesOn: null, place: 'Castries' } },
  ];
  for (const command of steps) await run(stream, command);
  return stream;
};
const OPEN_REVISION = 5n; // created, draft 1, review requested, approved, adopted, opened: revisions 0..5

/** Settles every promise; returns outcomes in input order. */
const settle = <T>(promises: readonly Promise<T>[]) => Promise.allSettled(promises);

/**
 * The real store, seen through a wrapper that counts the handler's reads and appends (to show that a conflict
 * really happened, or that no retry did) and can run another writer once, after the handler's first read and
 * before its append.
 */
const instrumented = (inner: EventStore, writer?: () => Promise<unknown>) => {
  const counts = { reads: 0, appends: 0 };
  let pending = writer;
  const store: EventStore = {
    append: (...args) => (counts.appends++, inner.append(...args)),
    readStream: async (...args) => {
      counts.reads++;
      const events = await inner.readStream(...args);
      const run = pending;
      pending = undefined;
      if (run) await run();
      return events;
    },
    readAll: (...args) => inner.readAll(...args),
    idempotencyKeyOwner: (key) => inner.idempotencyKeyOwner(key),
    headPosition: () => inner.headPosition(),
    subscribe: (options) => inner.subscribe(options),
    close: () => inner.close(),
  };
  return { store, counts };
};
const withWriterBetweenReadAndAppend = (inner: EventStore, writer: () => Promise<unknown>): EventStore => instrumented(inner, writer).store;

const expectContiguous = (events: readonly RecordedEvent[]) => {
  expect(events.map((e) => e.revision)).toEqual(events.map((_e, i) => BigInt(i)));
  for (let i = 1; i < events.length; i++) expect(events[i].position).toBeGreaterThan(events[i - 1].position);
};

const signaturesIn = (events: readonly RecordedEvent[]) =>
  events.filter((e) => e.type === 'InstrumentSigned.v1').map((e) => e.data as { party: string; signedOn: string });

// ---- tests -----------------------------------------------------------------------------------------------------

// Every test runs without a state cache and with one shared by the commands of the test.
let cache: StreamStateCache | undefined;

describe.each([{ cached: false }, { cached: true }])('handleCommand on the embedded SQLite store (state cache: $cached)', ({ cached }) => {
  beforeEach(() => {
    cache = cached ? new StreamStateCache(100) : undefined;
  });
  describe('load, decide, append', () => {
    it('creates a stream: appends the decided events from revision 0, with metadata, and returns the new state', async () => {
      const id = randomUUID();
      const stream = instrumentStream(id);
      const context = testContext({ today: TODAY, actor: 'registrar', correlationId: 'corr-1' });
      const result = await run(
        stream,
        {
          type: 'CreateInstrument',
          data: {
            instrumentId: id,
            kind: 'mou',
            title: 'MOU with the Caribbean Postal Union',
            parent: null,
            languages: [],
            depositary: null,
            eligibleParties: [party('CCLEC', 'organisation'), party('CPU', 'organisation')],
            entryIntoForce: null,
            text: { preamble: 'The Participants,', articles: [] },
          },
        },
        { context },
      );

      const stored = await store.readStream(stream);
      expect(stored.map((e) => e.type)).toEqual(['InstrumentCreated.v1', 'DraftVersionRecorded.v2']);
      expect(result).toMatchObject({ revision: 1n, replayed: false, position: stored[1].position });
      expect(result.events.map((e) => [e.id, e.type, e.revision])).toEqual(stored.map((e) => [e.id, e.type, e.revision]));
      for (const e of stored) {
        expect(e.metadata).toEqual({
          actor: 'registrar',
          recordedAt: context.now,
          legalDate: TODAY,
          correlationId: 'corr-1',
          causationId: context.commandId,
        });
      }
      expect(result.state).toEqual(fold(instrumentDecider, stored));
      expect(result.state.stage).toBe('drafting');
    });

    it('appends to an existing stream at the next revision, with the legal date of the act in the metadata', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const result = await run(stream, sign('JAM', '2019-06-10'));
      const stored = await store.readStream(stream);
      expect(stored).toHaveLength(7);
      expect(result.revision).toBe(OPEN_REVISION + 1n);
      expect(stored[6]).toMatchObject({ type: 'InstrumentSigned.v1', revision: 6n, metadata: { legalDate: '2019-06-10' } });
      expectContiguous(stored);
    });

    it('appends nothing when the domain refuses, and passes the domain error on', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const head = await store.headPosition();
      await expect(run(stream, sign('GUY'))).rejects.toMatchObject({ name: 'DomainError', code: 'PARTY_NOT_ELIGIBLE' });
      expect(await store.readStream(stream)).toHaveLength(6);
      expect(await store.headPosition()).toBe(head);
    });

    it('appends nothing when the domain decides nothing', async () => {
      const stream = partyStream('JAM');
      const register = await handleCommand({
        store,
        decider: partyDecider,
        stream,
        command: { type: 'RegisterParty', data: { code: 'JAM', name: 'Jamaica', kind: 'state' } },
        context: testContext(),
      });
      expect(register.revision).toBe(0n);
      const rename = await handleCommand({
        store,
        decider: partyDecider,
        stream,
        command: { type: 'RenameParty', data: { code: 'JAM', name: 'Jamaica' } },
        context: testContext(),
      });
      expect(rename).toMatchObject({ events: [], revision: 0n, position: null, replayed: false });
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('finds the same state after the store is closed and opened again on the same file', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const before = await run(stream, sign('JAM', '2019-06-10', true));
      await store.close();
      store = new SqliteEventStore({ file });
      const after = fold(instrumentDecider, await store.readStream(stream));
      expect(after).toEqual(before.state);
      const next = await run(stream, sign('BRB', '2019-06-12', true));
      expect(next.events.map((e) => [e.type, e.revision])).toEqual([
        ['InstrumentSigned.v1', 7n],
        ['EntryIntoForceDetermined.v1', 8n],
      ]);
    });
  });

  describe('optimistic concurrency without If-Match: a conflict re-runs the decision on fresh state', () => {
    it('lands both signatures when two parties sign at the same moment', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB'), party('GUY')]);
      const counting = instrumented(store);
      const outcomes = await settle([
        run(stream, sign('JAM', '2019-06-10'), { store: counting.store }),
        run(stream, sign('BRB', '2019-06-11'), { store: counting.store }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(counting.counts.appends).toBeGreaterThan(2); // one of them conflicted and was decided again
      const stored = await store.readStream(stream);
      expect(signaturesIn(stored).map((s) => s.party).sort()).toEqual(['BRB', 'JAM']);
      expectContiguous(stored);
      // the later one's state includes the earlier one's act: it was decided on fresh state
      const results = outcomes.map((o) => (o as PromiseFulfilledResult<HandleCommandResult<InstrumentState>>).value);
      const last = results.find((r) => r.revision === OPEN_REVISION + 2n)!;
      expect(last.state.stage === 'none' ? [] : Object.keys(last.state.participants).sort()).toEqual(['BRB', 'JAM']);
    });

    it('lands one signature and refuses the other with ALREADY_SIGNED when the same party signs twice at once', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const outcomes = await settle([run(stream, sign('JAM', '2019-06-10')), run(stream, sign('JAM', '2019-06-11'))]);
      const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toBeInstanceOf(DomainError);
      expect(rejected[0].reason).toMatchObject({ code: 'ALREADY_SIGNED' });
      const stored = await store.readStream(stream);
      expect(signaturesIn(stored)).toHaveLength(1);
      expect(stored).toHaveLength(7);
    });

    it('re-decides the entry into force: two last definitive signatures at once determine it exactly once', async () => {
      const stream = await openInstrument([party('CCLEC', 'organisation'), party('CPU', 'organisation')], 'mou');
      await settle([run(stream, sign('CCLEC', '2019-06-20', true)), run(stream, sign('CPU', '2019-07-02', true))]);
      const stored = await store.readStream(stream);
      expect(stored.slice(6).map((e) => e.type).sort()).toEqual(['EntryIntoForceDetermined.v1', 'InstrumentSigned.v1', 'InstrumentSigned.v1']);
      expect(stored[8]).toMatchObject({ type: 'EntryIntoForceDetermined.v1', data: { date: '2019-07-02', supersedes: null } });
    });

    it('re-reads after a write that came between its read and its append', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const racing = withWriterBetweenReadAndAppend(store, () => run(stream, sign('BRB', '2019-06-11')));
      const result = await run(stream, sign('JAM', '2019-06-10'), { store: racing });
      expect(result.events.map((e) => e.revision)).toEqual([7n]);
      const stored = await store.readStream(stream);
      expect(signaturesIn(stored).map((s) => s.party)).toEqual(['BRB', 'JAM']);
    });

    it('refuses with the domain\'s sentence when the fresh state makes the act illegal', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const racing = withWriterBetweenReadAndAppend(store, () => run(stream, sign('JAM', '2019-06-11')));
      await expect(run(stream, sign('JAM', '2019-06-10'), { store: racing })).rejects.toMatchObject({
        code: 'ALREADY_SIGNED',
        message: expect.stringContaining('2019-06-11'),
      });
      expect(signaturesIn(await store.readStream(stream))).toEqual([expect.objectContaining({ party: 'JAM', signedOn: '2019-06-11' })]);
    });

    it('gives up with ConcurrencyConflictError after maxAttempts, having appended nothing', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const racing = withWriterBetweenReadAndAppend(store, () => run(stream, sign('BRB', '2019-06-11')));
      const error = await run(stream, sign('JAM', '2019-06-10'), { store: racing, maxAttempts: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyConflictError);
      expect(error).toMatchObject({ code: 'CONCURRENCY_CONFLICT', stream, attempts: 1 });
      expect(signaturesIn(await store.readStream(stream)).map((s) => s.party)).toEqual(['BRB']);
    });
  });

  describe('If-Match (expectedRevision from the client)', () => {
    it('appends when the stream is at the revision the client saw', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const result = await run(stream, sign('JAM'), { expectedRevision: OPEN_REVISION });
      expect(result.revision).toBe(OPEN_REVISION + 1n);
    });

    it('refuses with RevisionMismatchError, deciding and appending nothing, when the stream has moved on', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      await run(stream, sign('BRB'));
      const head = await store.headPosition();
      const error = await run(stream, sign('JAM'), { expectedRevision: OPEN_REVISION }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RevisionMismatchError);
      expect(error).toMatchObject({ code: 'REVISION_MISMATCH', expected: OPEN_REVISION, actual: OPEN_REVISION + 1n });
      expect((error as Error).message).toMatch(/revision 5.*current revision is 6/);
      expect(await store.headPosition()).toBe(head);
    });

    it('refuses a mismatch even when the command would be refused by the domain (412 before 409)', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      await run(stream, sign('JAM'));
      await expect(run(stream, sign('JAM'), { expectedRevision: OPEN_REVISION })).rejects.toBeInstanceOf(RevisionMismatchError);
    });

    it('refuses a revision for a stream that does not exist', async () => {
      const error = await run(instrumentStream(randomUUID()), sign('JAM'), { expectedRevision: 0n }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'REVISION_MISMATCH', expected: 0n, actual: 'no_stream' });
    });

    it('does not retry when a write lands between its read and its append: RevisionMismatchError, nothing of its own appended', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const racing = instrumented(store, () => run(stream, sign('BRB', '2019-06-11')));
      const error = await run(stream, sign('JAM'), { store: racing.store, expectedRevision: OPEN_REVISION }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RevisionMismatchError);
      expect(error).toMatchObject({ expected: OPEN_REVISION, actual: OPEN_REVISION + 1n });
      expect(racing.counts).toEqual({ reads: 1, appends: 1 }); // refused at once, not re-read and re-decided
      expect(signaturesIn(await store.readStream(stream)).map((s) => s.party)).toEqual(['BRB']);
    });
  });

  describe('Idempotency-Key', () => {
    const key = { key: 'sig-jam-1', requestHash: 'hash-of-sign-jam' };

    it('returns the first result for a repeated key and appends nothing, even when the act would now be refused', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const first = await run(stream, sign('JAM'), { idempotency: key });
      const head = await store.headPosition();
      const again = await run(stream, sign('JAM'), { idempotency: key }); // a fresh decision would say ALREADY_SIGNED
      expect(again.replayed).toBe(true);
      expect(again.events.map((e) => [e.id, e.type, e.revision])).toEqual(first.events.map((e) => [e.id, e.type, e.revision]));
      expect(again.position).toBe(first.position);
      expect(again.revision).toBe(first.revision);
      expect(await store.headPosition()).toBe(head);
      expect(signaturesIn(await store.readStream(stream))).toHaveLength(1);
    });

    it('records the key and the request hash in the metadata of every event of the command', async () => {
      const stream = await openInstrument([party('CCLEC', 'organisation'), party('CPU', 'organisation')], 'mou');
      await run(stream, sign('CCLEC', '2019-06-20', true));
      const last = await run(stream, sign('CPU', '2019-07-02', true), { idempotency: key });
      expect(last.events).toHaveLength(2); // the signature and the entry into force
      const stored = await store.readStream(stream);
      for (const e of stored.slice(-2)) expect(e.metadata).toMatchObject({ idempotencyKey: key.key, requestHash: key.requestHash });
      const replay = await run(stream, sign('CPU', '2019-07-02', true), { idempotency: key });
      expect(replay.events.map((e) => e.id)).toEqual(last.events.map((e) => e.id));
      expect(await store.readStream(stream)).toHaveLength(stored.length);
    });

    it('replays the first result after other commands have appended to the stream', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const first = await run(stream, sign('JAM'), { idempotency: key });
      await run(stream, sign('BRB'));
      const again = await run(stream, sign('JAM'), { idempotency: key });
      expect(again).toMatchObject({ replayed: true, position: first.position });
      expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
      expect(await store.readStream(stream)).toHaveLength(8);
    });

    it('refuses the same key with another request (IdempotencyKeyReusedError), appending nothing', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      await run(stream, sign('JAM'), { idempotency: key });
      const head = await store.headPosition();
      const error = await run(stream, sign('BRB'), { idempotency: { key: key.key, requestHash: 'another-hash' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
      expect(error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', key: key.key });
      expect(await store.headPosition()).toBe(head);
      expect(signaturesIn(await store.readStream(stream)).map((s) => s.party)).toEqual(['JAM']);
    });

    it('appends once when the same request is sent twice at the same moment', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      const outcomes = await settle([run(stream, sign('JAM'), { idempotency: key }), run(stream, sign('JAM'), { idempotency: key })]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
      const results = outcomes.map((o) => (o as PromiseFulfilledResult<HandleCommandResult<InstrumentState>>).value);
      expect(results.map((r) => r.replayed).sort()).toEqual([false, true]);
      expect(results[0].events.map((e) => e.id)).toEqual(results[1].events.map((e) => e.id));
      expect(signaturesIn(await store.readStream(stream))).toHaveLength(1);
    });

    it('does not confuse keys: another key is another command', async () => {
      const stream = await openInstrument([party('JAM'), party('BRB')]);
      await run(stream, sign('JAM'), { idempotency: key });
      await expect(run(stream, sign('JAM'), { idempotency: { key: 'sig-jam-2', requestHash: key.requestHash } })).rejects.toMatchObject({
        code: 'ALREADY_SIGNED',
      });
    });
  });

  describe('50 conflicting commands at once on one instrument', () => {
    const codes = Array.from({ length: 40 }, (_v, i) => `P${String(i + 1).padStart(2, '0')}`);
    const day = (i: number) => `2019-07-${String(1 + (i % 28)).padStart(2, '0')}`;
    // 40 parties sign (definitively); 10 of them send a second, conflicting signature at the same moment.
    const commands = [
      ...codes.map((code, i) => ({ code, command: sign(code, day(i), true) })),
      ...codes.slice(0, 10).map((code, i) => ({ code, command: sign(code, day(i + 5), true) })),
    ];

    const fire = async (maxAttempts?: number) => {
      const stream = await openInstrument(codes.map((c) => party(c)));
      const contexts = commands.map(() => testContext({ today: TODAY }));
      const outcomes = await settle(commands.map(({ command }, i) => run(stream, command, { context: contexts[i], maxAttempts })));
      return { stream, contexts, outcomes, stored: await store.readStream(stream) };
    };

    const checkInvariants = ({ contexts, outcomes, stored }: Awaited<ReturnType<typeof fire>>) => {
      expectContiguous(stored);
      const byCommand = new Map<string, RecordedEvent[]>();
      for (const e of stored) byCommand.set(String(e.metadata.causationId), [...(byCommand.get(String(e.metadata.causationId)) ?? []), e]);
      outcomes.forEach((outcome, i) => {
        const written = byCommand.get(contexts[i].commandId) ?? [];
        if (outcome.status === 'fulfilled') {
          // appended exactly once, where the handler says
          expect(written.filter((e) => e.type === 'InstrumentSigned.v1')).toHaveLength(1);
          expect(written.map((e) => [e.id, e.revision])).toEqual(outcome.value.events.map((e) => [e.id, e.revision]));
        } else {
          // refused: by the domain on fresh state, or after too many conflicts; nothing of it in the log
          expect(outcome.reason).toBeInstanceOf(Error);
          expect(['ALREADY_SIGNED', 'CONCURRENCY_CONFLICT']).toContain((outcome.reason as { code: string }).code);
          expect(written).toEqual([]);
        }
      });
      // nothing else in the log: the opening steps plus what the successful commands appended
      const appended = outcomes.flatMap((o) => (o.status === 'fulfilled' ? o.value.events : []));
      expect(stored).toHaveLength(Number(OPEN_REVISION) + 1 + appended.length);
      // at most one signature per party
      const parties = signaturesIn(stored).map((s) => s.party);
      expect(new Set(parties).size).toBe(parties.length);
    };

    it('appends each command exactly once or refuses it; revisions stay contiguous (default attempts)', async () => {
      const fired = await fire();
      checkInvariants(fired);
      expect(fired.outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
    });

    it('loses nothing when the handler may retry enough: every party signs once, duplicates are refused, entry into force once', async () => {
      const fired = await fire(200);
      checkInvariants(fired);
      const { outcomes, stored } = fired;
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(refused).toHaveLength(10);
      for (const r of refused) expect(r.reason).toMatchObject({ code: 'ALREADY_SIGNED' });
      const signatures = signaturesIn(stored);
      expect(signatures.map((s) => s.party).sort()).toEqual([...codes].sort());
      // the last definitive signature brought the instrument into force, on the latest signature date, once
      const determinations = stored.filter((e) => e.type === 'EntryIntoForceDetermined.v1');
      expect(determinations).toHaveLength(1);
      expect(determinations[0].data).toMatchObject({ date: signatures.map((s) => s.signedOn).sort().at(-1), supersedes: null });
      expect(stored.at(-1)!.type).toBe('EntryIntoForceDetermined.v1');
      expect(fold(instrumentDecider, stored).stage).toBe('in-force');
    });
  });
});

describe('the command state cache', () => {
  const cacheOf = (capacity = 10) => new StreamStateCache(capacity);

  it('reads only the events after the cached revision, and its state equals a fold of the whole stream', async () => {
    const cache = cacheOf();
    const stream = await openInstrument([party('JAM'), party('BRB'), party('CUB')]);
    const reads: (bigint | undefined)[] = [];
    const spying = Object.create(store, {
      readStream: { value: (s: string, o?: { fromRevision?: bigint }) => (reads.push(o?.fromRevision), store.readStream(s, o)) },
    }) as EventStore;
    const first = await run(stream, sign('JAM'), { store: spying, cache });
    expect(reads).toEqual([undefined]); // nothing cached yet: the whole stream
    const second = await run(stream, sign('BRB'), { store: spying, cache });
    expect(reads).toEqual([undefined, first.revision as bigint]); // from the revision after the first fold
    expect(second.state).toEqual(fold(instrumentDecider, await store.readStream(stream)));
  });

  it('sees what another writer appended meanwhile: a command after a concurrent append decides on the new events', async () => {
    const cache = cacheOf();
    const stream = await openInstrument([party('JAM'), party('BRB')]);
    await run(stream, sign('JAM'), { cache }); // the stream is now cached
    // another process (no cache of ours) signs for BRB
    await run(stream, sign('BRB'), { cache: cacheOf() });
    await expect(run(stream, sign('BRB'), { cache })).rejects.toMatchObject({ code: 'ALREADY_SIGNED' });
    const again = await run(stream, sign('CUB'), { cache }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DomainError); // CUB is not eligible: decided on the real state, not the cached one
    expect((await store.readStream(stream)).filter((e) => e.type === 'InstrumentSigned.v1')).toHaveLength(2);
  });

  it('replays an Idempotency-Key recorded before the cached revision, reading only from where it was used', async () => {
    const cache = cacheOf();
    const stream = await openInstrument([party('JAM'), party('BRB')]);
    const idempotency = { key: 'k-1', requestHash: 'h-1' };
    const first = await run(stream, sign('JAM'), { cache, idempotency });
    await run(stream, sign('BRB'), { cache });
    const replay = await run(stream, sign('JAM'), { cache, idempotency });
    expect(replay).toMatchObject({ replayed: true, position: first.position });
    expect(replay.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    await expect(run(stream, sign('JAM'), { cache, idempotency: { key: 'k-1', requestHash: 'other' } })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('holds at most its capacity, dropping the least recently used stream', async () => {
    const cache = cacheOf(2);
    const streams = [await openInstrument([party('JAM')]), await openInstrument([party('JAM')]), await openInstrument([party('JAM')])];
    for (const stream of streams) await run(stream, sign('JAM'), { cache });
    expect(cache.size).toBe(2);
    expect(cache.get(streams[0]!, instrumentDecider)).toBeUndefined();
    expect(cache.get(streams[2]!, instrumentDecider)).toBeDefined();
    expect(cache.get(streams[2]!, partyDecider)).toBeUndefined(); // another decider's state is not this one's
  });
});
