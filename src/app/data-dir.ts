import { DataDirPermissionError, assertPrivateDataDir, looseEntries, tightenTree } from '../kernel/db/data-dir-permissions';
import { lockDataDir } from '../kernel/db/data-dir-lock';

/**
 * Before the database opens: the data directory is private (created 0700, refused when others can
 * enter it) and, on PGlite, locked against a second process. Returns the lock's release.
 */
export const prepareDataDir = (dataDir: string, embedded: boolean): (() => void) => {
  assertPrivateDataDir(dataDir);
  return embedded ? lockDataDir(dataDir) : () => undefined;
};

/**
 * After the database opens: every file under the data directory is 0600 and every folder 0700
 * (PGlite writes its initial cluster as 0666); refuses when that cannot be made so.
 */
export const sealDataDir = (dataDir: string): number => {
  const changed = tightenTree(dataDir);
  const loose = looseEntries(dataDir);
  if (loose.length) {
    throw new DataDirPermissionError(`数据目录中有 ${loose.length} 个文件或目录无法收紧为仅属主可读写（如 ${loose[0]}）：请检查属主后执行 chmod -R go-rwx ${dataDir}`);
  }
  return changed;
};
