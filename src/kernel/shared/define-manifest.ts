import type { MachineDef } from './define-machine';

export interface MenuEntry {
  path: string;
  label: string;
  permission: string;
  icon?: string;
}

/** The universal (browser-safe) declaration of a module: labels, permissions, menu and machines. */
export interface Manifest {
  key: string;
  label: string;
  /** Permission code (without module prefix) → Chinese label. */
  permissions: Record<string, string>;
  menu: readonly MenuEntry[];
  machines: Record<string, MachineDef>;
}

export const defineManifest = <M extends Manifest>(manifest: M): M => manifest;

/** The full permission code, `<module>:<code>`. */
export const permissionCode = (moduleKey: string, code: string): string => `${moduleKey}:${code}`;
