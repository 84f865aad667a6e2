import type { EntryIntoForceRule } from '#libs/lifecycle';
import { EventLog, project } from '../../testing/event-log.js';
import { expectReplayChangesNothing } from '../../testing/replay-check.js';
import { ev, IDS, PARTIES, TREATY, treatyStory } from '../../testing/story.js';
import { INSTRUMENT_STATUS, instrumentStatusProjection, type InstrumentStatusDoc } from '../instrument-status/instrument-status.projection.js';
import { assessStatusDoc } from '../instrument-status/instrument-status.view.js';
import { PARTICIPATION, participationId, participationProjection, type ParticipationDoc } from './participation.projection.js';
import { presentParticipant } from './participation.view.js';

/** The rows, and a presenter as at a date with the instrument's assessment of that date (as the query does). */
const rowsAfter = async (log: EventLog) => {
  const store = await project(log.events, [participationProjection, instrumentStatusProjection]);
  const rows = await store.collection<ParticipationDoc>(PARTICIPATION).find({ instrumentId: TREATY }, { sort: { party: 1 } });
  const doc = (await store.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS).findOne({ _id: TREATY }))!;
  const byParty = new Map(rows.map((r) => [r.party, r]));
  const present = (party: string, asOf: string) => presentParticipant(byParty.get(party)!, assessStatusDoc(doc, asOf), asOf);
  return { rows: byParty, present };
};

const TWO_THEN_THIRTY: EntryIntoForceRule = { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } };

describe('participation matrix projection', () => {
  it('has a row per eligible party from creation, empty until the party acts', async () => {
    const log = new EventLog();
    log.instrument(TREATY, ev.created());
    const { rows, present } = await rowsAfter(log);
    expect([...rows.keys()]).toEqual(['CUB', 'JAM', 'VGB']);
    expect(rows.get('VGB')).toMatchObject({ _id: participationId(TREATY, 'VGB'), partyName: 'British Virgin Islands', partyKind: 'territory', signature: null, consent: null, reservations: [], withdrawal: null });
    expect(present('VGB', '2024-01-01')).toMatchObject({ status: 'eligible', partyStatus: 'not-bound', boundOn: null, entryIntoForceOn: null, withdrawalEffectiveOn: null });
  });

  it('records signature, consent with its domestic act, reservations and declarations, with corrections applied', async () => {
    const { present } = await rowsAfter(treatyStory().log);
    expect(present('CUB', '2024-01-01')).toMatchObject({
      status: 'bound',
      partyStatus: 'bound-not-in-force', // every party must be bound, and two are not
      signature: { signedOn: '2019-05-22', kind: 'simple', signatory: { name: 'Minister of CUB', title: 'Minister' }, place: 'Havana', eventId: IDS.cubSigned },
      consent: { kind: 'ratification', depositedOn: '2019-11-01', domesticActOn: '2019-10-15', eventId: IDS.cubRatified },
      reservations: [{ kind: 'declaration', madeOn: '2019-05-22', madeAt: 'signature', text: 'CUB reserves article 5.', objectionWindowEndsOn: null }],
      boundOn: '2019-11-01',
      boundBy: 'consent',
      entryIntoForceOn: null,
    });
    // a reservation may be objected to for twelve months (VCLT 20(5)); a declaration has no such window
    expect(present('JAM', '2024-01-01')).toMatchObject({
      status: 'signatory',
      partyStatus: 'not-bound',
      signature: { signedOn: '2019-05-22' },
      reservations: [{ kind: 'reservation', madeOn: '2019-05-23', eventId: IDS.jamReservation, objectionWindowEndsOn: '2020-05-23' }],
    });
    // as at a date before the deposit, Cuba was a signatory only
    expect(present('CUB', '2019-06-01')).toMatchObject({ status: 'signatory', partyStatus: 'not-bound', consent: null, boundOn: null });
  });

  it('gives each party’s own entry into force, later accessions included, and when a withdrawal takes effect', async () => {
    const { log, ids } = treatyStory({ entryIntoForce: TWO_THEN_THIRTY });
    log.instrument(TREATY, ev.consent('JAM', '2020-01-15'));
    log.instrument(TREATY, ev.consent('VGB', '2021-03-01', 'accession'));
    log.instrument(TREATY, ev.withdrawal('CUB', '2022-01-10', '2023-01-10'));
    log.instrument(TREATY, ev.corrected(ids.cubRatified, 'ConsentDeposited.v1', { domesticActOn: null }));
    const { present } = await rowsAfter(log);
    expect(present('CUB', '2020-01-20')).toMatchObject({ status: 'bound', partyStatus: 'bound-not-in-force', entryIntoForceOn: '2020-02-14', counted: true });
    expect(present('CUB', '2022-06-01')).toMatchObject({
      status: 'bound',
      partyStatus: 'in-force',
      consent: { domesticActOn: null },
      withdrawal: { notifiedOn: '2022-01-10', effectiveOn: '2023-01-10', revokedOn: null },
      entryIntoForceOn: '2020-02-14',
      withdrawalEffectiveOn: '2023-01-10',
    });
    expect(present('CUB', '2023-06-01')).toMatchObject({ status: 'withdrawn', partyStatus: 'withdrawn' });
    // why that date: the notice and the twelve months of VCLT 56(2)
    expect(present('CUB', '2022-06-01').withdrawalExplanation).toMatchObject({ basis: 'withdrawal', date: '2023-01-10', from: { event: 'withdrawal-notice', party: 'CUB', on: '2022-01-10' } });
    expect(present('CUB', '2022-06-01').withdrawalExplanation?.text).toMatch(/on 10 January 2022 \+ 12 months = 10 January 2023\.$/);
    expect(present('JAM', '2022-06-01').withdrawalExplanation).toBeNull();
    // the Virgin Islands accede after the condition was met: in force for them thirty days after their deposit
    expect(present('VGB', '2021-03-15')).toMatchObject({ status: 'bound', partyStatus: 'bound-not-in-force', consent: { kind: 'accession' }, entryIntoForceOn: '2021-03-31' });
    expect(present('VGB', '2021-03-31').partyStatus).toBe('in-force');
    // as at a date before the second deposit, nobody's date is known
    expect(present('CUB', '2020-01-01')).toMatchObject({ entryIntoForceOn: null, withdrawalEffectiveOn: null, withdrawal: null });
  });

  it('revokes a withdrawal before it takes effect', async () => {
    const { log } = treatyStory({ entryIntoForce: TWO_THEN_THIRTY });
    log.instrument(TREATY, ev.consent('JAM', '2020-01-15'));
    log.instrument(TREATY, ev.withdrawal('CUB', '2022-01-10', '2023-01-10'));
    log.instrument(TREATY, ev.revoked('CUB', '2022-06-01'));
    const { present } = await rowsAfter(log);
    expect(present('CUB', '2022-03-01')).toMatchObject({ withdrawal: { revokedOn: null }, withdrawalEffectiveOn: '2023-01-10' });
    expect(present('CUB', '2023-06-01')).toMatchObject({ status: 'bound', partyStatus: 'in-force', withdrawal: { revokedOn: '2022-06-01' }, withdrawalEffectiveOn: null });
  });

  it('bilateral agreements: bound by the notification that internal procedures are complete', async () => {
    const log = new EventLog();
    log.instrument(TREATY, ev.created(TREATY, PARTIES.slice(0, 2), 'agreement', { entryIntoForce: { type: 'bilateral' } }));
    log.instrument(TREATY, ev.opened('2020-01-01'));
    log.instrument(TREATY, ev.signed('JAM', '2020-01-10'));
    log.instrument(TREATY, ev.signed('CUB', '2020-01-10'));
    log.instrument(TREATY, ev.notified('JAM', '2020-02-01'));
    log.instrument(TREATY, ev.notified('CUB', '2020-03-01'));
    const { present } = await rowsAfter(log);
    expect(present('JAM', '2020-02-15')).toMatchObject({ status: 'bound', boundBy: 'notification', notification: { notifiedOn: '2020-02-01' }, entryIntoForceOn: null });
    expect(present('JAM', '2020-03-01')).toMatchObject({ partyStatus: 'in-force', entryIntoForceOn: '2020-03-01' });
  });

  it('shows objections under the reservation they answer, its withdrawal from its effective date, provisional and territorial application', async () => {
    const { log } = treatyStory({ entryIntoForce: TWO_THEN_THIRTY });
    const objection = '00000000-0000-4000-8000-0000000000b1';
    log.instrument(TREATY, { type: 'ReservationObjected.v1', data: { party: 'CUB', reservationId: IDS.jamReservation, reservingParty: 'JAM', text: 'Cuba objects.', objectedOn: '2019-09-01', opposesEntryIntoForce: true } }, { id: objection });
    log.instrument(TREATY, { type: 'ReservationObjected.v1', data: { party: 'VGB', reservationId: IDS.jamReservation, reservingParty: 'JAM', text: 'Late.', objectedOn: '2020-07-01', opposesEntryIntoForce: false } });
    log.instrument(TREATY, { type: 'ObjectionWithdrawn.v1', data: { party: 'CUB', objectionId: objection, notifiedOn: '2020-09-01', effectiveOn: '2020-10-01' } });
    log.instrument(TREATY, { type: 'ReservationWithdrawn.v1', data: { party: 'JAM', reservationId: IDS.jamReservation, notifiedOn: '2021-01-10', effectiveOn: '2021-01-10' } });
    log.instrument(TREATY, { type: 'ProvisionalApplicationNotified.v1', data: { party: 'JAM', notifiedOn: '2019-06-01', appliesFrom: '2019-07-01' } });
    log.instrument(TREATY, ev.consent('JAM', '2020-01-15'));
    log.instrument(TREATY, { type: 'TerritorialApplicationDeclared.v1', data: { party: 'JAM', territory: { code: null, name: 'Pedro Cays' }, extends: true, declaredOn: '2020-01-15', effectiveOn: '2020-03-01' } });
    const { present } = await rowsAfter(log);
    const asOf = (date: string) => present('JAM', date);
    expect(asOf('2019-12-31').reservations[0]).toMatchObject({
      objectionWindowEndsOn: '2020-05-23',
      deemedAccepted: false,
      withdrawnOn: null,
      objections: [{ party: 'CUB', name: 'Cuba', objectedOn: '2019-09-01', opposesEntryIntoForce: true, late: false, withdrawnOn: null }],
    });
    expect(asOf('2020-12-31').reservations[0]).toMatchObject({
      deemedAccepted: true,
      objections: [{ party: 'CUB', withdrawnOn: '2020-10-01' }, { party: 'VGB', late: true }],
    });
    // as at an earlier date the reservation still shows; from its withdrawal it shows as withdrawn
    expect(asOf('2021-01-09').reservations[0]!.withdrawnOn).toBeNull();
    expect(asOf('2021-01-10').reservations[0]).toMatchObject({ withdrawnOn: '2021-01-10', deemedAccepted: false });
    expect(present('CUB', '2020-01-01').objectionsMade).toEqual([expect.objectContaining({ reservingParty: 'JAM', opposesEntryIntoForce: true, withdrawnOn: null })]);
    // provisional application until entry into force for Jamaica (two instruments, then thirty days)
    expect(asOf('2019-06-30').provisionalApplication).toBeNull();
    expect(asOf('2019-12-01').provisionalApplication).toEqual({ basis: 'declaration', since: '2019-07-01', endedOn: null, endedBy: null, applied: true });
    expect(asOf('2020-02-14').provisionalApplication).toMatchObject({ endedOn: '2020-02-14', endedBy: 'entry-into-force', applied: false });
    expect(asOf('2020-02-01').territories).toEqual([expect.objectContaining({ territory: { code: null, name: 'Pedro Cays' }, effectiveOn: '2020-03-01', inEffect: false })]);
    expect(asOf('2020-01-14').territories).toEqual([]);
  });

  it('replaying the acts of depositary practice changes nothing', async () => {
    const { log } = treatyStory();
    log.instrument(TREATY, { type: 'ReservationObjected.v1', data: { party: 'CUB', reservationId: IDS.jamReservation, reservingParty: 'JAM', text: 'Cuba objects.', objectedOn: '2019-09-01', opposesEntryIntoForce: true } });
    log.instrument(TREATY, { type: 'TerritorialApplicationDeclared.v1', data: { party: 'JAM', territory: { code: null, name: 'Pedro Cays' }, extends: true, declaredOn: '2020-01-15', effectiveOn: '2020-03-01' } });
    await expectReplayChangesNothing(participationProjection, log.events);
  });

  it('keeps rows of other instruments apart', async () => {
    const log = treatyStory().log;
    const other = '8b0c8a4e-0000-4000-8000-000000000002';
    log.instrument(other, ev.created(other, PARTIES.slice(0, 1)));
    const store = await project(log.events, [participationProjection]);
    expect(await store.collection(PARTICIPATION).count({ instrumentId: other })).toBe(1);
    expect(await store.collection(PARTICIPATION).count({ instrumentId: TREATY })).toBe(3);
  });

  it('replaying the events changes nothing', async () => {
    const { log } = treatyStory();
    log.instrument(TREATY, ev.withdrawal('CUB', '2022-01-10', '2023-01-10'));
    log.instrument(TREATY, ev.revoked('CUB', '2022-06-01'));
    log.instrument(TREATY, ev.notified('JAM', '2022-07-01'));
    await expectReplayChangesNothing(participationProjection, log.events);
  });
});
