// npm run import -- <file.ndjson>: an export into the configured, empty store (see libs/portability/src/log-import.ts).
import { importCommand } from './portability.commands.js';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run import -- <file.ndjson>');
  process.exit(2);
}
process.exit((await importCommand(process.env, file, { print: (line) => console.log(line) })).exitCode);
