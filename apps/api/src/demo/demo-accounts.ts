import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePassword, type Role } from '#libs/identity';
import { AccountsService, SYSTEM_PRINCIPAL } from '../identity/accounts.service.js';

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly parties: readonly string[];
}

/** One account per role, and focal points for Cuba and for Saint Kitts and Nevis (illustrative names). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: 'Administrator (demonstration)', role: 'admin', parties: [] },
  { username: 'legal.officer', displayName: 'Legal Officer, CCLEC Permanent Secretariat (demonstration)', role: 'legal-officer', parties: [] },
  { username: 'depositary', displayName: 'Depositary Officer, CCLEC Permanent Secretariat (demonstration)', role: 'depositary', parties: [] },
  { username: 'acis.ioc', displayName: 'ACIS Implementation and Oversight Committee (demonstration)', role: 'reviewer', parties: [] },
  { username: 'donor', displayName: 'Donor programme officer (demonstration)', role: 'donor', parties: [] },
  { username: 'cub.focal.point', displayName: 'Focal point, Cuba (demonstration)', role: 'member-state', parties: ['CUB'] },
  { username: 'kna.focal.point', displayName: 'Focal point, Saint Kitts and Nevis (demonstration)', role: 'member-state', parties: ['KNA'] },
];

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

/**
 * Opens the demonstration accounts that do not exist yet, with generated passwords, and writes those to
 * DATA_DIR/demo-accounts.json (owner-only). Returns the accounts opened (their passwords shown once).
 */
export const openDemoAccounts = async (accounts: AccountsService, dataDir: string) => {
  const opened: { username: string; password: string; role: Role; parties: readonly string[] }[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if ((await accounts.account(account.username)).status !== 'none') continue;
    const password = generatePassword();
    await accounts.openLocal({ username: account.username, displayName: account.displayName, roles: [account.role], parties: account.parties, password }, SYSTEM_PRINCIPAL);
    opened.push({ username: account.username, password, role: account.role, parties: account.parties });
  }
  if (opened.length) writeFileSync(join(dataDir, DEMO_ACCOUNTS_FILE), `${JSON.stringify(opened, null, 2)}\n`, { mode: 0o600 });
  return opened;
};
