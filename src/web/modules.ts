/// <reference types="vite/client" />
// The business modules whose pages the shell mounts (under `/<key>/…`): every module folder's
// ui/index.ts, found at build time, so adding a module edits nothing here. The shell still shows only
// what the server deploys: menu entries come from the server (GET /api/auth/me → menu).
import type { ModuleUi } from './kit/module-ui';

const isModuleUi = (value: unknown): value is ModuleUi =>
  typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string' && Array.isArray((value as { routes?: unknown }).routes);

const found = import.meta.glob<Record<string, unknown>>('../modules/*/ui/index.ts', { eager: true });

/** Each module's ModuleUi (the one export of its ui/index.ts that is one), in folder order. */
export const MODULE_UIS: readonly ModuleUi[] = Object.entries(found)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, exports]) => {
    const folder = path.split('/')[2];
    const uis = Object.values(exports).filter(isModuleUi);
    if (uis.length !== 1 || uis[0]!.key !== folder) throw new Error(`${path} 应导出且仅导出一个键为 ${folder} 的 ModuleUi`);
    return uis[0]!;
  });
