import { LogBuilder } from '../fixtures/log-builder.fixture.js';
import { DocumentRenderer, instrumentRecord, notifiableActs } from '../index.js';

const ID = '00000000-0000-4000-8000-0000000000e1';

/**
 * Cuba signs, ratifies, and only then has its declaration made upon signature recorded; its reservation is
 * made upon deposit. Saint Lucia's reservation is made upon signature, weeks after it signed.
 */
const reservations = () => {
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
      ],
      entryIntoForce: { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } },
      text: { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Scope', body: 'The Parties shall cooperate.' }] },
    },
  });
  log.instrument(ID, '2021-01-05', { type: 'RequestReview', data: { reviewers: ['legal-officer'], note: null } });
  log.instrument(ID, '2021-01-06', { type: 'DecideReview', data: { decision: 'approve', comment: null } });
  log.instrument(ID, '2021-02-01', { type: 'AdoptText', data: { adoptedOn: '2021-02-01', place: 'Castries', method: 'consensus', votes: null } });
  log.instrument(ID, '2021-02-01', { type: 'OpenForSignature', data: { opensOn: '2021-02-01', closesOn: null, place: 'Castries' } });
  log.instrument(ID, '2021-02-02', { type: 'SignInstrument', data: { party: 'CUB', signedOn: '2021-02-02', signatory: { name: 'A', title: 'Minister' }, definitive: false, place: null } });
  log.instrument(ID, '2021-02-02', { type: 'SignInstrument', data: { party: 'LCA', signedOn: '2021-02-02', signatory: { name: 'B', title: 'Minister' }, definitive: false, place: null } });
  log.instrument(ID, '2021-06-01', { type: 'DepositConsent', data: { party: 'CUB', kind: 'ratification', depositedOn: '2021-06-01', domesticActOn: null } });
  const [cubaAtSignature] = log.instrument(ID, '2021-06-07', {
    type: 'MakeReservation',
    data: { party: 'CUB', kind: 'declaration', text: 'Cuba declares A.', madeOn: '2021-02-02', madeAt: 'signature' },
  });
  const [cubaAtDeposit] = log.instrument(ID, '2021-06-07', {
    type: 'MakeReservation',
    data: { party: 'CUB', kind: 'reservation', text: 'Cuba reserves B.', madeOn: '2021-06-01', madeAt: 'deposit' },
  });
  const [stLuciaAtSignature] = log.instrument(ID, '2021-06-08', {
    type: 'MakeReservation',
    data: { party: 'LCA', kind: 'reservation', text: 'Saint Lucia reserves C.', madeOn: '2021-02-02', madeAt: 'signature' },
  });
  return { record: instrumentRecord(log.stream(ID)), cubaAtSignature: cubaAtSignature!.id, cubaAtDeposit: cubaAtDeposit!.id, stLuciaAtSignature: stLuciaAtSignature!.id };
};

const renderer = new DocumentRenderer({ organisation: { name: 'Caribbean Customs Law Enforcement Council', acronym: 'CCLEC' } });

describe('when a reservation was made, as its event records it', () => {
  const { record, cubaAtSignature, cubaAtDeposit, stLuciaAtSignature } = reservations();
  const status = (lang: 'en' | 'fr' | 'es') => renderer.render({ type: 'status-report', record, asOf: '2021-12-31', lang, format: 'txt' }).body;
  const notification = (eventId: string, lang: 'en' | 'fr' | 'es' = 'en') => renderer.render({ type: 'notification', record, eventId, lang, format: 'txt' }).body;

  it('reads "upon signature" or "upon deposit" in the status report, whatever else the party has done', () => {
    expect(status('en')).toContain('Cuba: declaration made upon signature (2 February 2021): “Cuba declares A.”');
    expect(status('en')).toContain('Cuba: reservation made upon deposit (1 June 2021): “Cuba reserves B.”');
    expect(status('en')).toContain('Saint Lucia: reservation made upon signature (2 February 2021): “Saint Lucia reserves C.”');
    expect(status('fr')).toContain('Cuba : déclaration faite lors de la signature (2 février 2021)');
    expect(status('fr')).toContain('Cuba : réserve faite lors du dépôt (1er juin 2021)');
    expect(status('es')).toContain('Cuba: declaración formulada en el momento de la firma (2 de febrero de 2021)');
    expect(status('es')).toContain('Santa Lucía: reserva formulada en el momento de la firma (2 de febrero de 2021)');
  });

  it('reads so in the notification, which follows the act it was made at', () => {
    expect(notification(cubaAtSignature)).toContain('On 2 February 2021, upon signature, Cuba made the following declaration:');
    expect(notification(cubaAtDeposit)).toContain('On 1 June 2021, upon deposit of its instrument, Cuba made the following reservation:');
    expect(notification(stLuciaAtSignature)).toContain('On 2 February 2021, upon signature, Saint Lucia made the following reservation:');
    expect(notification(cubaAtDeposit, 'fr')).toContain('lors du dépôt de son instrument');
    expect(notification(cubaAtSignature, 'es')).toContain('en el momento de la firma');
    const acts = notifiableActs(record);
    const ref = (kind: string, party: string) => acts.find((a) => a.kind === kind && a.party === party)!.reference;
    expect(acts.find((a) => a.eventId === cubaAtSignature)!.follows).toEqual([ref('signature', 'CUB')]);
    expect(acts.find((a) => a.eventId === cubaAtDeposit)!.follows).toEqual([ref('consent', 'CUB')]);
  });
});
