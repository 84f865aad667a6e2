import { EventLog, project } from '../../testing/event-log.js';
import { expectReplayChangesNothing } from '../../testing/replay-check.js';
import { ev, IDS, PARTIES, TREATY, treatyStory } from '../../testing/story.js';
import { PARTICIPATION, participationId, participationProjection, type ParticipationDoc } from './participation.projection.js';
import { presentParticipant } from './participation.view.js';

const rowsAfter = async (log: EventLog) => {
  const store = await project(log.events, [participationProjection]);
  const rows = await store.collection<ParticipationDoc>(PARTICIPATION).find({ instrumentId: TREATY }, { sort: { party: 1 } });
  return new Map(rows.map((r) => [r.party, r]));
};
const notInForce = { status: 'not-yet-in-force', date: null, rule: 'definitive-signature-by-all' } as const;

describe('participation matrix projection', () => {
  it('has a row per eligible party from creation, empty until the party acts', async () => {
    const log = new EventLog();
    log.instrument(TREATY, ev.created());
    const rows = await rowsAfter(log);
    expect([...rows.keys()]).toEqual(['CUB', 'JAM', 'VGB']);
    expect(rows.get('VGB')).toMatchObject({ _id: participationId(TREATY, 'VGB'), partyName: 'British Virgin Islands', partyKind: 'territory', signature: null, consent: null, reservations: [], withdrawal: null });
    expect(presentParticipant(rows.get('VGB')!, notInForce, '2024-01-01')).toMatchObject({ status: 'eligible', boundOn: null, entryIntoForce: null });
  });

  it('records signature, consent with its domestic act, reservations and declarations, with corrections applied', async () => {
    const rows = await rowsAfter(treatyStory().log);
    const cub = presentParticipant(rows.get('CUB')!, notInForce, '2024-01-01');
    expect(cub).toMatchObject({
      status: 'bound',
      signature: { signedOn: '2019-05-22', kind: 'simple', signatory: { name: 'Minister of CUB', title: 'Minister' }, place: 'Havana', eventId: IDS.cubSigned },
      consent: { kind: 'ratification', depositedOn: '2019-11-01', domesticActOn: '2019-10-15', eventId: IDS.cubRatified },
      reservations: [{ kind: 'declaration', madeOn: '2019-05-22', madeAt: 'signature', text: 'CUB reserves article 5.' }],
      boundOn: '2019-11-01',
    });
    const jam = presentParticipant(rows.get('JAM')!, notInForce, '2024-01-01');
    expect(jam).toMatchObject({ status: 'signatory', signature: { signedOn: '2019-05-22' }, reservations: [{ kind: 'reservation' }] });
    // as at a date before the deposit, Cuba was a signatory only
    expect(presentParticipant(rows.get('CUB')!, notInForce, '2019-06-01')).toMatchObject({ status: 'signatory', consent: null });
  });

  it('gives per-party entry into force: the instrument date, or the later consent, and shows withdrawal', async () => {
    const { log, ids } = treatyStory();
    log.instrument(TREATY, ev.consent('VGB', '2021-03-01', 'accession'));
    log.instrument(TREATY, ev.withdrawal('CUB', '2022-01-10', '2023-01-10'));
    log.instrument(TREATY, ev.corrected(ids.cubRatified, 'ConsentDeposited.v1', { domesticActOn: null }));
    const rows = await rowsAfter(log);
    const inForce = { status: 'in-force', date: '2020-06-01', rule: 'x' } as const;
    expect(presentParticipant(rows.get('CUB')!, inForce, '2022-06-01')).toMatchObject({
      status: 'bound',
      consent: { domesticActOn: null },
      withdrawal: { notifiedOn: '2022-01-10', effectiveOn: '2023-01-10' },
      entryIntoForce: '2020-06-01',
    });
    expect(presentParticipant(rows.get('CUB')!, inForce, '2023-06-01').status).toBe('withdrawn');
    expect(presentParticipant(rows.get('VGB')!, inForce, '2022-06-01')).toMatchObject({ status: 'bound', consent: { kind: 'accession' }, entryIntoForce: '2021-03-01' });
    expect(presentParticipant(rows.get('JAM')!, inForce, '2022-06-01').entryIntoForce).toBeNull();
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
    await expectReplayChangesNothing(participationProjection, treatyStory().log.events);
  });
});
