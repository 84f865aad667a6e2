import { join } from 'node:path';
import { environment, type Env } from '#libs/config';
import { TreeHeadSigner } from '#libs/integrity';

export interface IntegrityConfig {
  /** The tree beside the log. */
  readonly treeFile: string;
  readonly signer: () => TreeHeadSigner;
  readonly headIntervalMs: number;
}

export const INTEGRITY_TREE_FILE = 'integrity.sqlite';
export const INTEGRITY_KEY_FILE = 'integrity-signing-key.pem';

/** INTEGRITY_SIGNING_KEY, else a key generated into DATA_DIR on first start (and kept there). */
export const integrityConfigFromEnv = (env: Env = process.env): IntegrityConfig => {
  const config = environment(env);
  const dataDir = config.get('DATA_DIR');
  const key = config.get('INTEGRITY_SIGNING_KEY');
  return {
    treeFile: join(dataDir, INTEGRITY_TREE_FILE),
    signer: () => (key ? TreeHeadSigner.fromText(key) : TreeHeadSigner.fromFile(join(dataDir, INTEGRITY_KEY_FILE))),
    headIntervalMs: config.get('INTEGRITY_HEAD_INTERVAL_MS'),
  };
};
