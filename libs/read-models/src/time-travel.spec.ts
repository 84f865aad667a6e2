import { partyStatus } from '#libs/entry-into-force';
import { type EventStore } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { assessInstrument, instrumentStageAsOf, instrumentStream, type Instrument } from '#libs/lifecycle';
import { EmbeddedReadModelStore } from './embedded/embedded-read-model-store.js';
import { INSTRUMENT_STATUS, type InstrumentStatusDoc } from './projections/instrument-status/instrument-status.projection.js';
import { presentStatus } from './projections/instrument-status/instrument-status.view.js';
import { Projector } from './projector/projector.js';
import { ReadModelQueries } from './read-model-queries.js';
import { rebuildReadModels } from './rebuild.js';
import { appendAll, snapshot } from './testing/event-log.js';
import { prng, randomHistory } from './testing/random-history.js';
import { TREATY, treatyStory } from './testing/story.js';
import { foldInstrument, instrumentAsOf, todayUtc } from './time-travel.js';

describe('time travel', () => {
  const seen = { histories: 0, entryIntoForce: new Set<string>(), partyDates: 0, terms: 0, objectionWindows: 0, objections: 0, provisional: 0, territories: 0 };
  let events: EventStore;
  beforeEach(() => {
    events = new SqliteEventStore({ file: ':memory:', pollIntervalMs: 20 });
  });
  afterEach(() => events.close());

  it('gives the status as at a legal date: earlier acts only, the stage of that date', async () => {
    await appendAll(events, treatyStory().log.events);
    const now = await instrumentAsOf(events, TREATY);
    const before = await instrumentAsOf(events, TREATY, { asOf: '2017-01-01' });
    expect(now!.status).toMatchObject({ stage: 'open-for-signature', signatures: { total: 2 }, consents: { total: 1 }, adoption: { adoptedOn: '2017-05-10' } });
    expect(before!.status).toMatchObject({ asOf: '2017-01-01', stage: 'approved', signatures: { total: 0 }, consents: { total: 0 }, adoption: null, opening: null });
    expect(before!.participants.map((p) => p.status)).toEqual(['eligible', 'eligible', 'eligible']);
    expect(now!.participants.find((p) => p.party === 'CUB')).toMatchObject({ status: 'bound', consent: { kind: 'ratification', depositedOn: '2019-11-01' } });
  });

  it('gives what was known at a moment: a correction recorded later is not seen', async () => {
    const { log, ids } = treatyStory();
    await appendAll(events, log.events);
    const correction = log.events.find((e) => e.id === ids.jamCorrected)!;
    const justBefore = new Date(Date.parse(correction.metadata.recordedAt as string) - 1).toISOString();
    const jam = async (knownAt?: string) =>
      (await instrumentAsOf(events, TREATY, { asOf: '2019-05-22', ...(knownAt ? { knownAt } : {}) }))!.participants.find((p) => p.party === 'JAM')!;
    // recorded as signed on the 23rd; corrected (later) to the 22nd
    expect((await jam(justBefore)).signature).toBeNull();
    expect((await jam()).signature).toMatchObject({ signedOn: '2019-05-22' });
    const asKnown = await instrumentAsOf(events, TREATY, { knownAt: justBefore });
    expect(asKnown!.participants.find((p) => p.party === 'JAM')!.signature?.signedOn).toBe('2019-05-23');
    expect(asKnown!.eventsKnown).toBe(log.events.filter((e) => e.stream.startsWith('instrument-')).length - 1);
    // before the instrument was recorded at all, it does not exist
    expect(await instrumentAsOf(events, TREATY, { knownAt: '2000-01-01T00:00:00Z' })).toBeNull();
  });

  it.each([11, 23, 47])('on a random history (seed %i): live read models = full rebuild = time-travel fold at now', async (seed) => {
    const live = new EmbeddedReadModelStore();
    const projector = new Projector({ eventStore: events, store: live });
    await projector.start(); // follows the appends as they happen, as in the API
    try {
      const history = await randomHistory(events, seed, 220);
      expect(history.accepted).toBeGreaterThan(60);
      const head = await events.headPosition();
      expect(await projector.waitFor(head as bigint, 5_000)).toBe(true);

      const rebuilt = new EmbeddedReadModelStore();
      await rebuildReadModels({ eventStore: events, store: rebuilt });
      expect(await snapshot(rebuilt)).toEqual(await snapshot(live));

      const today = todayUtc();
      const now = new Date().toISOString();
      const liveQueries = new ReadModelQueries(live);
      const random = prng(seed);
      seen.histories += 1;
      for (const id of history.instrumentIds) {
        const folded = await instrumentAsOf(events, id, { asOf: today, knownAt: now });
        expect(folded).not.toBeNull();
        const status = await liveQueries.status(id, today);
        const participants = await liveQueries.participants(id, today);
        expect(status).toEqual(folded!.status);
        expect(participants).toEqual(folded!.participants);
        expect(await new ReadModelQueries(rebuilt).status(id, today)).toEqual(folded!.status);
        // the entry-into-force answer is the write side's own (what GET /api/instruments/:id computes)
        const state = foldInstrument(await events.readStream(instrumentStream(id))) as Instrument;
        const assessment = assessInstrument(state, { asOf: today });
        expect(status!.stage).toBe(instrumentStageAsOf(state, today, assessment));
        expect(status!.entryIntoForce).toMatchObject({
          status: assessment.entryIntoForce.status,
          date: assessment.entryIntoForce.date,
          triggeredBy: assessment.entryIntoForce.triggeredBy,
          instrumentsRequired: assessment.entryIntoForce.instrumentsRequired,
          instrumentsDeposited: assessment.entryIntoForce.instrumentsDeposited,
          stillRequired: assessment.entryIntoForce.stillRequired,
          awaiting: assessment.entryIntoForce.awaiting,
        });
        expect(status!.term?.ceasesOn ?? null).toBe(assessment.term?.ceasesOn ?? null);
        for (const p of participants!) {
          const party = assessment.entryIntoForce.parties.find((a) => a.code === p.party)!;
          expect([p.entryIntoForceOn, p.withdrawalEffectiveOn, p.partyStatus]).toEqual([party.entryIntoForceOn, party.withdrawalEffectiveOn, partyStatus(party, today)]);
        }
        seen.entryIntoForce.add(status!.entryIntoForce.status);
        seen.partyDates += participants!.filter((p) => p.entryIntoForceOn || p.withdrawalEffectiveOn).length;
        seen.terms += status!.term ? 1 : 0;
        seen.objectionWindows += participants!.flatMap((p) => p.reservations).filter((r) => r.objectionWindowEndsOn).length;
        seen.objections += participants!.flatMap((p) => p.reservations).flatMap((r) => r.objections).length;
        seen.provisional += participants!.filter((p) => p.provisionalApplication).length;
        seen.territories += participants!.flatMap((p) => p.territories).length;
        // and as at past dates, the live document and the fold agree too
        const doc = await live.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS).findOne({ _id: id });
        for (let i = 0; i < 5; i++) {
          const asOf = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * (Date.now() - Date.UTC(2015, 0, 1)))).toISOString().slice(0, 10);
          const past = (await instrumentAsOf(events, id, { asOf }))!;
          expect(presentStatus(doc!, asOf)).toEqual(past.status);
          expect(await liveQueries.participants(id, asOf)).toEqual(past.participants);
          // before its date an instrument is not (yet) in force, in the status and for every party
          const date = status!.entryIntoForce.date;
          if (date && asOf < date) {
            expect(past.status.entryIntoForce.status).not.toBe('in-force');
            expect(past.participants.filter((p) => p.partyStatus === 'in-force')).toEqual([]);
          }
        }
      }
    } finally {
      await projector.stop();
    }
  });

  // Runs after the three histories (tests in a file run in order): what they compared was not all empty.
  it('the random histories reach entry into force, per-party dates, MOU terms and objection windows', () => {
    expect(seen.histories).toBe(3);
    expect([...seen.entryIntoForce]).toEqual(expect.arrayContaining(['in-force', 'not-in-force']));
    expect(seen.partyDates).toBeGreaterThan(0);
    expect(seen.terms).toBeGreaterThan(0);
    expect(seen.objectionWindows).toBeGreaterThan(0);
    // the random histories reach the acts of depositary practice too
    expect(seen.objections).toBeGreaterThan(0);
    expect(seen.provisional).toBeGreaterThan(0);
    expect(seen.territories).toBeGreaterThan(0);
  });
});

describe('time travel before the record begins', () => {
  it('says the instrument was not yet recorded, rather than showing it in drafting', async () => {
    const { SqliteEventStore } = await import('#libs/event-store/adapters');
    const { handleCommand } = await import('#libs/event-store');
    const { instrumentDecider, instrumentStream, legalDateOf, DomainError } = await import('#libs/lifecycle');
    const store = new SqliteEventStore({ file: ':memory:' });
    try {
      const id = '5a1c3e9e-0000-4000-8000-000000000099';
      await handleCommand({
        store,
        decider: instrumentDecider,
        stream: instrumentStream(id),
        legalDateOf,
        context: { actor: 'test', now: '2021-06-01T10:00:00.000Z', today: '2021-06-01', correlationId: 'c', commandId: 'd' },
        command: {
          type: 'CreateInstrument',
          data: {
            instrumentId: id, kind: 'treaty', title: 'A treaty', parent: null, languages: [], depositary: null,
            eligibleParties: [{ code: 'JAM', name: 'Jamaica', kind: 'state' }], entryIntoForce: null,
            text: { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Object', body: 'x' }] }, preparedOn: '2016-10-03',
          },
        },
      });
      expect((await instrumentAsOf(store, id, { asOf: '2016-10-03' }))?.status.stage).toBe('drafting');
      const before = instrumentAsOf(store, id, { asOf: '2016-10-02' });
      await expect(before).rejects.toBeInstanceOf(DomainError);
      await expect(before).rejects.toMatchObject({ code: 'INSTRUMENT_NOT_YET_RECORDED', kind: 'not-found' });
    } finally {
      await store.close();
    }
  });
});
