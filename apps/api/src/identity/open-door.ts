import type { INestApplicationContext } from '@nestjs/common';
import { EVENT_STORE, START, type EventStore } from '#libs/event-store';
import { Projector, ReadModelQueries } from '#libs/read-models';
import { OIDC_CONFIG } from './oidc/oidc-sign-in.http.controller.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * Why the service must not listen on this address, or null. On loopback anything goes (a developer's
 * machine); beyond it, an administrator account or an identity provider must exist first.
 */
export const openDoorProblem = async (app: INestApplicationContext, host: string): Promise<string | null> => {
  if (LOOPBACK.test(host)) return null;
  if (app.get(OIDC_CONFIG, { strict: false })) return null;
  // The accounts are read from their read model: let it catch up with the log first.
  const head = await app.get<EventStore>(EVENT_STORE, { strict: false }).headPosition();
  if (head !== START) await app.get(Projector, { strict: false }).waitFor(head, 60_000);
  const accounts = await app.get(ReadModelQueries, { strict: false }).accounts({ pageSize: 200 });
  if (accounts.items.some((a) => a.status === 'active' && a.roles.includes('admin'))) return null;
  return (
    `HOST=${host} would open the service to the network with nobody to administer it: ` +
    'set INITIAL_ADMIN_USERNAME and INITIAL_ADMIN_PASSWORD (or run npm run users -- add <name> --role admin), ' +
    'or configure an identity provider (OIDC_ISSUER…), then start again.'
  );
};
