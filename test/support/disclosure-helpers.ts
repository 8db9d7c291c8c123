/**
 * Helpers for the disclosure module's tests: moving the test clock to a day (sessions expire when the
 * clock jumps, so clients sign in again), reading entries of a .docx/.xlsx (zip) file, and counting
 * rows through SQL.
 */
import { inflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/kernel/db/client';
import type { TestClient, TestWorld } from './test-platform';

/** Sets the clock to 09:00 (Asia/Shanghai) of `day` and signs the given users in afresh. */
export const loginAt = async (world: TestWorld, day: string, ...usernames: string[]): Promise<TestClient[]> => {
  world.clock.set(`${day}T09:00:00`);
  const clients: TestClient[] = [];
  for (const u of usernames) clients.push(await world.login(u));
  return clients;
};

/** Same as loginAt for one user. */
export const loginOneAt = async (world: TestWorld, day: string, username: string): Promise<TestClient> => (await loginAt(world, day, username))[0]!;

/**
 * The uncompressed content of one entry of a zip archive (a .docx or .xlsx), read through the central
 * directory; `undefined` when there is no such entry.
 */
export const readZipEntry = (zip: Buffer, name: string): Buffer | undefined => {
  // End of central directory: signature 0x06054b50, at least 22 bytes from the end.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i -= 1) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('不是 zip 文件：找不到中央目录结尾');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n += 1) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('zip 中央目录损坏');
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const entryName = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (entryName === name) {
      const localNameLen = zip.readUInt16LE(localOffset + 26);
      const localExtraLen = zip.readUInt16LE(localOffset + 28);
      const start = localOffset + 30 + localNameLen + localExtraLen;
      const data = zip.subarray(start, start + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`不支持的 zip 压缩方法 ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
};

/** Row counts of tables, by name. */
export const countRows = async (world: TestWorld, tables: readonly string[]): Promise<Record<string, number>> => {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from ${sql.identifier(t)}`);
    out[t] = Number(row!.n);
  }
  return out;
};

/** An md5 digest of every row of each table (any insert, update or delete changes it). */
export const tableDigests = async (world: TestWorld, tables: readonly string[]): Promise<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [row] = await queryRows<{ d: string | null; n: number }>(
      world.platform.services.db,
      sql`select md5(coalesce(string_agg(x.t, '|' order by x.t), '')) as d, count(*)::int as n from (select (r.*)::text as t from ${sql.identifier(t)} r) x`,
    );
    out[t] = `${row!.n}:${row!.d}`;
  }
  return out;
};

/** Whether a string contains Chinese characters. */
export const hasCjk = (s: unknown): boolean => typeof s === 'string' && /[\u4e00-\u9fff]/.test(s);
