/**
 * 数据目录权限 (等保 三级): the database files, uploads and master key under DATA_DIR are readable by the
 * platform's account only — the directory is created 0700, an existing one others can enter is refused
 * with the command that fixes it, and the 0666 files PGlite writes are tightened to 0600 at start.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../kernel/db/client';
import { DataDirPermissionError, looseEntries } from '../kernel/db/data-dir-permissions';
import { prepareDataDir, sealDataDir } from './data-dir';

const mode = (p: string) => statSync(p).mode & 0o777;

describe('数据目录权限', () => {
  const root = mkdtempSync(join(tmpdir(), 'fz-datadir-'));
  const umask = process.umask();
  after(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  test('新数据目录建为 0700；PGlite 写出的文件启动后收紧为 0600、目录 0700', async () => {
    const dataDir = join(root, 'fresh');
    const release = prepareDataDir(dataDir, true);
    try {
      assert.equal(mode(dataDir), 0o700);
      const database = await openDatabase({ pgliteDir: join(dataDir, 'pgdata') });
      await database.db.execute('create table t (x int)');
      await database.close();
      // What PGlite leaves behind before the platform seals the directory (this is what 等保 testing found).
      assert.ok(looseEntries(dataDir).length > 100, '预期 PGlite 初始文件为 0666');
      const changed = sealDataDir(dataDir);
      assert.ok(changed > 100);
      assert.deepEqual(looseEntries(dataDir), []);
      assert.equal(mode(join(dataDir, 'pgdata', 'PG_VERSION')), 0o600);
      assert.equal(mode(join(dataDir, 'pgdata', 'base')), 0o700);
    } finally {
      release();
    }
  });

  test('已有数据目录允许他人进入（0755）：拒绝启动，并给出修复命令', () => {
    const dataDir = join(root, 'open');
    prepareDataDir(dataDir, false);
    chmodSync(dataDir, 0o755);
    assert.throws(
      () => prepareDataDir(dataDir, true),
      (err: unknown) => err instanceof DataDirPermissionError && /0755/.test(err.message) && err.message.includes(`chmod -R go-rwx ${dataDir}`),
    );
  });

  test('目录本身私有、内部残留 0666 文件（旧版本写出的）：启动时收紧', () => {
    const dataDir = join(root, 'legacy');
    prepareDataDir(dataDir, false);
    const file = join(dataDir, 'old.dat');
    writeFileSync(file, 'x');
    chmodSync(file, 0o666);
    assert.equal(sealDataDir(dataDir), 1);
    assert.equal(mode(file), 0o600);
  });

  test('进程 umask 为 077：之后新建的文件他人不可读', () => {
    const dataDir = join(root, 'umask');
    prepareDataDir(dataDir, false);
    const file = join(dataDir, 'new.txt');
    writeFileSync(file, 'x');
    assert.equal(mode(file), 0o600);
  });
});
