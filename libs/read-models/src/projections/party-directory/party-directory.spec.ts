import { EventLog, project } from '../../testing/event-log.js';
import { expectReplayChangesNothing } from '../../testing/replay-check.js';
import { ev } from '../../testing/story.js';
import { PARTY_DIRECTORY, partyDirectoryProjection, type PartyDoc } from './party-directory.projection.js';

describe('party directory projection', () => {
  const log = () => {
    const l = new EventLog();
    l.party(ev.registered('JAM', 'Jamaica'));
    l.party(ev.registered('CCLEC', 'Caribbean Customs Law Enforcement Council', 'organisation'));
    l.party({ type: 'PartyRenamed.v1', data: { code: 'JAM', name: 'Jamaica (Customs Agency)' } });
    l.instrument('8b0c8a4e-0000-4000-8000-000000000001', ev.created()); // not a party event
    return l;
  };

  it('lists registered parties with their current name and kind', async () => {
    const store = await project(log().events, [partyDirectoryProjection]);
    const parties = await store.collection<PartyDoc>(PARTY_DIRECTORY).find({}, { sort: { code: 1 } });
    expect(parties.map(({ code, name, kind }) => ({ code, name, kind }))).toEqual([
      { code: 'CCLEC', name: 'Caribbean Customs Law Enforcement Council', kind: 'organisation' },
      { code: 'JAM', name: 'Jamaica (Customs Agency)', kind: 'state' },
    ]);
    expect(parties[0]!.registeredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('replaying the events changes nothing', async () => {
    await expectReplayChangesNothing(partyDirectoryProjection, log().events);
  });
});
