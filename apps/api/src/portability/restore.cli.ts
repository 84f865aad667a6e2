// npm run restore -- <backup directory>: a backup into an empty DATA_DIR (the service stopped).
import { restoreCommand } from './portability.commands.js';

const [backup] = process.argv.slice(2);
if (!backup) {
  console.error('usage: npm run restore -- <backup directory>');
  process.exit(2);
}
process.exit((await restoreCommand(process.env, backup, { print: (line) => console.log(line) })).exitCode);
