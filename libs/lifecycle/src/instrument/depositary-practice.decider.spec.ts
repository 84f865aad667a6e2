/** Objections, withdrawals of reservations and objections, provisional and territorial application, succession. */
import { DeciderSpecification, recorded, type GivenEvent } from '../testing/decider-spec.js';
import {
  instrumentDecider,
  provisionalApplicationAsOf,
  reservationPositions,
  type EligibleParty,
  type EntryIntoForceRule,
  type Instrument,
  type InstrumentCommand,
  type InstrumentEvent,
  type InstrumentState,
} from '../index.js';

const TODAY = '2021-12-31';
const spec = DeciderSpecification.for(instrumentDecider, { today: TODAY });

const JAM: EligibleParty = { code: 'JAM', name: 'Jamaica', kind: 'state' };
const BRB: EligibleParty = { code: 'BRB', name: 'Barbados', kind: 'state' };
const NLD: EligibleParty = { code: 'NLD', name: 'Netherlands', kind: 'state' };
const ABW: EligibleParty = { code: 'ABW', name: 'Aruba', kind: 'territory' };
const ID = 'a6f0c1de-0000-4000-8000-000000000009';
const THREE: EntryIntoForceRule = { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } };

type History = (InstrumentEvent | GivenEvent<InstrumentEvent>)[];

const openTreaty = (rule: EntryIntoForceRule = THREE, provisional: { from: 'signature' } | null = null): History => [
  {
    type: 'InstrumentCreated.v1',
    data: {
      instrumentId: ID,
      kind: 'treaty',
      title: 'A treaty',
      parentId: null,
      languages: ['en'],
      depositary: null,
      eligibleParties: [JAM, BRB, NLD, ABW],
      entryIntoForce: rule,
      ...(provisional ? { provisionalApplication: provisional } : {}),
      createdOn: '2019-01-10',
    },
  },
  { type: 'TextAdopted.v1', data: { adoptedOn: '2019-05-10', place: 'Castries', method: 'consensus', votes: null, version: 1 } },
  { type: 'SignatureOpened.v1', data: { opensOn: '2019-06-01', closesOn: null, place: 'Castries' } },
];
const signed = (party: string, signedOn: string): InstrumentEvent => ({
  type: 'InstrumentSigned.v1',
  data: { party, signedOn, signatory: { name: `Envoy of ${party}`, title: 'Minister' }, definitive: false, place: null },
});
const ratified = (party: string, depositedOn: string): InstrumentEvent => ({
  type: 'ConsentDeposited.v1',
  data: { party, kind: 'ratification', depositedOn, domesticActOn: null },
});
/** Jamaica signs on 2019-06-10 with a reservation (event 'res-jam') and a declaration ('decl-jam'). */
const jamaicaReserved: History = [
  ...openTreaty(),
  signed('JAM', '2019-06-10'),
  recorded({ type: 'ReservationMade.v1', data: { party: 'JAM', kind: 'reservation', text: 'Article 2 does not apply.', madeOn: '2019-06-10', madeAt: 'signature' } }, 'res-jam'),
  recorded({ type: 'ReservationMade.v1', data: { party: 'JAM', kind: 'declaration', text: 'Jamaica understands Article 3 as ...', madeOn: '2019-06-10', madeAt: 'signature' } }, 'decl-jam'),
];
const object = (party: string, objectedOn: string, reservationId = 'res-jam', opposesEntryIntoForce = false): InstrumentCommand => ({
  type: 'ObjectToReservation',
  data: { party, reservationId, text: 'The reservation is incompatible with the object and purpose.', objectedOn, opposesEntryIntoForce },
});
const objected = (party: string, objectedOn: string, opposesEntryIntoForce = false): InstrumentEvent => ({
  type: 'ReservationObjected.v1',
  data: { party, reservationId: 'res-jam', reservingParty: 'JAM', text: 'The reservation is incompatible with the object and purpose.', objectedOn, opposesEntryIntoForce },
});

const asInstrument = (state: InstrumentState): Instrument => {
  if (state.stage === 'none') throw new Error('expected an instrument');
  return state;
};

describe('objections to reservations (VCLT 20, 21)', () => {
  it('records an objection that opposes entry into force between the two, naming the reserving party', () => {
    const state = asInstrument(spec.given(jamaicaReserved).when(object('BRB', '2019-09-01', 'res-jam', true)).then([objected('BRB', '2019-09-01', true)]));
    const position = reservationPositions(state, '2019-12-31').get('res-jam')!;
    expect(position.objections).toEqual([expect.objectContaining({ party: 'BRB', opposesEntryIntoForce: true, late: false })]);
    expect(position.deemedAccepted).toBe(false);
  });

  it('records an objection after the twelve months, reported as late; the reservation is deemed accepted after its window', () => {
    const state = asInstrument(spec.given(jamaicaReserved).when(object('BRB', '2020-07-01')).then([objected('BRB', '2020-07-01')]));
    expect(reservationPositions(state, '2020-06-10').get('res-jam')).toMatchObject({ objectionWindowEndsOn: '2020-06-10', deemedAccepted: false, objections: [] });
    expect(reservationPositions(state, '2020-06-11').get('res-jam')!.deemedAccepted).toBe(true);
    expect(reservationPositions(state, '2020-07-01').get('res-jam')!.objections).toEqual([expect.objectContaining({ party: 'BRB', late: true })]);
  });

  it('accepts an objection from a party entitled to become a party that has not signed', () => {
    spec.given(jamaicaReserved).when(object('NLD', '2019-07-01')).then([objected('NLD', '2019-07-01')]);
  });

  it('refuses an objection by a party not entitled to become a party', () => {
    spec.given(jamaicaReserved).when(object('GUY', '2019-07-01')).thenThrows('PARTY_NOT_ELIGIBLE');
  });

  it('refuses an objection to the party’s own reservation', () => {
    spec.given(jamaicaReserved).when(object('JAM', '2019-07-01')).thenThrows('OWN_RESERVATION', { message: 'Jamaica' });
  });

  it('refuses an objection to a reservation never made, and to a declaration', () => {
    spec.given(jamaicaReserved).when(object('BRB', '2019-07-01', 'no-such-event')).thenThrows('RESERVATION_NOT_FOUND');
    spec.given(jamaicaReserved).when(object('BRB', '2019-07-01', 'decl-jam')).thenThrows('NOT_A_RESERVATION');
  });

  it('refuses an objection dated before the reservation, a second standing one, and one in the future', () => {
    spec.given(jamaicaReserved).when(object('BRB', '2019-06-09')).thenThrows('OBJECTION_BEFORE_RESERVATION');
    spec.given([...jamaicaReserved, objected('BRB', '2019-07-01')]).when(object('BRB', '2019-08-01')).thenThrows('ALREADY_OBJECTED');
    spec.given(jamaicaReserved).when(object('BRB', '2022-01-01')).thenThrows('DATE_IN_FUTURE', { field: 'objectedOn' });
  });
});

describe('withdrawal of reservations and objections (VCLT 22)', () => {
  const withdrawReservation = (notifiedOn: string, effectiveOn: string | null = null, party = 'JAM', reservationId = 'res-jam'): InstrumentCommand => ({
    type: 'WithdrawReservation',
    data: { party, reservationId, notifiedOn, effectiveOn },
  });

  it('takes effect on receipt of the notification when it names no date; as at an earlier date the reservation still stands', () => {
    const state = asInstrument(
      spec
        .given(jamaicaReserved)
        .when(withdrawReservation('2020-03-01'))
        .then([{ type: 'ReservationWithdrawn.v1', data: { party: 'JAM', reservationId: 'res-jam', notifiedOn: '2020-03-01', effectiveOn: '2020-03-01' } }]),
    );
    expect(reservationPositions(state, '2020-02-29').get('res-jam')).toMatchObject({ withdrawnOn: null, withdrawalEffectiveOn: null });
    expect(reservationPositions(state, '2020-03-01').get('res-jam')).toMatchObject({ withdrawnOn: '2020-03-01', deemedAccepted: false });
  });

  it('takes effect on the later date the notification names', () => {
    const state = asInstrument(
      spec
        .given(jamaicaReserved)
        .when(withdrawReservation('2020-03-01', '2020-06-01'))
        .then([{ type: 'ReservationWithdrawn.v1', data: { party: 'JAM', reservationId: 'res-jam', notifiedOn: '2020-03-01', effectiveOn: '2020-06-01' } }]),
    );
    expect(reservationPositions(state, '2020-04-01').get('res-jam')).toMatchObject({ withdrawnOn: null, withdrawalEffectiveOn: '2020-06-01' });
  });

  it('refuses the withdrawal of a reservation never made (or made by another party), twice, or effective before its notice', () => {
    spec.given(jamaicaReserved).when(withdrawReservation('2020-03-01', null, 'JAM', 'no-such-event')).thenThrows('RESERVATION_NOT_FOUND');
    spec.given(jamaicaReserved).when(withdrawReservation('2020-03-01', null, 'BRB')).thenThrows('RESERVATION_NOT_FOUND');
    spec
      .given([...jamaicaReserved, { type: 'ReservationWithdrawn.v1', data: { party: 'JAM', reservationId: 'res-jam', notifiedOn: '2020-03-01', effectiveOn: '2020-03-01' } }])
      .when(withdrawReservation('2020-04-01'))
      .thenThrows('ALREADY_WITHDRAWN');
    spec.given(jamaicaReserved).when(withdrawReservation('2020-03-01', '2020-02-01')).thenThrows('WITHDRAWAL_EFFECTIVE_BEFORE_NOTICE', { field: 'effectiveOn' });
    spec.given(jamaicaReserved).when(withdrawReservation('2019-06-01')).thenThrows('WITHDRAWAL_BEFORE_RESERVATION');
  });

  it('refuses an objection to a reservation already withdrawn', () => {
    spec
      .given([...jamaicaReserved, { type: 'ReservationWithdrawn.v1', data: { party: 'JAM', reservationId: 'res-jam', notifiedOn: '2020-03-01', effectiveOn: '2020-03-01' } }])
      .when(object('BRB', '2020-04-01'))
      .thenThrows('RESERVATION_WITHDRAWN');
  });

  it('withdraws an objection; the objection shows as withdrawn from then; another party cannot withdraw it', () => {
    const given = [...jamaicaReserved, recorded(objected('BRB', '2019-09-01'), 'obj-brb')];
    const state = asInstrument(
      spec
        .given(given)
        .when({ type: 'WithdrawObjection', data: { party: 'BRB', objectionId: 'obj-brb', notifiedOn: '2020-01-15', effectiveOn: null } })
        .then([{ type: 'ObjectionWithdrawn.v1', data: { party: 'BRB', objectionId: 'obj-brb', notifiedOn: '2020-01-15', effectiveOn: '2020-01-15' } }]),
    );
    expect(reservationPositions(state, '2020-01-14').get('res-jam')!.objections[0]!.withdrawnOn).toBeNull();
    expect(reservationPositions(state, '2020-01-15').get('res-jam')!.objections[0]!.withdrawnOn).toBe('2020-01-15');
    spec.given(given).when({ type: 'WithdrawObjection', data: { party: 'NLD', objectionId: 'obj-brb', notifiedOn: '2020-01-15', effectiveOn: null } }).thenThrows('OBJECTION_NOT_FOUND');
  });
});

describe('provisional application (VCLT 25)', () => {
  const notify = (party: string, notifiedOn: string, appliesFrom: string | null = null): InstrumentCommand => ({
    type: 'NotifyProvisionalApplication',
    data: { party, notifiedOn, appliesFrom },
  });

  it('records a party’s declaration, which ends when the instrument enters into force for it', () => {
    const state = asInstrument(
      spec
        .given([...openTreaty(), signed('JAM', '2019-06-10')])
        .when(notify('JAM', '2019-07-01'))
        .then([{ type: 'ProvisionalApplicationNotified.v1', data: { party: 'JAM', notifiedOn: '2019-07-01', appliesFrom: '2019-07-01' } }]),
    );
    expect(provisionalApplicationAsOf(state, 'JAM', '2020-01-31', '2019-06-30')).toBeNull();
    expect(provisionalApplicationAsOf(state, 'JAM', '2020-01-31', '2019-12-01')).toEqual({ basis: 'declaration', since: '2019-07-01', endedOn: null, endedBy: null, applied: true });
    expect(provisionalApplicationAsOf(state, 'JAM', '2020-01-31', '2020-01-31')).toMatchObject({ endedOn: '2020-01-31', endedBy: 'entry-into-force', applied: false });
  });

  it('applies under the final clauses from each signature, and ends on the notice that the party will not become a party', () => {
    const given = [...openTreaty(THREE, { from: 'signature' }), signed('NLD', '2019-06-20')];
    const state = asInstrument(
      spec.given(given).when({ type: 'NotifyIntentionNotToBecomeParty', data: { party: 'NLD', notifiedOn: '2020-02-01' } }).then([
        { type: 'ProvisionalApplicationTerminated.v1', data: { party: 'NLD', notifiedOn: '2020-02-01' } },
      ]),
    );
    expect(provisionalApplicationAsOf(state, 'NLD', null, '2019-12-31')).toMatchObject({ basis: 'final-clauses', since: '2019-06-20', applied: true });
    expect(provisionalApplicationAsOf(state, 'NLD', null, '2020-02-01')).toMatchObject({ endedBy: 'notice', applied: false });
    spec.given(given).when(notify('NLD', '2019-07-01')).thenThrows('ALREADY_APPLIED_PROVISIONALLY');
  });

  it('refuses provisional application once the instrument is in force for the party', () => {
    spec
      .given([...openTreaty(), signed('JAM', '2019-06-10'), signed('BRB', '2019-06-10'), ratified('JAM', '2019-08-01'), ratified('BRB', '2019-09-01'), { type: 'EntryIntoForceDetermined.v1', data: { date: '2019-10-01', rule: 'instruments', supersedes: null } }])
      .when(notify('JAM', '2019-11-01'))
      .thenThrows('IN_FORCE_FOR_PARTY', { message: 'Jamaica' });
  });

  it('refuses a notice not to become a party without provisional application, or from a party already bound', () => {
    spec.given([...openTreaty(), signed('JAM', '2019-06-10')]).when({ type: 'NotifyIntentionNotToBecomeParty', data: { party: 'JAM', notifiedOn: '2019-07-01' } }).thenThrows('NO_PROVISIONAL_APPLICATION');
    spec
      .given([...openTreaty(THREE, { from: 'signature' }), signed('JAM', '2019-06-10'), ratified('JAM', '2019-08-01')])
      .when({ type: 'NotifyIntentionNotToBecomeParty', data: { party: 'JAM', notifiedOn: '2019-09-01' } })
      .thenThrows('ALREADY_BOUND');
  });
});

describe('territorial application (VCLT 29)', () => {
  const declare = (party: string, territory: { code: string | null; name: string }, declaredOn: string, effectiveOn: string | null = null): InstrumentCommand => ({
    type: 'DeclareTerritorialApplication',
    data: { party, territory, extends: true, declaredOn, effectiveOn },
  });

  it('records an extension to a territory registered as a party, effective from a later date', () => {
    const state = asInstrument(
      spec
        .given([...openTreaty(), signed('NLD', '2019-06-10')])
        .when(declare('NLD', { code: 'ABW', name: 'Aruba' }, '2019-06-10', '2019-09-01'))
        .then([{ type: 'TerritorialApplicationDeclared.v1', data: { party: 'NLD', territory: { code: 'ABW', name: 'Aruba' }, extends: true, declaredOn: '2019-06-10', effectiveOn: '2019-09-01' } }]),
    );
    expect(state.participants.NLD!.territories).toEqual([expect.objectContaining({ territory: { code: 'ABW', name: 'Aruba' } })]);
  });

  it('refuses a declaration by a territory, by a State that has not acted yet, or effective before it is made', () => {
    spec.given([...openTreaty(), signed('ABW', '2019-06-10')]).when(declare('ABW', { code: null, name: 'Bonaire' }, '2019-06-10')).thenThrows('TERRITORIAL_APPLICATION_BY_STATES');
    spec.given(openTreaty()).when(declare('NLD', { code: null, name: 'Bonaire' }, '2019-06-10')).thenThrows('TERRITORIAL_DECLARATION_WITHOUT_ACT');
    spec.given([...openTreaty(), signed('NLD', '2019-06-10')]).when(declare('NLD', { code: null, name: 'Bonaire' }, '2019-07-10', '2019-07-01')).thenThrows('EFFECTIVE_BEFORE_DECLARATION', { field: 'effectiveOn' });
  });
});

describe('succession', () => {
  it('records the date of succession beside the date of the notification, and only for a succession', () => {
    spec
      .given(openTreaty())
      .when({ type: 'DepositConsent', data: { party: 'BRB', kind: 'succession', depositedOn: '2020-03-01', domesticActOn: null, succeededOn: '2019-11-30' } })
      .thenEvents((events) => {
        expect(events[0]).toEqual({ type: 'ConsentDeposited.v1', data: { party: 'BRB', kind: 'succession', depositedOn: '2020-03-01', domesticActOn: null, succeededOn: '2019-11-30' } });
      });
    spec
      .given(openTreaty())
      .when({ type: 'DepositConsent', data: { party: 'BRB', kind: 'accession', depositedOn: '2020-03-01', domesticActOn: null, succeededOn: '2019-11-30' } })
      .thenThrows('SUCCESSION_DATE_FOR_SUCCESSION', { field: 'succeededOn' });
    spec
      .given(openTreaty())
      .when({ type: 'DepositConsent', data: { party: 'BRB', kind: 'succession', depositedOn: '2020-03-01', domesticActOn: null, succeededOn: '2020-04-01' } })
      .thenThrows('SUCCESSION_AFTER_NOTIFICATION', { field: 'succeededOn' });
  });

  it('corrects the date of succession, and refuses one after the notification', () => {
    const given: History = [...openTreaty(), recorded<InstrumentEvent>({ type: 'ConsentDeposited.v1', data: { party: 'BRB', kind: 'succession', depositedOn: '2020-03-01', domesticActOn: null, succeededOn: '2019-11-30' } }, 'succ-brb')];
    const state = asInstrument(
      spec
        .given(given)
        .when({ type: 'CorrectAct', data: { eventId: 'succ-brb', reason: 'Misread from the notification.', changes: { succeededOn: '2019-11-01' } } })
        .thenEvents((events) => expect(events[0]!.type).toBe('ActCorrected.v1')).state,
    );
    expect(state.participants.BRB!.consent!.succeededOn).toBe('2019-11-01');
    spec
      .given(given)
      .when({ type: 'CorrectAct', data: { eventId: 'succ-brb', reason: 'Misread.', changes: { succeededOn: '2020-04-01' } } })
      .thenThrows('SUCCESSION_AFTER_NOTIFICATION');
  });
});
