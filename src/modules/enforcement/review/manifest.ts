import type { MenuEntry } from '../../../kernel/shared/define-manifest';
import type { MachineDef } from '../../../kernel/shared/define-machine';

/** The review area's menu entries (paths below /enforcement/) and workflow machines. */
export const reviewMenu: readonly MenuEntry[] = [];
export const reviewMachines: Record<string, MachineDef> = {};
