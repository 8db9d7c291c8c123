import { join } from 'node:path';
import { loadConfig } from '../config';
import { openDatabase, runMigrations, type Database } from '../../kernel/db/client';
import { prepareDataDir, sealDataDir } from '../data-dir';
import { redactMessage } from '../../kernel/errors/log-redaction';
import { loadKeyStore, type KeyStore } from '../../kernel/crypto/key-store';
import { MIGRATIONS_DIR } from '../platform';

/** Opens the configured database for a maintenance command (taking the PGlite data-directory lock). */
export const openForCli = async (): Promise<{ database: Database; keys: KeyStore; release: () => void }> => {
  const config = loadConfig();
  const release = prepareDataDir(config.dataDir, !config.databaseUrl);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pgdata') });
  await runMigrations(database, MIGRATIONS_DIR);
  sealDataDir(config.dataDir);
  return { database, keys: loadKeyStore(join(config.dataDir, 'keys', 'master.key')), release };
};

/** Runs a CLI body and turns any failure into one clear line and exit code 1. */
export const runCli = (body: () => Promise<number>): void => {
  body().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`失败：${redactMessage((err as Error).message ?? String(err))}`);
      process.exit(1);
    },
  );
};
