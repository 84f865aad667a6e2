import { LogBuilder } from '../fixtures/log-builder.fixture.js';
import { DocumentRenderer, instrumentRecord } from '../index.js';

const renderer = new DocumentRenderer({ organisation: { name: 'Caribbean Customs Law Enforcement Council', acronym: 'CCLEC' } });
type Lang = 'en' | 'fr' | 'es' | 'nl';

describe('why this date, for a withdrawal, in the status report', () => {
  const id = '00000000-0000-4000-8000-0000000000f3';
  const log = new LogBuilder();
  log.instrument(id, '2019-01-04', {
    type: 'CreateInstrument',
    data: {
      instrumentId: id,
      kind: 'treaty',
      title: 'Agreement on Customs Cooperation',
      parent: null,
      languages: ['en'],
      depositary: 'CCLEC',
      eligibleParties: [
        { code: 'CUB', name: 'Cuba', kind: 'state' },
        { code: 'LCA', name: 'Saint Lucia', kind: 'state' },
      ],
      entryIntoForce: { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } },
      withdrawal: { notice: 'first-day-of-month-after-months', period: 6 },
      text: { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Scope', body: 'The Parties shall cooperate.' }] },
    },
  });
  log.instrument(id, '2019-01-05', { type: 'RequestReview', data: { reviewers: ['legal-officer'], note: null } });
  log.instrument(id, '2019-01-06', { type: 'DecideReview', data: { decision: 'approve', comment: null } });
  log.instrument(id, '2019-05-22', { type: 'AdoptText', data: { adoptedOn: '2019-05-22', place: 'Havana', method: 'consensus', votes: null } });
  log.instrument(id, '2019-05-22', { type: 'OpenForSignature', data: { opensOn: '2019-05-22', closesOn: null, place: 'Havana' } });
  log.instrument(id, '2019-11-01', { type: 'DepositConsent', data: { party: 'CUB', kind: 'accession', depositedOn: '2019-11-01', domesticActOn: null } });
  log.instrument(id, '2019-11-15', { type: 'DepositConsent', data: { party: 'LCA', kind: 'accession', depositedOn: '2019-11-15', domesticActOn: null } });
  log.instrument(id, '2022-03-10', { type: 'NotifyWithdrawal', data: { party: 'LCA', notifiedOn: '2022-03-10', effectiveOn: null } });
  const record = instrumentRecord(log.stream(id));
  const status = (lang: Lang, asOf = '2022-06-01') => renderer.render({ type: 'status-report', record, asOf, lang, format: 'txt' }).body;

  it('gives the notice, the notice period and the first day of the month, in each language', () => {
    // 10 March 2022 + 6 months = 10 September 2022; the first day of the following month: 1 October 2022
    expect(status('en')).toContain(
      'Saint Lucia: notice of withdrawal given on 10 March 2022, effective on 1 October 2022. Why this date: notice of withdrawal by Saint Lucia on 10 March 2022 + 6 months = 10 September 2022; the first day of the following month = 1 October 2022.',
    );
    expect(status('fr')).toContain('Pourquoi cette date : notification de retrait par Sainte-Lucie le 10 mars 2022 + 6 mois = 10 septembre 2022 ; premier jour du mois suivant = 1er octobre 2022.');
    expect(status('es')).toContain('Por qué esta fecha: notificación de retiro por Santa Lucía el 10 de marzo de 2022 + 6 meses');
    expect(status('nl')).toContain('Waarom deze datum: kennisgeving van opzegging door');
  });

  it('given a date before the notice, then there is nothing to explain', () => {
    expect(status('en', '2021-01-01')).not.toContain('notice of withdrawal');
  });
});

describe('why this date, for an MOU term, in the status report', () => {
  const id = '00000000-0000-4000-8000-0000000000f4';
  const build = (notice: boolean) => {
    const log = new LogBuilder();
    log.instrument(id, '2016-11-09', {
      type: 'CreateInstrument',
      data: {
        instrumentId: id,
        kind: 'mou',
        title: 'Memorandum of Understanding on Postal Customs',
        parent: null,
        languages: ['en'],
        depositary: 'CCLEC',
        eligibleParties: [
          { code: 'CCLEC', name: 'Caribbean Customs Law Enforcement Council', kind: 'organisation' },
          { code: 'CPU', name: 'Caribbean Postal Union', kind: 'organisation' },
        ],
        entryIntoForce: null,
        term: { termYears: 2, autoRenew: true, renewalMonths: 12, maxRenewals: 3, terminationNoticeMonths: 3 },
        text: { preamble: 'The Participants,', articles: [{ number: '1', heading: 'Scope', body: 'The Participants shall cooperate.' }] },
      },
    });
    log.instrument(id, '2017-03-01', { type: 'RequestReview', data: { reviewers: ['legal-officer'], note: null } });
    log.instrument(id, '2017-03-06', { type: 'DecideReview', data: { decision: 'approve', comment: null } });
    log.instrument(id, '2017-05-23', { type: 'OpenForSignature', data: { opensOn: '2017-05-23', closesOn: null, place: 'Miami' } });
    for (const party of ['CCLEC', 'CPU']) {
      log.instrument(id, '2017-05-24', { type: 'SignInstrument', data: { party, signedOn: '2017-05-24', signatory: { name: 'A', title: 'Head' }, definitive: true, place: 'Miami' } });
    }
    if (notice) log.instrument(id, '2020-02-10', { type: 'NotifyTermination', data: { party: 'CPU', notifiedOn: '2020-02-10', effectiveOn: null } });
    return instrumentRecord(log.stream(id));
  };
  const status = (record: ReturnType<typeof build>, lang: Lang, asOf: string) => renderer.render({ type: 'status-report', record, asOf, lang, format: 'txt' }).body;

  it('gives the next renewal and the end of the term, counted from the coming into effect', () => {
    const text = status(build(false), 'en', '2019-06-01');
    expect(text).toContain('Next renewal: 24 May 2020. Why this date: coming into effect on 24 May 2017 + 24 months = 24 May 2019 + 1 renewal of 12 months = 24 May 2020.');
    expect(text).toContain('End of the term: 24 May 2022. Why this date: coming into effect on 24 May 2017 + 24 months = 24 May 2019 + 3 renewals of 12 months = 24 May 2022.');
    expect(status(build(false), 'fr', '2019-06-01')).toContain('Prochain renouvellement : 24 mai 2020. Pourquoi cette date : prise d\'effet le 24 mai 2017 + 24 mois = 24 mai 2019 + 1 renouvellement de 12 mois = 24 mai 2020.');
  });

  it('gives the notice of termination and its period', () => {
    const text = status(build(true), 'en', '2020-03-01');
    expect(text).toContain('Termination after notice takes effect: 10 May 2020. Why this date: notice of termination by Caribbean Postal Union on 10 February 2020 + 3 months = 10 May 2020.');
    expect(text).not.toContain('End of the term');
    expect(status(build(true), 'nl', '2020-03-01')).toContain('Beëindiging na kennisgeving van kracht: 10 mei 2020.');
  });
});
