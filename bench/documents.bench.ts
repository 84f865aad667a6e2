/**
 * Documents benchmark: render time of the instrument text of a 100-article treaty, and of the status report
 * (the depositary table) of a treaty with 40 parties, from logs built through the real decider. Prints mean,
 * p50 and p99 per format over many renders (after a warm-up), with the templates loaded from the built dist.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/documents.bench.js
 *   BENCH_RENDERS=2000 (default) renders per measurement
 */
import { DocumentRenderer, instrumentRecord, type DocumentRequest } from '#libs/documents';
import type { InstrumentText } from '#libs/lifecycle';
import { LogBuilder } from '../libs/documents/src/fixtures/log-builder.fixture.js';

const RENDERS = Number(process.env.BENCH_RENDERS ?? 2000);
const WARM_UP = Math.min(200, RENDERS);
const FORMATS = ['html', 'md', 'txt'] as const;

const day = (n: number) => new Date(Date.UTC(2019, 4, 22) + n * 86_400_000).toISOString().slice(0, 10);

const treatyText = (articles: number): InstrumentText => ({
  preamble: 'The Parties to this Agreement,\nDesiring to strengthen cooperation between their customs administrations,\nHave agreed as follows:',
  articles: Array.from({ length: articles }, (_, i) => ({
    number: String(i + 1),
    heading: `Provision ${i + 1}`,
    body: [
      `1. Each Party shall, in accordance with its national law, take the measures necessary to give effect to this Article within ${i + 2} months.`,
      '2. The Parties shall exchange information relevant to the prevention, investigation and repression of customs offences.',
      '3. Nothing in this Article shall oblige a Party to provide information protected by professional or banking secrecy.',
    ].join('\n'),
  })),
});

/** A treaty with `parties` eligible parties, all signing, two thirds consenting, some with reservations. */
const buildTreaty = (id: string, articles: number, parties: number) => {
  const log = new LogBuilder();
  const eligible = Array.from({ length: parties }, (_, i) => ({ code: `P${String(i).padStart(2, '0')}`, name: `Party number ${i + 1}`, kind: 'state' as const }));
  log.instrument(id, '2016-10-03', {
    type: 'CreateInstrument',
    data: {
      instrumentId: id, kind: 'treaty', title: 'Agreement on Mutual Administrative Assistance in Customs Matters', parent: null, languages: ['en'],
      depositary: 'CCLEC', eligibleParties: eligible, entryIntoForce: { type: 'instruments', count: 30, timing: { kind: 'days-after', days: 30 } }, text: treatyText(articles),
    },
  });
  log.instrument(id, '2016-11-14', { type: 'RequestReview', data: { reviewers: ['legal'], note: null } });
  log.instrument(id, '2016-11-28', { type: 'DecideReview', data: { decision: 'approve', comment: null } });
  log.instrument(id, '2019-05-22', { type: 'AdoptText', data: { adoptedOn: '2019-05-22', place: 'Havana', method: 'consensus', votes: null } });
  log.instrument(id, '2019-05-22', { type: 'OpenForSignature', data: { opensOn: '2019-05-22', closesOn: null, place: 'Havana' } });
  eligible.forEach((p, i) => {
    log.instrument(id, day(i), { type: 'SignInstrument', data: { party: p.code, signedOn: day(i), signatory: { name: `Signatory ${i}`, title: 'Minister' }, definitive: false, place: 'Havana' } });
  });
  eligible.forEach((p, i) => {
    if (i % 3 === 2) return;
    const on = day(100 + i * 20);
    log.instrument(id, on, { type: 'DepositConsent', data: { party: p.code, kind: i % 4 === 0 ? 'acceptance' : 'ratification', depositedOn: on, domesticActOn: null } });
    if (i % 5 === 0) log.instrument(id, on, { type: 'MakeReservation', data: { party: p.code, kind: 'declaration', text: 'This Party declares that Article 3 applies only to its metropolitan territory.', madeOn: on, madeAt: 'deposit' } });
  });
  return instrumentRecord(log.stream(id));
};

const measure = (renderer: DocumentRenderer, request: DocumentRequest) => {
  let size = 0;
  for (let i = 0; i < WARM_UP; i++) size = renderer.render(request).body.length;
  const times: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    const start = process.hrtime.bigint();
    renderer.render(request);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { mean, p50: at(0.5), p99: at(0.99), size };
};

const loadStart = process.hrtime.bigint();
const renderer = new DocumentRenderer();
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;

const text100 = buildTreaty('00000000-0000-4000-8000-00000000b100', 100, 10);
const status40 = buildTreaty('00000000-0000-4000-8000-00000000b040', 5, 40);
const asOf = day(1000);

console.log(`Documents benchmark — ${RENDERS} renders each after ${WARM_UP} warm-up; templates from ${renderer.engine.templatesDir} (loaded and compiled in ${loadMs.toFixed(1)} ms)`);
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.log('document                         format   mean ms    p50 ms    p99 ms    bytes');
const row = (name: string, format: string, r: ReturnType<typeof measure>) =>
  console.log(`${name.padEnd(32)} ${format.padEnd(6)} ${r.mean.toFixed(3).padStart(9)} ${r.p50.toFixed(3).padStart(9)} ${r.p99.toFixed(3).padStart(9)} ${String(r.size).padStart(8)}`);
for (const format of FORMATS) row('text, 100 articles', format, measure(renderer, { type: 'text', record: text100, format }));
for (const format of FORMATS) row('status report, 40 parties', format, measure(renderer, { type: 'status-report', record: status40, asOf, format }));
for (const format of FORMATS) row('status report, 40 parties, fr', format, measure(renderer, { type: 'status-report', record: status40, asOf, format, lang: 'fr' }));
