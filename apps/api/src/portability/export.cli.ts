// npm run export -- <file.ndjson>: the whole log as NDJSON (see libs/portability/src/log-export.ts).
import { exportCommand } from './portability.commands.js';

const [out] = process.argv.slice(2);
if (!out) {
  console.error('usage: npm run export -- <file.ndjson>');
  process.exit(2);
}
process.exit((await exportCommand(process.env, out, { print: (line) => console.log(line) })).exitCode);
