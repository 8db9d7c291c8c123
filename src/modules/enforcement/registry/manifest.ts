import type { MenuEntry } from '../../../kernel/shared/define-manifest';
import type { MachineDef } from '../../../kernel/shared/define-machine';

/** The registry area's menu entries (paths below /enforcement/) and workflow machines. */
export const registryMenu: readonly MenuEntry[] = [];
export const registryMachines: Record<string, MachineDef> = {};
