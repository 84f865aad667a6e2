import { SqliteEventStore } from '#libs/event-store/adapters';
import { EmbeddedReadModelStore } from '../embedded/embedded-read-model-store.js';
import { INSTRUMENT_STATUS, type InstrumentStatusDoc } from '../projections/instrument-status/instrument-status.projection.js';
import { presentStatus } from '../projections/instrument-status/instrument-status.view.js';
import { PARTICIPATION, type ParticipationDoc } from '../projections/participation/participation.projection.js';
import { ReadModelQueries } from '../read-model-queries.js';
import { prng, randomHistory } from '../testing/random-history.js';
import { answersAsOf, answersFor, answerTextsAsOf, INSTRUMENT_ANSWERS, type InstrumentAnswersDoc } from './instrument-answers.js';
import { Projector } from './projector.js';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('stored answers of the status and participants routes', () => {
  it.each([5, 17])('hold on every day of their window, and equal the views computed for that day (random history %i)', async (seed) => {
    const events = new SqliteEventStore({ file: ':memory:' });
    const store = new EmbeddedReadModelStore();
    try {
      const history = await randomHistory(events, seed, 160);
      await new Projector({ eventStore: events, store }).start();
      const random = prng(seed);
      let windows = 0;
      let bounded = 0;
      for (const id of history.instrumentIds) {
        const doc = (await store.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS).findOne({ _id: id }))!;
        const rows = await store.collection<ParticipationDoc>(PARTICIPATION).find({ instrumentId: id });
        for (let i = 0; i < 4; i++) {
          // answers computed on some day since 2015, then asked for on days inside and past their window
          const computedOn = day(Date.UTC(2015, 0, 1) + Math.floor(random() * (Date.now() - Date.UTC(2015, 0, 1))));
          const answers = { _id: id, ...answersFor(doc, rows, computedOn) } as InstrumentAnswersDoc;
          windows += 1;
          const end = answers.validUntil ? Date.parse(answers.validUntil) : Date.parse(computedOn) + 4000 * 86_400_000;
          if (answers.validUntil) bounded += 1;
          const inside = [computedOn, day(end - 86_400_000), day(Date.parse(computedOn) + Math.floor(random() * (end - Date.parse(computedOn))))];
          for (const asOf of inside) {
            const fresh = answersFor(doc, rows, asOf);
            // The stored text, re-dated, is the text computed that day (so the bytes sent are the same).
            expect(answerTextsAsOf(answers, asOf)).toEqual({ status: fresh.status, participants: fresh.participants });
            expect(answersAsOf(answers, asOf)!.status).toEqual(presentStatus(doc, asOf));
          }
          if (answers.validUntil) expect(answersAsOf(answers, answers.validUntil)).toBeNull(); // a known date passed: compute again
          expect(answersAsOf(answers, day(Date.parse(computedOn) - 86_400_000))).toBeNull();
        }
      }
      expect(windows).toBeGreaterThan(10);
      expect(bounded).toBeGreaterThan(0);
    } finally {
      await store.close();
      await events.close();
    }
  });

  it('are what the routes answer for today, and the routes compute once they no longer hold', async () => {
    const events = new SqliteEventStore({ file: ':memory:' });
    const store = new EmbeddedReadModelStore();
    try {
      const history = await randomHistory(events, 3, 120);
      await new Projector({ eventStore: events, store, today: () => '2016-01-01' }).start();
      for (const id of history.instrumentIds) {
        const stored = (await store.collection<InstrumentAnswersDoc>(INSTRUMENT_ANSWERS).findOne({ _id: id }))!;
        expect(stored.asOf).toBe('2016-01-01');
        const doc = (await store.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS).findOne({ _id: id }))!;
        // a day the stored answers do not cover: the route computes from the document
        const later = stored.validUntil ?? '2030-01-01';
        expect(await new ReadModelQueries(store, () => later).status(id)).toEqual(presentStatus(doc, later));
        expect(await new ReadModelQueries(store, () => '2016-01-01').status(id)).toEqual(JSON.parse(stored.status));
        expect((await new ReadModelQueries(store, () => '2016-01-01').storedTexts(id))?.status).toBe(stored.status);
        expect(await new ReadModelQueries(store, () => later).storedTexts(id)).toBeNull();
      }
    } finally {
      await store.close();
      await events.close();
    }
  });
});
