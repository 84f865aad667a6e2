/**
 * A consistent copy of an embedded data directory while the service runs: each SQLite file through SQLite's
 * online backup API (the copy is of one committed state, writes carry on meanwhile), the tree before the log
 * so that the copied tree is never ahead of the copied log, and the keys as files. A restore puts the copy in
 * place of an empty (or missing) data directory; the service then sequences whatever the tree lacks.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** In the order they are copied: the tree, then the log; the accounts beside them. */
export const DATABASE_FILES = ['integrity.sqlite', 'events.sqlite', 'identity.sqlite'] as const;
export const KEY_FILES = ['integrity-signing-key.pem', 'session-secret'] as const;

export interface BackupSummary {
  readonly files: readonly string[];
}

const backupFile = async (source: string, destination: string): Promise<void> => {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // After the first step, everything left in one step: a copy of one state even while another process writes.
    await db.backup(destination, { progress: () => 1 << 30 });
  } finally {
    db.close();
  }
};

export async function backupDataDir(dataDir: string, destination: string): Promise<BackupSummary> {
  if (!existsSync(join(dataDir, 'events.sqlite'))) throw new Error(`no embedded store in ${dataDir}`);
  mkdirSync(destination, { recursive: true });
  if (readdirSync(destination).length > 0) throw new Error(`${destination} is not empty: a backup goes into a new directory`);
  const files: string[] = [];
  for (const name of DATABASE_FILES) {
    if (!existsSync(join(dataDir, name))) continue;
    await backupFile(join(dataDir, name), join(destination, name));
    files.push(name);
  }
  for (const name of KEY_FILES) {
    if (!existsSync(join(dataDir, name))) continue;
    copyFileSync(join(dataDir, name), join(destination, name));
    files.push(name);
  }
  return { files };
}

export async function restoreDataDir(backup: string, dataDir: string): Promise<BackupSummary> {
  if (!existsSync(join(backup, 'events.sqlite'))) throw new Error(`${backup} holds no events.sqlite: not a backup`);
  if (existsSync(join(dataDir, 'events.sqlite'))) throw new Error(`${dataDir} already holds a store: restore into an empty data directory`);
  mkdirSync(dataDir, { recursive: true });
  const files: string[] = [];
  for (const name of [...DATABASE_FILES, ...KEY_FILES]) {
    if (!existsSync(join(backup, name))) continue;
    copyFileSync(join(backup, name), join(dataDir, name));
    files.push(name);
  }
  return { files };
}
