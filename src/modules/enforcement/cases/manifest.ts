import type { MenuEntry } from '../../../kernel/shared/define-manifest';
import type { MachineDef } from '../../../kernel/shared/define-machine';

/** The cases area's menu entries (paths below /enforcement/) and workflow machines. */
export const casesMenu: readonly MenuEntry[] = [];
export const casesMachines: Record<string, MachineDef> = {};
