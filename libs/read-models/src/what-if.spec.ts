/**
 * What if = what is then recorded: on random histories, hypothetical acts projected on an instrument give the
 * same status, entry into force and per-party dates as the same acts recorded through the command handler.
 */
import { randomUUID } from 'node:crypto';
import { handleCommand, type EventStore } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { DomainError, hypotheticalCommand, instrumentDecider, instrumentStream, legalDateOf, type CommandContext, type HypotheticalAct, type Instrument } from '#libs/lifecycle';
import { appendAll } from './testing/event-log.js';
import { prng, randomHistory } from './testing/random-history.js';
import { TREATY, treatyStory } from './testing/story.js';
import { foldInstrument, instrumentAsOfEvents, todayUtc, type InstrumentAsOf } from './time-travel.js';
import { whatIf } from './what-if.js';

const DAY = 86_400_000;

/** What must agree: everything but ids and recording times. */
const comparable = (answer: InstrumentAsOf) => ({
  stage: answer.status.stage,
  entryIntoForce: answer.status.entryIntoForce,
  counts: [answer.status.signatures, answer.status.consents, answer.status.withdrawals, answer.status.internalProceduresNotified],
  participants: answer.participants.map((p) => ({
    party: p.party,
    status: p.status,
    partyStatus: p.partyStatus,
    boundOn: p.boundOn,
    entryIntoForceOn: p.entryIntoForceOn,
    explanation: p.entryIntoForceExplanation,
    withdrawalEffectiveOn: p.withdrawalEffectiveOn,
    signedOn: p.signature?.signedOn ?? null,
    consent: p.consent?.kind ?? null,
  })),
});

describe('what if', () => {
  const seen = { histories: 0, dates: 0 };
  let store: EventStore;
  beforeEach(() => {
    store = new SqliteEventStore({ file: ':memory:', pollIntervalMs: 20 });
  });
  afterEach(() => store.close());

  it.each([5, 17, 29])('on a random history (seed %i), recording the projected acts gives the projected answer', async (seed) => {
    const history = await randomHistory(store, seed, 160);
    const random = prng(seed * 7 + 1);
    const today = todayUtc();
    const context = (): CommandContext => ({ actor: 'what-if', now: new Date().toISOString(), today, correlationId: randomUUID(), commandId: randomUUID() });
    let compared = 0;
    for (const id of history.instrumentIds) {
      const state = foldInstrument(await store.readStream(instrumentStream(id)));
      if (state.stage === 'none' || !(state as Instrument).signatureOpening) continue;
      const instrument = state as Instrument;
      const opensOn = Date.parse(instrument.signatureOpening!.opensOn);
      const span = Math.max(1, Math.floor((Date.parse(today) - opensOn) / DAY));
      // Acts in the past, so that they can be recorded afterwards; some will be refused, and that is compared too.
      const acts: HypotheticalAct[] = Array.from({ length: 6 }, (): HypotheticalAct => {
        const party = instrument.eligibleParties[Math.floor(random() * instrument.eligibleParties.length)]!;
        const date = new Date(opensOn + Math.floor(random() * span) * DAY).toISOString().slice(0, 10);
        const roll = random();
        if (roll < 0.3) return { party: party.code, act: 'signature', date };
        if (roll < 0.4) return { party: party.code, act: 'definitive-signature', date };
        if (roll < 0.8) return { party: party.code, act: 'consent', date, kind: party.kind === 'organisation' ? 'formal-confirmation' : instrument.participants[party.code]?.signature ? 'ratification' : 'accession' };
        if (roll < 0.9) return { party: party.code, act: 'internal-procedures', date };
        return { party: party.code, act: 'withdrawal', date };
      }).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

      // Only the acts the domain accepts, in order: each projected on the acts before it.
      const accepted: HypotheticalAct[] = [];
      for (const act of acts) {
        try {
          whatIf(await store.readStream(instrumentStream(id)), [...accepted, act], context());
          accepted.push(act);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      if (accepted.length === 0) continue;
      const before = await store.headPosition();
      const projected = whatIf(await store.readStream(instrumentStream(id)), accepted, context(), today);
      expect(await store.headPosition()).toBe(before); // the projection recorded nothing

      for (const act of accepted) {
        await handleCommand({ store, decider: instrumentDecider, stream: instrumentStream(id), command: hypotheticalCommand(act), context: context(), legalDateOf });
      }
      const recorded = instrumentAsOfEvents(await store.readStream(instrumentStream(id)), { asOf: today })!;
      expect(comparable(projected)).toEqual(comparable(recorded));
      compared += 1;
      seen.dates += recorded.participants.filter((p) => p.entryIntoForceOn).length + (recorded.status.entryIntoForce.date ? 1 : 0);
    }
    expect(compared).toBeGreaterThan(0);
    seen.histories += 1;
  });

  afterAll(() => {
    // across the seeds, projections that gave dates of entry into force were compared, not only empty ones
    expect(seen.histories).toBe(3);
    expect(seen.dates).toBeGreaterThan(0);
  });

  it('refuses an act the law of treaties does not allow, naming it; an act dated ahead is decided on its own date', async () => {
    // The story's treaty: Jamaica and Cuba signed, Cuba ratified; the Virgin Islands have done nothing.
    await appendAll(store, treatyStory().log.events);
    const events = await store.readStream(instrumentStream(TREATY));
    const party = 'VGB';
    const today = todayUtc();
    const context: CommandContext = { actor: 'what-if', now: new Date().toISOString(), today, correlationId: randomUUID(), commandId: randomUUID() };
    expect(() => whatIf(events, [{ party: 'NOTELIGIBLE', act: 'signature', date: today }], context)).toThrow(expect.objectContaining({ code: 'PARTY_NOT_ELIGIBLE', field: 'acts.0' }));
    expect(() => whatIf(events, [{ party, act: 'consent', kind: 'ratification', date: today }], context)).toThrow(expect.objectContaining({ code: 'SIGNATURE_REQUIRED' }));
    expect(() => whatIf(events, [{ party, act: 'consent', date: '2999-01-01' }], context)).toThrow(expect.objectContaining({ code: 'DATE_OUT_OF_RANGE', field: 'acts.0.date' }));
    const ahead = new Date(Date.parse(today) + 90 * DAY).toISOString().slice(0, 10);
    const answer = whatIf(events, [{ party, act: 'consent', kind: 'accession', date: ahead }], context);
    expect(answer.acts[0]!.events[0]).toMatchObject({ type: 'ConsentDeposited.v1', data: { party, kind: 'accession', depositedOn: ahead } });
    expect(answer.status.asOf).toBe(ahead);
    expect(answer.participants.find((p) => p.party === party)).toMatchObject({ boundOn: ahead, consent: { kind: 'accession' } });
    expect((await store.readStream(instrumentStream(TREATY))).length).toBe(events.length);
  });

  afterAll(() => {
    // across the seeds, projections that gave dates of entry into force were compared, not only empty ones
    expect(seen.histories).toBe(3);
    expect(seen.dates).toBeGreaterThan(0);
  });

});
