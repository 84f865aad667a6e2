// npm run migrate -- --to <connection string>: the configured log copied to another store, resumable.
import { parseArgs } from 'node:util';
import { migrateCommand } from './portability.commands.js';

const { values } = parseArgs({ options: { to: { type: 'string' } } });
if (!values.to) {
  console.error('usage: npm run migrate -- --to esdb://host:2113?tls=false   (or sqlite:<file> for another embedded store)');
  process.exit(2);
}
process.exit((await migrateCommand(process.env, values.to, { print: (line) => console.log(line) })).exitCode);
