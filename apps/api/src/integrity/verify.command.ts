/**
 * `npm run verify`: the whole log against its tree and every signed head (see verifyLog), and with the
 * embedded store SQLite's own check of the file's structure first. Exit code 0 when everything matches,
 * 1 naming the first position that does not.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createEventStore, eventStoreConfigFromEnv } from '#libs/event-store/adapters';
import { MerkleTreeStore, verifyLog, type VerifyReport } from '#libs/integrity';
import type { Env } from '#libs/config';
import { progressBar } from '../common/progress-bar.js';
import { integrityConfigFromEnv } from './integrity.config.js';

export interface VerifyCommandResult {
  readonly exitCode: number;
  readonly report: VerifyReport | null;
  readonly lines: readonly string[];
}

export async function verifyCommand(env: Env, options: { quiet?: boolean; print?: (line: string) => void } = {}): Promise<VerifyCommandResult> {
  const lines: string[] = [];
  const print = (line: string) => {
    lines.push(line);
    options.print?.(line);
  };
  const storeConfig = eventStoreConfigFromEnv(env);
  const { treeFile } = integrityConfigFromEnv(env);
  if (!existsSync(treeFile)) {
    print(`No tree at ${treeFile}: start the service once on this store to build it.`);
    return { exitCode: 1, report: null, lines };
  }
  if (storeConfig.kind === 'embedded') {
    if (!existsSync(storeConfig.file)) {
      print(`No embedded store at ${storeConfig.file}.`);
      return { exitCode: 1, report: null, lines };
    }
    const db = new Database(storeConfig.file, { readonly: true, fileMustExist: true });
    try {
      const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check).filter((line) => line !== 'ok');
      if (problems.length > 0) print(`SQLite finds the file damaged: ${problems.slice(0, 5).join('; ')}`);
    } catch (error) {
      print(`SQLite cannot check the file: ${(error as Error).message}`);
    } finally {
      db.close();
    }
  }
  const store = await createEventStore(storeConfig);
  const tree = new MerkleTreeStore({ file: treeFile, readonly: true });
  const bar = progressBar('verify', options.quiet);
  try {
    bar.start(tree.size);
    const report = await verifyLog({ store, tree, onProgress: (done) => bar.update(done) });
    bar.stop();
    if (report.mismatch) {
      const { position, index, reason } = report.mismatch;
      print(`MISMATCH at position ${position ?? '?'} (event ${index + 1} of the log): ${reason}`);
      return { exitCode: 1, report, lines };
    }
    if (lines.length > 0) return { exitCode: 1, report, lines };
    print(`OK: ${report.checked} events match their leaves, ${report.headsChecked} signed heads verify (tree of ${report.treeSize}${report.unsequenced ? `; ${report.unsequenced} events appended since, not yet in the tree` : ''}); ${bar.rate(report.checked)} events/s.`);
    return { exitCode: 0, report, lines };
  } finally {
    bar.stop();
    tree.close();
    await store.close();
  }
}
