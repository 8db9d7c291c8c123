// A tiny per-session cache of GET results that rarely change (org tree, roles, permissions).
const entries = new Map<string, Promise<unknown>>();

/** The cached promise for `key`, loading it once; a failed load is forgotten so it can be retried. */
export const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
  const hit = entries.get(key);
  if (hit) return hit as Promise<T>;
  const p = load();
  entries.set(key, p);
  p.catch(() => entries.delete(key));
  return p;
};

/** Forgets one key, or everything (on login / logout). */
export const clearCache = (key?: string): void => {
  if (key) entries.delete(key);
  else entries.clear();
};
