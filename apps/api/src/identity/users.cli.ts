/**
 * `npm run users -- <command>`: accounts without code, on the configured store.
 *
 *   add <username> --name "Display name" --role legal-officer[,depositary] [--party CUB] [--generate]
 *   grant <username> --role reviewer [--party KNA]       revoke <username> --role reviewer [--party KNA]
 *   disable <username> [--reason "…"]                     enable <username>
 *   password <username> [--generate]                      list
 *   token <username> --label "nightly export" [--days 90] [--role donor]
 *
 * A password is asked for (not echoed) unless --generate, which prints a generated one once.
 */
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { generatePassword, isRole, type Role } from '#libs/identity';
import { ReadModelQueries } from '#libs/read-models';
import { AppModule } from '../app.module.js';
import { AccountsService, SYSTEM_PRINCIPAL } from './accounts.service.js';

const USAGE = 'usage: npm run users -- add|grant|revoke|disable|enable|password|list|token <username> [--name …] [--role a,b] [--party CUB] [--label …] [--days N] [--generate]';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    role: { type: 'string', multiple: true },
    party: { type: 'string', multiple: true },
    reason: { type: 'string' },
    label: { type: 'string' },
    days: { type: 'string' },
    generate: { type: 'boolean' },
  },
});
const [command, username] = positionals;
const list = (items: string[] | undefined) => (items ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
const roles = list(values.role);
const unknownRole = roles.find((r) => !isRole(r));
if (!command || (command !== 'list' && !username) || unknownRole) {
  console.error(unknownRole ? `Unknown role ${unknownRole}.` : USAGE);
  process.exit(2);
}

/** Asks for a password without echoing it (or reads a line from a pipe). */
const askPassword = async (): Promise<string> => {
  if (values.generate) {
    const password = generatePassword();
    console.log(`Password (shown once): ${password}`);
    return password;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  // On a terminal, echo the prompt only, not the characters typed (readline has no option for it).
  if (process.stdin.isTTY) (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => s.includes('Password') && process.stdout.write(s);
  const answer = await new Promise<string>((resolve) => rl.question('Password (at least 12 characters): ', resolve));
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return answer;
};

process.env.DEMO_DATA = 'off';
const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
const accounts = app.get(AccountsService);
const by = { ...SYSTEM_PRINCIPAL, accountId: 'users-cli', displayName: 'Command line (npm run users)' };
const parties = list(values.party).map((p) => p.toUpperCase());
try {
  switch (command) {
    case 'add': {
      const password = await askPassword();
      await accounts.openLocal({ username: username!, displayName: values.name ?? username!, roles: roles as Role[], parties, password }, by);
      console.log(`Opened ${username} (${roles.join(', ')}${parties.length ? ` for ${parties.join(', ')}` : ''}).`);
      break;
    }
    case 'grant':
    case 'revoke': {
      const state = await accounts.execute(username!, { type: command === 'grant' ? 'GrantRoles' : 'RevokeRoles', data: { roles: roles as Role[], parties } }, by);
      if (state.status !== 'none') console.log(`${username}: ${state.roles.join(', ')}${state.parties.length ? ` for ${state.parties.join(', ')}` : ''}.`);
      break;
    }
    case 'disable':
      await accounts.execute(username!, { type: 'DisableAccount', data: { reason: values.reason ?? '' } }, by);
      console.log(`Disabled ${username}: its sessions and tokens no longer work.`);
      break;
    case 'enable':
      await accounts.execute(username!, { type: 'EnableAccount', data: {} }, by);
      console.log(`Enabled ${username}.`);
      break;
    case 'password':
      await accounts.setPassword(username!, await askPassword(), by);
      console.log(`New password set for ${username}; its sessions ended.`);
      break;
    case 'list': {
      const page = await app.get(ReadModelQueries).accounts({ pageSize: 200 });
      for (const a of page.items) console.log(`${a.username.padEnd(24)} ${a.status.padEnd(8)} ${a.roles.join(',')}${a.parties.length ? ` ${a.parties.join(',')}` : ''}  ${a.displayName}`);
      console.log(`${page.total} accounts.`);
      break;
    }
    case 'token': {
      const days = Number(values.days ?? 90);
      const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
      const issued = await accounts.issueToken(username!, { label: values.label ?? 'command line', roles: roles.length ? (roles as Role[]) : null, expiresAt }, by);
      console.log(`Token for ${username} (${issued.roles.join(', ')}; expires ${issued.expiresAt}), shown once:\n${issued.token}`);
      break;
    }
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await app.close();
}
