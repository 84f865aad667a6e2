/**
 * The one behaviour contract both adapters must pass. Every test writes to its own streams (random suffix)
 * and only looks at events after the head position it saw first, so it can run against a shared real server.
 */
import { randomUUID } from 'node:crypto';
import {
  START,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type LogPosition,
  type RecordedEvent,
  type Subscription,
} from './event-store.port.js';

const uniqueStream = (category: string): string => `${category}-${randomUUID()}`;

const anEvent = (type = 'ContractTested', data: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data: { ...data },
  metadata: { actor: 'contract' },
});

/** Resolves when `predicate` holds, polling briefly; fails with `what` after `timeoutMs`. */
async function eventually(predicate: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export function describeEventStoreContract(name: string, factory: () => Promise<EventStore>): void {
  describe(`${name}: event store contract`, () => {
    let store: EventStore;
    const subscriptions: Subscription[] = [];

    beforeEach(async () => {
      store = await factory();
    });

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
      await store.close();
    });

    const ofStreams = (events: readonly RecordedEvent[], ...streams: string[]) =>
      events.filter((e) => streams.includes(e.stream));

    describe('append', () => {
      test('no_stream creates a stream at revision 0, then an exact revision continues it', async () => {
        const stream = uniqueStream('contract');
        const first = await store.append(stream, [anEvent()], 'no_stream');
        expect(first.nextRevision).toBe(0n);

        const next = await store.append(stream, [anEvent(), anEvent()], 0n);
        expect(next.nextRevision).toBe(2n);
        expect(next.position).toBeGreaterThan(first.position);

        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(events.at(-1)!.position).toBe(next.position);
      });

      test("'any' appends to a new and to an existing stream", async () => {
        const stream = uniqueStream('contract');
        expect((await store.append(stream, [anEvent()], 'any')).nextRevision).toBe(0n);
        expect((await store.append(stream, [anEvent()], 'any')).nextRevision).toBe(1n);
      });

      test('records id, type, data, metadata, stream, revision, position and a timestamp', async () => {
        const stream = uniqueStream('contract');
        const event: EventToAppend = {
          id: randomUUID(),
          type: 'TreatyAdopted',
          data: { title: 'Treaty of Tests', articles: [{ number: 1, body: 'Ü…' }], nothing: null },
          metadata: { actor: 'legal-officer', correlationId: randomUUID() },
        };
        const before = Date.now();
        const { position } = await store.append(stream, [event], 'no_stream');
        const [recorded] = await store.readStream(stream);
        expect(recorded).toEqual({
          id: event.id,
          type: event.type,
          data: event.data,
          metadata: event.metadata,
          stream,
          revision: 0n,
          position,
          createdAt: expect.any(String),
        });
        expect(Date.parse(recorded!.createdAt)).toBeGreaterThanOrEqual(before - 60_000); // server clocks drift a little
      });

      test('bigint values in data are stored as decimal strings instead of failing', async () => {
        const stream = uniqueStream('contract');
        await store.append(stream, [anEvent('Counted', { big: 9007199254740993n, nested: { n: 1n } })], 'no_stream');
        const [recorded] = await store.readStream(stream);
        expect(recorded!.data).toEqual({ big: '9007199254740993', nested: { n: '1' } });
      });

      test('no_stream on an existing stream conflicts with a typed error', async () => {
        const stream = uniqueStream('contract');
        await store.append(stream, [anEvent(), anEvent()], 'no_stream');
        const error = await rejection(store.append(stream, [anEvent()], 'no_stream'));
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', stream, expected: 'no_stream', actual: 1n });
      });

      test('an exact revision conflicts when the stream is further on', async () => {
        const stream = uniqueStream('contract');
        await store.append(stream, [anEvent(), anEvent()], 'no_stream');
        const error = await rejection(store.append(stream, [anEvent()], 0n));
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream, expected: 0n, actual: 1n });
      });

      test('an exact revision conflicts when the stream is behind or does not exist', async () => {
        const stream = uniqueStream('contract');
        const missing = await rejection(store.append(stream, [anEvent()], 0n));
        expect(missing).toMatchObject({ stream, expected: 0n, actual: 'no_stream' });
        expect(missing).toBeInstanceOf(WrongExpectedRevisionError);

        await store.append(stream, [anEvent()], 'no_stream');
        const ahead = await rejection(store.append(stream, [anEvent()], 5n));
        expect(ahead).toMatchObject({ stream, expected: 5n, actual: 0n });
      });

      test('a conflicting batch appends nothing at all', async () => {
        const stream = uniqueStream('contract');
        await store.append(stream, [anEvent()], 'no_stream');
        const head = await store.headPosition();
        await expect(store.append(stream, [anEvent(), anEvent(), anEvent()], 'no_stream')).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        expect(await store.readStream(stream)).toHaveLength(1);
        expect(ofStreams(await store.readAll({ after: head }), stream)).toEqual([]);
      });

      test('revisions are 0-based and contiguous across batches and positions strictly increase', async () => {
        const stream = uniqueStream('contract');
        let expected: bigint | 'no_stream' = 'no_stream';
        for (const size of [1, 3, 2]) {
          const batch = Array.from({ length: size }, () => anEvent());
          expected = (await store.append(stream, batch, expected)).nextRevision;
        }
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
        for (let i = 1; i < events.length; i++) expect(events[i]!.position).toBeGreaterThan(events[i - 1]!.position);
      });

      test('retrying a batch with the same ids and expected revision appends nothing (idempotent)', async () => {
        const stream = uniqueStream('contract');
        const batch = [anEvent(), anEvent()];
        const first = await store.append(stream, batch, 'no_stream');
        const retried = await store.append(stream, batch, 'no_stream');
        expect(retried).toEqual(first);

        const more = [anEvent()];
        const second = await store.append(stream, more, first.nextRevision);
        expect(await store.append(stream, more, first.nextRevision)).toEqual(second);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      test("retrying a batch with 'any' appends nothing (idempotent)", async () => {
        const stream = uniqueStream('contract');
        const batch = [anEvent(), anEvent()];
        const first = await store.append(stream, batch, 'any');
        expect((await store.append(stream, batch, 'any')).nextRevision).toBe(first.nextRevision);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      test('a different batch at a taken revision conflicts even if its first id matches', async () => {
        const stream = uniqueStream('contract');
        const [a, b] = [anEvent(), anEvent()];
        await store.append(stream, [a, b], 'no_stream');
        await expect(store.append(stream, [a, anEvent()], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      test('an empty batch only checks the expected revision', async () => {
        const stream = uniqueStream('contract');
        expect(await store.append(stream, [], 'no_stream')).toEqual({ nextRevision: -1n, position: -1n });
        expect(await store.append(stream, [], 'any')).toEqual({ nextRevision: -1n, position: -1n });
        await expect(store.append(stream, [], 0n)).rejects.toMatchObject({ actual: 'no_stream' });

        const written = await store.append(stream, [anEvent()], 'no_stream');
        expect(await store.append(stream, [], 0n)).toEqual(written);
        expect(await store.append(stream, [], 'any')).toEqual(written);
        await expect(store.append(stream, [], 'no_stream')).rejects.toMatchObject({ actual: 0n });
        await expect(store.append(stream, [], 3n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      test('rejects reserved names, bad ids and bad revisions before writing', async () => {
        const stream = uniqueStream('contract');
        await expect(store.append('$system', [anEvent()], 'any')).rejects.toThrow(TypeError);
        await expect(store.append(stream, [anEvent('$Reserved')], 'any')).rejects.toThrow(TypeError);
        await expect(store.append(stream, [{ ...anEvent(), id: 'not-a-uuid' }], 'any')).rejects.toThrow(TypeError);
        await expect(store.append(stream, [anEvent()], -1n)).rejects.toThrow(TypeError);
        expect(await store.readStream(stream)).toEqual([]);
      });

      test('concurrent appends with the same expected revision: exactly one wins, nothing is lost', async () => {
        const stream = uniqueStream('contract');
        await store.append(stream, [anEvent('Seed')], 'no_stream');
        const contenders = Array.from({ length: 10 }, (_, i) => anEvent('Contended', { i }));
        const results = await Promise.allSettled(contenders.map((e) => store.append(stream, [e], 0n)));

        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(9);
        for (const { reason } of lost) {
          expect(reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect(reason).toMatchObject({ expected: 0n, actual: 1n });
        }
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0n, 1n]);
        const winner = contenders[results.findIndex((r) => r.status === 'fulfilled')]!;
        expect(events[1]!.id).toBe(winner.id);
      });

      test("concurrent appends with 'any' to one stream all land, contiguously", async () => {
        const stream = uniqueStream('contract');
        const results = await Promise.all(Array.from({ length: 10 }, () => store.append(stream, [anEvent()], 'any')));
        expect(results.map((r) => r.nextRevision).sort()).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i)));
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual(
          Array.from({ length: 10 }, (_, i) => BigInt(i)),
        );
      });

      test('concurrent appends to different streams each succeed with their own result', async () => {
        const streams = Array.from({ length: 8 }, () => uniqueStream('contract'));
        const results = await Promise.all(streams.map((s) => store.append(s, [anEvent(), anEvent()], 'no_stream')));
        expect(results.every((r) => r.nextRevision === 1n)).toBe(true);
        expect(new Set(results.map((r) => r.position)).size).toBe(streams.length);
        for (const [i, s] of streams.entries()) {
          const events = await store.readStream(s);
          expect(events.at(-1)!.position).toBe(results[i]!.position);
        }
      });
    });

    describe('readStream', () => {
      test('returns [] for a stream that does not exist', async () => {
        expect(await store.readStream(uniqueStream('contract'))).toEqual([]);
      });

      test('returns the events in revision order, from a revision when asked', async () => {
        const stream = uniqueStream('contract');
        const batch = Array.from({ length: 5 }, (_, i) => anEvent('Numbered', { i }));
        await store.append(stream, batch, 'no_stream');
        expect((await store.readStream(stream)).map((e) => e.id)).toEqual(batch.map((e) => e.id));
        const tail = await store.readStream(stream, { fromRevision: 3n });
        expect(tail.map((e) => e.data['i'])).toEqual([3, 4]);
        expect(await store.readStream(stream, { fromRevision: 9n })).toEqual([]);
      });

      test('keeps streams apart', async () => {
        const [a, b] = [uniqueStream('contract'), uniqueStream('contract')];
        await store.append(a, [anEvent('A')], 'no_stream');
        await store.append(b, [anEvent('B'), anEvent('B')], 'no_stream');
        expect((await store.readStream(a)).map((e) => e.type)).toEqual(['A']);
        expect((await store.readStream(b)).map((e) => e.type)).toEqual(['B', 'B']);
      });
    });

    describe('readAll and headPosition', () => {
      test('reads the global log in append order, strictly after `after`', async () => {
        const head = await store.headPosition();
        const [a, b] = [uniqueStream('contract'), uniqueStream('contract')];
        await store.append(a, [anEvent('A0')], 'no_stream');
        await store.append(b, [anEvent('B0'), anEvent('B1')], 'no_stream');
        await store.append(a, [anEvent('A1')], 0n);

        const ours = ofStreams(await store.readAll({ after: head }), a, b);
        expect(ours.map((e) => e.type)).toEqual(['A0', 'B0', 'B1', 'A1']);
        for (let i = 1; i < ours.length; i++) expect(ours[i]!.position).toBeGreaterThan(ours[i - 1]!.position);

        const afterSecond = ofStreams(await store.readAll({ after: ours[1]!.position }), a, b);
        expect(afterSecond.map((e) => e.type)).toEqual(['B1', 'A1']);
        expect(ofStreams(await store.readAll({ after: ours[3]!.position }), a, b)).toEqual([]);
      });

      test('honours limit and pages through the log without gaps or repeats', async () => {
        const head = await store.headPosition();
        const stream = uniqueStream('contract');
        await store.append(stream, Array.from({ length: 5 }, (_, i) => anEvent('Paged', { i })), 'no_stream');

        const page = await store.readAll({ after: head, limit: 2 });
        expect(page).toHaveLength(2);
        let after: LogPosition = head;
        const seen: RecordedEvent[] = [];
        for (let guard = 0; guard < 1000 && seen.length < 5; guard++) {
          const next = await store.readAll({ after, limit: 2 });
          if (next.length === 0) break;
          expect(next.length).toBeLessThanOrEqual(2);
          seen.push(...ofStreams(next, stream));
          after = next.at(-1)!.position;
        }
        expect(seen.map((e) => e.data['i'])).toEqual([0, 1, 2, 3, 4]);
      });

      test('from START reads the first events of the log in order', async () => {
        const stream = uniqueStream('contract');
        await store.append(stream, [anEvent(), anEvent()], 'no_stream');
        const page = await store.readAll({ after: START, limit: 3 });
        expect(page.length).toBeGreaterThan(0);
        for (let i = 1; i < page.length; i++) expect(page[i]!.position).toBeGreaterThan(page[i - 1]!.position);
      });

      test('rejects a negative limit or revision', async () => {
        await expect(store.readAll({ limit: -1 })).rejects.toThrow(TypeError);
        await expect(store.readStream(uniqueStream('contract'), { fromRevision: -1n })).rejects.toThrow(TypeError);
      });

      test('headPosition follows appends', async () => {
        const stream = uniqueStream('contract');
        const { position } = await store.append(stream, [anEvent(), anEvent()], 'no_stream');
        const head = await store.headPosition();
        expect(head).not.toBe(START);
        expect(head as bigint).toBeGreaterThanOrEqual(position);
      });
    });

    describe('subscribe', () => {
      test('catches up from a checkpoint, reports caught-up, then receives live appends in order', async () => {
        const head = await store.headPosition();
        const stream = uniqueStream('contract');
        await store.append(stream, [anEvent('Old0'), anEvent('Old1')], 'no_stream');

        const received: RecordedEvent[] = [];
        const caughtUp: LogPosition[] = [];
        subscriptions.push(
          store.subscribe({
            after: head,
            onEvent: (e) => {
              if (e.stream === stream) received.push(e);
            },
            onCaughtUp: (p) => caughtUp.push(p),
          }),
        );
        await eventually(() => caughtUp.length > 0, 'onCaughtUp');
        expect(received.map((e) => e.type)).toEqual(['Old0', 'Old1']);
        expect(caughtUp[0]).not.toBe(START);
        expect(caughtUp[0] as bigint).toBeGreaterThanOrEqual(received[1]!.position);

        await store.append(stream, [anEvent('Live0')], 1n);
        await store.append(stream, [anEvent('Live1'), anEvent('Live2')], 2n);
        await eventually(() => received.length === 5, 'live events');
        expect(received.map((e) => e.type)).toEqual(['Old0', 'Old1', 'Live0', 'Live1', 'Live2']);
        expect(received.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
      });

      test('excludes the events at and before its checkpoint', async () => {
        const stream = uniqueStream('contract');
        await store.append(stream, [anEvent('Before0'), anEvent('Before1')], 'no_stream');
        const checkpoint = (await store.readStream(stream))[1]!.position;
        await store.append(stream, [anEvent('After')], 1n);

        const received: string[] = [];
        subscriptions.push(
          store.subscribe({ after: checkpoint, onEvent: (e) => void (e.stream === stream && received.push(e.type)) }),
        );
        await eventually(() => received.length >= 1, 'the event after the checkpoint');
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(received).toEqual(['After']);
      });

      test('delivers one event at a time, waiting for the handler', async () => {
        const head = await store.headPosition();
        const stream = uniqueStream('contract');
        await store.append(stream, Array.from({ length: 4 }, () => anEvent()), 'no_stream');
        let inFlight = 0;
        let maxInFlight = 0;
        const handled: bigint[] = [];
        subscriptions.push(
          store.subscribe({
            after: head,
            onEvent: async (e) => {
              if (e.stream !== stream) return;
              inFlight++;
              maxInFlight = Math.max(maxInFlight, inFlight);
              await new Promise((resolve) => setTimeout(resolve, 5));
              handled.push(e.revision);
              inFlight--;
            },
          }),
        );
        await eventually(() => handled.length === 4, 'four handled events');
        expect(maxInFlight).toBe(1);
        expect(handled).toEqual([0n, 1n, 2n, 3n]);
      });

      test('a failing handler stops the subscription and reaches onError', async () => {
        const head = await store.headPosition();
        const stream = uniqueStream('contract');
        await store.append(stream, [anEvent('Poison'), anEvent('Next')], 'no_stream');
        const errors: unknown[] = [];
        const seen: string[] = [];
        subscriptions.push(
          store.subscribe({
            after: head,
            onEvent: (e) => {
              if (e.stream !== stream) return;
              seen.push(e.type);
              throw new Error('projection bug');
            },
            onError: (error) => errors.push(error),
          }),
        );
        await eventually(() => errors.length === 1, 'onError');
        expect((errors[0] as Error).message).toBe('projection bug');
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(seen).toEqual(['Poison']);
      });

      test('stop() stops delivery', async () => {
        const head = await store.headPosition();
        const stream = uniqueStream('contract');
        const received: string[] = [];
        const caughtUp: LogPosition[] = [];
        const subscription = store.subscribe({
          after: head,
          onEvent: (e) => void (e.stream === stream && received.push(e.type)),
          onCaughtUp: (p) => caughtUp.push(p),
        });
        subscriptions.push(subscription);
        await eventually(() => caughtUp.length > 0, 'onCaughtUp');
        await store.append(stream, [anEvent('Seen')], 'no_stream');
        await eventually(() => received.length === 1, 'the first live event');

        await subscription.stop();
        await store.append(stream, [anEvent('Unseen')], 0n);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(received).toEqual(['Seen']);
      });
    });
  });
}
