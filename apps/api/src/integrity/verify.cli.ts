// `npm run verify` on the configured store (DATA_DIR, EVENT_STORE): see verify.command.ts.
import { verifyCommand } from './verify.command.js';

const { exitCode } = await verifyCommand(process.env, { print: (line) => console.log(line) });
process.exit(exitCode);
