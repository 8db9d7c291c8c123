import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when the data directory could be read or changed by another account on the machine. */
export class DataDirPermissionError extends Error {}

const octal = (mode: number): string => (mode & 0o777).toString(8).padStart(4, '0');

/**
 * 数据目录权限 (等保 三级: the database files, uploaded files and the master key are readable by the
 * platform's own account only). Creates the directory 0700 when absent; refuses an existing one that
 * others can enter or that belongs to another account, naming the command that fixes it. Everything
 * the process creates afterwards is private too: the process umask becomes 077.
 */
export const assertPrivateDataDir = (dataDir: string): void => {
  process.umask(0o077);
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const st = statSync(dataDir);
  if (!st.isDirectory()) throw new DataDirPermissionError(`数据目录 ${dataDir} 不是目录`);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw new DataDirPermissionError(`数据目录 ${dataDir} 属于其他账号（uid ${st.uid}），平台以 uid ${uid} 运行：请以数据目录的属主启动，或执行 chown -R ${uid} ${dataDir}`);
  }
  if (st.mode & 0o077) {
    throw new DataDirPermissionError(
      `数据目录 ${dataDir} 的权限为 ${octal(st.mode)}，本机其他账号可以读取或修改数据库文件：请执行 chmod -R go-rwx ${dataDir} 后重新启动`,
    );
  }
};

/**
 * Removes group and other permission bits under `dir` (files become at most 0600, folders 0700) and
 * returns how many entries it changed. PGlite copies its initial cluster out as 0666 files whatever
 * the umask, so the platform tightens its data directory after opening it.
 */
export const tightenTree = (dir: string): number => {
  if (!existsSync(dir)) return 0;
  let changed = 0;
  const visit = (path: string): void => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) {
      chmodSync(path, st.mode & 0o700);
      changed += 1;
    }
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return changed;
};

/** Entries under `dir` that another account could read or write (for the start-up check and tests). */
export const looseEntries = (dir: string): string[] => {
  const out: string[] = [];
  const visit = (path: string): void => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) out.push(`${path}（${octal(st.mode)}）`);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  if (existsSync(dir)) visit(dir);
  return out;
};
