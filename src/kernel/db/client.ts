import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { AppError } from '../errors/app-error';

/** The drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; it offers the same query API as `Db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'pg';
  /** The PGlite instance, when embedded (for dumps and backups). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory, or `memory://`. */
  pgliteDir?: string;
  /** A PGlite data-directory dump to start from (tests load a prepared template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

/** Opens PGlite (default) or a PostgreSQL pool and returns a drizzle handle over it. */
export const openDatabase = async (opts: OpenDatabaseOptions): Promise<Database> => {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process.
    pool.on('error', (err) => console.error('数据库连接错误:', err.message));
    try {
      const client = await pool.connect();
      client.release();
    } catch (cause) {
      await pool.end().catch(() => undefined);
      throw new AppError('UNAVAILABLE', `无法连接数据库 DATABASE_URL：${(cause as Error).message}`, { cause });
    }
    const db = drizzlePg(pool, { casing: 'snake_case' }) as unknown as Db;
    return { db, kind: 'pg', close: () => pool.end() };
  }
  const client = new PGlite(opts.pgliteDir ?? 'memory://', opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  await client.waitReady;
  const db = drizzlePglite(client, { casing: 'snake_case' }) as unknown as Db;
  return { db, kind: 'pglite', pglite: client, close: () => client.close() };
};

/** Applies the committed drizzle migrations from `migrationsFolder`. */
export const runMigrations = async (database: Database, migrationsFolder: string): Promise<void> => {
  if (database.kind === 'pg') {
    await migratePg(database.db as never, { migrationsFolder });
  } else {
    await migratePglite(database.db as never, { migrationsFolder });
  }
};

/** Runs raw SQL and returns its rows, hiding the result shape difference between the drivers. */
export const queryRows = async <T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> => {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
};

export { sql };
