import { LogBuilder } from '../fixtures/log-builder.fixture.js';
import { DocumentRenderer, instrumentRecord, notifiableActs } from '../index.js';

const ID = '00000000-0000-4000-8000-0000000000f1';

/**
 * The acts of depositary practice on one convention: Saint Lucia's reservation draws Cuba's objection (which
 * opposes entry into force between the two) and, late, Jamaica's; Cuba withdraws its objection, Saint Lucia its
 * reservation; the Netherlands applies the convention provisionally, extends it to Aruba, and Jamaica notifies
 * that it will not become a party after applying it provisionally.
 */
const practice = () => {
  const log = new LogBuilder();
  log.instrument(ID, '2021-01-04', {
    type: 'CreateInstrument',
    data: {
      instrumentId: ID,
      kind: 'treaty',
      title: 'Convention on Customs Cooperation',
      parent: null,
      languages: ['en', 'fr', 'es'],
      depositary: 'CCLEC',
      eligibleParties: [
        { code: 'CUB', name: 'Cuba', kind: 'state' },
        { code: 'LCA', name: 'Saint Lucia', kind: 'state' },
        { code: 'JAM', name: 'Jamaica', kind: 'state' },
        { code: 'NLD', name: 'Netherlands', kind: 'state' },
        { code: 'ABW', name: 'Aruba', kind: 'territory' },
      ],
      entryIntoForce: { type: 'instruments', count: 3, timing: { kind: 'days-after', days: 30 } },
      text: { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Scope', body: 'The Parties shall cooperate.' }] },
    },
  });
  log.instrument(ID, '2021-01-05', { type: 'RequestReview', data: { reviewers: ['legal-officer'], note: null } });
  log.instrument(ID, '2021-01-06', { type: 'DecideReview', data: { decision: 'approve', comment: null } });
  log.instrument(ID, '2021-02-01', { type: 'AdoptText', data: { adoptedOn: '2021-02-01', place: 'Castries', method: 'consensus', votes: null } });
  log.instrument(ID, '2021-02-01', { type: 'OpenForSignature', data: { opensOn: '2021-02-01', closesOn: null, place: 'Castries' } });
  for (const party of ['LCA', 'NLD', 'JAM']) {
    log.instrument(ID, '2021-02-02', { type: 'SignInstrument', data: { party, signedOn: '2021-02-02', signatory: { name: 'A', title: 'Minister' }, definitive: false, place: null } });
  }
  const [reservation] = log.instrument(ID, '2021-02-02', { type: 'MakeReservation', data: { party: 'LCA', kind: 'reservation', text: 'Saint Lucia reserves article 1.', madeOn: '2021-02-02', madeAt: 'signature' } });
  const [objection] = log.instrument(ID, '2021-05-03', {
    type: 'ObjectToReservation',
    data: { party: 'CUB', reservationId: reservation!.id, text: 'Cuba objects to the reservation.', objectedOn: '2021-05-03', opposesEntryIntoForce: true },
  });
  const [late] = log.instrument(ID, '2022-03-01', {
    type: 'ObjectToReservation',
    data: { party: 'JAM', reservationId: reservation!.id, text: 'Jamaica objects.', objectedOn: '2022-03-01', opposesEntryIntoForce: false },
  });
  const [objectionWithdrawn] = log.instrument(ID, '2022-04-01', { type: 'WithdrawObjection', data: { party: 'CUB', objectionId: objection!.id, notifiedOn: '2022-04-01', effectiveOn: null } });
  const [reservationWithdrawn] = log.instrument(ID, '2022-05-02', { type: 'WithdrawReservation', data: { party: 'LCA', reservationId: reservation!.id, notifiedOn: '2022-05-02', effectiveOn: '2022-08-01' } });
  const [provisional] = log.instrument(ID, '2021-03-01', { type: 'NotifyProvisionalApplication', data: { party: 'NLD', notifiedOn: '2021-03-01', appliesFrom: '2021-04-01' } });
  log.instrument(ID, '2021-03-01', { type: 'NotifyProvisionalApplication', data: { party: 'JAM', notifiedOn: '2021-03-01', appliesFrom: null } });
  const [notParty] = log.instrument(ID, '2022-06-01', { type: 'NotifyIntentionNotToBecomeParty', data: { party: 'JAM', notifiedOn: '2022-06-01' } });
  const [territorial] = log.instrument(ID, '2021-03-01', {
    type: 'DeclareTerritorialApplication',
    data: { party: 'NLD', territory: { code: 'ABW', name: 'Aruba' }, extends: true, declaredOn: '2021-03-01', effectiveOn: '2021-06-01' },
  });
  const [succession] = log.instrument(ID, '2022-07-01', { type: 'DepositConsent', data: { party: 'CUB', kind: 'succession', depositedOn: '2022-07-01', domesticActOn: null, succeededOn: '2021-01-01' } });
  const ids = { reservation, objection, late, objectionWithdrawn, reservationWithdrawn, provisional, notParty, territorial, succession };
  return { record: instrumentRecord(log.stream(ID)), ids: Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v!.id])) as Record<keyof typeof ids, string> };
};

const renderer = new DocumentRenderer({ organisation: { name: 'Caribbean Customs Law Enforcement Council', acronym: 'CCLEC' } });

describe('notifications of the acts of depositary practice', () => {
  const { record, ids } = practice();
  const notification = (eventId: string, lang: 'en' | 'fr' | 'es' = 'en') => renderer.render({ type: 'notification', record, eventId, lang, format: 'txt' }).body;

  it('are numbered in the same series as the other notifications, each following the act it answers', () => {
    const acts = notifiableActs(record);
    const byId = new Map(acts.map((a) => [a.eventId, a]));
    expect(acts.map((a) => a.kind)).toEqual(
      expect.arrayContaining(['objection', 'objection-withdrawal', 'reservation-withdrawal', 'provisional-application', 'provisional-application-termination', 'territorial-application']),
    );
    // one numbering per year, in log order, whatever the kind
    const numbers2022 = acts.filter((a) => a.notifiedOn.startsWith('2022')).map((a) => a.reference);
    expect(numbers2022).toEqual(numbers2022.map((_, i) => `CCLEC/2022/${i + 1}`));
    const reservationRef = byId.get(ids.reservation)!.reference;
    expect(byId.get(ids.objection)!.follows).toEqual([reservationRef]);
    expect(byId.get(ids.reservationWithdrawn)!.follows).toEqual([reservationRef]);
    expect(byId.get(ids.objectionWithdrawn)!.follows).toEqual([byId.get(ids.objection)!.reference]);
    expect(byId.get(ids.notParty)!.follows).toEqual([acts.find((a) => a.kind === 'provisional-application' && a.party === 'JAM')!.reference]);
  });

  it('say what each act is, in English', () => {
    expect(notification(ids.objection)).toContain('CUBA: OBJECTION TO A RESERVATION');
    expect(notification(ids.objection)).toContain('Cuba opposes the entry into force of the above-mentioned Treaty between itself and Saint Lucia');
    expect(notification(ids.objection)).not.toContain('twelve months');
    expect(notification(ids.late)).toContain('The objection was received after 2 February 2022, the end of the twelve months');
    expect(notification(ids.reservationWithdrawn)).toContain('The withdrawal takes effect on 1 August 2022.');
    expect(notification(ids.objectionWithdrawn)).toContain('The withdrawal takes effect on 1 April 2022.');
    expect(notification(ids.provisional)).toContain('applies the above-mentioned Treaty provisionally from 1 April 2021');
    expect(notification(ids.notParty)).toContain('its intention not to become a party to the above-mentioned Treaty');
    expect(notification(ids.territorial)).toContain('extends to Aruba, with effect from 1 June 2021.');
    expect(notification(ids.succession)).toContain('The date of succession is 1 January 2021.');
  });

  it('show in the progress report who applies the instrument provisionally, and since when', () => {
    const progress = (asOf: string) => renderer.render({ type: 'progress-report', records: [record], asOf, format: 'md' }).body;
    expect(progress('2021-02-15')).not.toMatch(/applied\s+provisionally/);
    // Jamaica from its notification (1 March 2021), the Netherlands from 1 April; Jamaica's ends with its notice
    expect(progress('2021-12-31')).toContain('not yet; 3 more instruments required; applied provisionally by 2 parties since 1 March 2021');
    expect(progress('2022-06-01')).toContain('applied provisionally by 1 party since 1 April 2021');
  });

  it('are written in Dutch, with the names of parties and places in Dutch', () => {
    const nl = (id: string) => renderer.render({ type: 'notification', record, eventId: id, lang: 'nl', format: 'txt' });
    expect(nl(ids.objection).body).toContain('CUBA: BEZWAAR TEGEN EEN VOORBEHOUD');
    expect(nl(ids.objection).body).toContain('verzet zich tegen de inwerkingtreding van het bovengenoemde Verdrag');
    expect(nl(ids.territorial).body).toContain('Op 1 maart 2021 heeft Nederland verklaard dat het bovengenoemde Verdrag met ingang van 1 juni 2021 van toepassing is op Aruba.');
    expect(nl(ids.reservationWithdrawn).body).toContain('De intrekking wordt van kracht op 1 augustus 2022.');
    for (const id of Object.values(ids)) expect([id, nl(id).fallback]).toEqual([id, false]);
    expect(renderer.render({ type: 'status-report', record, asOf: '2022-12-31', lang: 'nl', format: 'txt' }).body).toContain('Nederland: voorlopig toegepast sinds 1 april 2021.');
  });

  it('are written in French and Spanish', () => {
    expect(notification(ids.objection, 'fr')).toContain('OBJECTION À UNE RÉSERVE');
    expect(notification(ids.provisional, 'fr')).toContain('à titre provisoire à compter du 1er avril 2021');
    expect(notification(ids.territorial, 'es')).toContain('se aplica a Aruba a partir del 1 de junio de 2021');
    expect(notification(ids.reservationWithdrawn, 'es')).toContain('El retiro surte efecto el 1 de agosto de 2022.');
    for (const lang of ['fr', 'es'] as const) {
      // every message these notifications need is translated: nothing falls back to English
      for (const id of Object.values(ids)) expect([id, renderer.render({ type: 'notification', record, eventId: id, lang, format: 'txt' }).fallback]).toEqual([id, false]);
    }
  });

  it('show in the status report under the reservation, the party and the consent they concern', () => {
    const status = (asOf: string, lang: 'en' | 'fr' | 'es' = 'en') => renderer.render({ type: 'status-report', record, asOf, lang, format: 'txt' }).body;
    const early = status('2021-12-31');
    expect(early).toContain('Saint Lucia: reservation made upon signature (2 February 2021)');
    expect(early).toContain('Cuba objected on 3 May 2021 to the reservation of Saint Lucia: “Cuba objects to the reservation.” Cuba opposes the entry into force of the instrument between itself and Saint Lucia.');
    expect(early).not.toContain('Jamaica objected');
    expect(early).toContain('Netherlands: applied provisionally since 1 April 2021.');
    expect(early).toMatch(/\nAruba +territorial application declared on 1 March 2021,\s+effective 1 June 2021/);
    const later = status('2022-12-31');
    expect(later).toContain('Jamaica objected on 1 March 2022 to the reservation of Saint Lucia: “Jamaica objects.” The objection was received after the twelve-month period.');
    expect(later).toContain('Withdrawn with effect from 1 April 2022.');
    expect(later).toContain('Saint Lucia: reservation withdrawn with effect from 1 August 2022.');
    expect(later).toMatch(/1 July 2022 d \(date of succession 1 January\s+2021\)/);
    expect(status('2022-12-31', 'fr')).toContain('application provisoire depuis le 1er avril 2021');
    expect(status('2022-12-31', 'es')).toMatch(/aplicación territorial declarada el 1\s+de marzo de 2021/);
  });
});

describe('why this date, in the status report', () => {
  const log = new LogBuilder();
  const id = '00000000-0000-4000-8000-0000000000f2';
  log.instrument(id, '2019-01-04', {
    type: 'CreateInstrument',
    data: {
      instrumentId: id,
      kind: 'treaty',
      title: 'Agreement establishing the Caribbean Customs Organization',
      parent: null,
      languages: ['en'],
      depositary: 'CCLEC',
      eligibleParties: [
        { code: 'CUB', name: 'Cuba', kind: 'state' },
        { code: 'LCA', name: 'Saint Lucia', kind: 'state' },
      ],
      entryIntoForce: { type: 'instruments', count: 2, timing: { kind: 'first-day-of-month-after-days', days: 60 } },
      text: { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Scope', body: 'The Parties shall cooperate.' }] },
    },
  });
  log.instrument(id, '2019-01-05', { type: 'RequestReview', data: { reviewers: ['legal-officer'], note: null } });
  log.instrument(id, '2019-01-06', { type: 'DecideReview', data: { decision: 'approve', comment: null } });
  log.instrument(id, '2019-05-22', { type: 'AdoptText', data: { adoptedOn: '2019-05-22', place: 'Havana', method: 'consensus', votes: null } });
  log.instrument(id, '2019-05-22', { type: 'OpenForSignature', data: { opensOn: '2019-05-22', closesOn: null, place: 'Havana' } });
  log.instrument(id, '2019-11-01', { type: 'DepositConsent', data: { party: 'CUB', kind: 'accession', depositedOn: '2019-11-01', domesticActOn: null } });
  log.instrument(id, '2019-11-15', { type: 'DepositConsent', data: { party: 'LCA', kind: 'accession', depositedOn: '2019-11-15', domesticActOn: null } });
  const record = instrumentRecord(log.stream(id));
  const status = (lang: 'en' | 'fr' | 'es') => renderer.render({ type: 'status-report', record, asOf: '2020-06-01', lang, format: 'txt' }).body;

  it('gives the act that met the condition, the count and the arithmetic, in each language', () => {
    // 15 November 2019 + 60 days = 14 January 2020; the first day of the following month: 1 February 2020
    expect(status('en')).toContain(
      'Why this date: deposit of the second instrument (accession, Saint Lucia) on 15 November 2019, of the 2 required, + 60 days = 14 January 2020; the first day of the following month = 1 February 2020.',
    );
    expect(status('fr')).toContain('Pourquoi cette date : dépôt du deuxième instrument (adhésion, Sainte-Lucie) le 15 novembre 2019, sur les 2 requis, + 60 jours = 14 janvier 2020 ; premier jour du mois suivant = 1er février 2020.');
    expect(status('es')).toContain('Por qué esta fecha: depósito del segundo instrumento (adhesión, Santa Lucía) el 15 de noviembre de 2019');
  });
});
