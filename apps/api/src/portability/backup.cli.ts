// npm run backup -- <new directory>: a consistent copy of DATA_DIR while the service runs.
import { backupCommand } from './portability.commands.js';

const [destination] = process.argv.slice(2);
if (!destination) {
  console.error('usage: npm run backup -- <new directory>');
  process.exit(2);
}
process.exit((await backupCommand(process.env, destination, { print: (line) => console.log(line) })).exitCode);
