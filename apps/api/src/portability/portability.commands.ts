/**
 * The commands behind npm run export, import, backup, restore and migrate, on the configured store (DATA_DIR,
 * EVENT_STORE); each answers an exit code and prints what it did. The CLIs only parse their arguments.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createEventStore, eventStoreConfigFromEnv, SqliteEventStore } from '#libs/event-store/adapters';
import type { EventStore } from '#libs/event-store';
import { environment, type Env } from '#libs/config';
import { backupDataDir, checkExport, exportLines, importLog, ImportRefusedError, logRoot, migrateLog, restoreDataDir } from '#libs/portability';
import { progressBar } from '../common/progress-bar.js';

export interface CommandOptions {
  readonly quiet?: boolean;
  readonly print?: (line: string) => void;
}

export interface CommandResult {
  readonly exitCode: number;
  readonly lines: readonly string[];
}

const printer = (options: CommandOptions) => {
  const lines: string[] = [];
  return {
    lines,
    print: (line: string) => {
      lines.push(line);
      options.print?.(line);
    },
  };
};

const countEvents = async (store: EventStore): Promise<number> => {
  const head = await store.headPosition();
  // the embedded store's positions count its events; elsewhere the bar's total grows as it goes
  return store instanceof SqliteEventStore && head !== 'start' ? Number(head) : 0;
};

export async function exportCommand(env: Env, out: string, options: CommandOptions = {}): Promise<CommandResult> {
  const { lines, print } = printer(options);
  const store = await createEventStore(eventStoreConfigFromEnv(env));
  const bar = progressBar('export', options.quiet);
  try {
    bar.start(await countEvents(store));
    const file = createWriteStream(out, { flags: 'wx' });
    let events = 0;
    for await (const chunk of exportLines(store, { onProgress: (n) => bar.update((events = n)) })) {
      if (!file.write(chunk)) await once(file, 'drain');
    }
    file.end();
    await once(file, 'finish');
    bar.stop();
    print(`Exported ${events} events to ${out} (${bar.rate(events)} events/s).`);
    return { exitCode: 0, lines };
  } finally {
    bar.stop();
    await store.close();
  }
}

export async function importCommand(env: Env, file: string, options: CommandOptions = {}): Promise<CommandResult> {
  const { lines, print } = printer(options);
  let summary;
  try {
    summary = await checkExport(file);
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    print(`Refused: ${error.message}. Nothing was imported.`);
    return { exitCode: 1, lines };
  }
  const store = await createEventStore(eventStoreConfigFromEnv(env));
  const bar = progressBar('import', options.quiet);
  try {
    bar.start(summary.events);
    await importLog(store, file, { window: store instanceof SqliteEventStore ? 256 : 1, onProgress: (n) => bar.update(n) });
    bar.stop();
    print(`Imported ${summary.events} events in ${summary.streams} streams (${bar.rate(summary.events)} events/s).`);
    return { exitCode: 0, lines };
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    print(`Refused: ${error.message}. Nothing was imported.`);
    return { exitCode: 1, lines };
  } finally {
    bar.stop();
    await store.close();
  }
}

export async function backupCommand(env: Env, destination: string, options: CommandOptions = {}): Promise<CommandResult> {
  const { lines, print } = printer(options);
  const { files } = await backupDataDir(environment(env).get('DATA_DIR'), destination);
  print(`Backed up ${files.join(', ')} to ${destination}.`);
  return { exitCode: 0, lines };
}

export async function restoreCommand(env: Env, backup: string, options: CommandOptions = {}): Promise<CommandResult> {
  const { lines, print } = printer(options);
  const dataDir = environment(env).get('DATA_DIR');
  const { files } = await restoreDataDir(backup, dataDir);
  print(`Restored ${files.join(', ')} into ${dataDir}; npm run verify checks it.`);
  return { exitCode: 0, lines };
}

/** esdb://… or esdb+discover://…: EventStoreDB; sqlite:<file> or a file ending in .sqlite: another embedded store. */
export const storeFor = async (to: string): Promise<EventStore> => {
  if (/^esdb(\+discover)?:\/\//.test(to)) {
    const { EsdbEventStore } = await import('#libs/event-store/esdb');
    return new EsdbEventStore({ connectionString: to });
  }
  if (to.startsWith('sqlite:')) return new SqliteEventStore({ file: to.slice('sqlite:'.length) });
  if (to.endsWith('.sqlite')) return new SqliteEventStore({ file: to });
  throw new Error(`--to ${to}: give an EventStoreDB connection string (esdb://…) or sqlite:<file>`);
};

export async function migrateCommand(env: Env, to: string, options: CommandOptions & { stopAfter?: number } = {}): Promise<CommandResult> {
  const { lines, print } = printer(options);
  const source = await createEventStore(eventStoreConfigFromEnv(env));
  const target = await storeFor(to);
  const checkpointFile = join(environment(env).get('DATA_DIR'), `migration-${Buffer.from(to).toString('base64url').slice(0, 60)}.json`);
  const bar = progressBar('migrate', options.quiet);
  try {
    bar.start(await countEvents(source));
    const summary = await migrateLog({ source, target, checkpointFile, onProgress: (n) => bar.update(n), ...(options.stopAfter !== undefined ? { stopAfter: options.stopAfter } : {}) });
    bar.stop();
    const resumed = summary.resumedAfter ? ` (resumed after position ${summary.resumedAfter})` : '';
    if (!summary.done) {
      print(`Copied ${summary.copied} events${resumed}; interrupted: run it again to carry on.`);
      return { exitCode: 2, lines };
    }
    const [from, copy] = await Promise.all([logRoot(source), logRoot(target)]);
    const same = from.size === copy.size && from.root.equals(copy.root);
    print(`Copied ${summary.copied} events${resumed}. Tree head: source ${from.size} ${from.root.toString('base64')}, target ${copy.size} ${copy.root.toString('base64')}${same ? ': the same' : ': DIFFERENT'}.`);
    return { exitCode: same ? 0 : 1, lines };
  } finally {
    bar.stop();
    await Promise.all([source.close(), target.close()]);
  }
}
