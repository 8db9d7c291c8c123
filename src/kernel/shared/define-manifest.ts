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

/**
 * The module's permissions as full codes, keyed by the manifest's own codes: `permissionCodes(manifest).read`
 * is `'disclosure:read'`. Services use this instead of spelling the codes again, so a permission a
 * manifest does not declare is a type error.
 */
export const permissionCodes = <M extends Manifest>(manifest: M): { readonly [K in keyof M['permissions'] & string]: string } =>
  Object.fromEntries(Object.keys(manifest.permissions).map((code) => [code, permissionCode(manifest.key, code)])) as { [K in keyof M['permissions'] & string]: string };
