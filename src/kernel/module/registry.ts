import { checkMachine, type ClockDef, type MachineDef } from '../shared/define-machine';
import { permissionCode, type MenuEntry } from '../shared/define-manifest';
import type { EntityDef, EventConsumer, ModuleDefinition, StatisticDef } from './define-module';

/** Thrown at boot when module declarations contradict each other or themselves. */
export class InvalidModuleDefinition extends Error {}

/** Permissions the kernel itself declares (administration); modules add theirs. */
export const KERNEL_PERMISSIONS: Record<string, string> = {
  'system:org_manage': '管理组织机构',
  'system:user_manage': '管理用户',
  'system:calendar_manage': '维护节假日',
  'system:outbox_manage': '处理事件投递故障',
  'security:role_manage': '管理角色与权限',
  'security:user_unlock': '解锁账号与重置双因素认证',
  'audit:read': '查看审计日志',
  'report:read': '查看统计与年度报告',
};

const MODULE_KEY = /^[a-z][a-z0-9-]*$/;
const ROLE_CODE = /^[a-z][a-z0-9_]*$/;

/** The modules of this deployment, checked at boot, and the views derived from their declarations. */
export class ModuleRegistry {
  readonly modules: readonly ModuleDefinition[];
  private readonly byKey = new Map<string, ModuleDefinition>();
  private readonly owners = new Map<string, { module: ModuleDefinition; resolve: NonNullable<ModuleDefinition['attachmentOwners']>[string] }>();
  private readonly entities = new Map<string, { module: string; def: EntityDef }>();
  private readonly machines = new Map<string, MachineDef>();
  private readonly subscribers = new Map<string, { key: string; module: string; consume: EventConsumer }[]>();

  constructor(modules: readonly ModuleDefinition[]) {
    this.modules = modules;
    const problems: string[] = [];
    const permissions = new Set(Object.keys(KERNEL_PERMISSIONS));
    const statisticIds = new Set<string>();
    const roleCodes = new Set<string>();
    for (const m of modules) {
      const key = m.manifest.key;
      if (!MODULE_KEY.test(key)) problems.push(`模块键 ${key} 不合规范`);
      if (this.byKey.has(key)) problems.push(`模块键 ${key} 重复`);
      this.byKey.set(key, m);
      const codes = Object.keys(m.manifest.permissions);
      for (const code of codes) {
        const full = permissionCode(key, code);
        if (permissions.has(full)) problems.push(`权限 ${full} 重复`);
        permissions.add(full);
      }
      for (const r of m.roles ?? []) {
        if (!ROLE_CODE.test(r.code)) problems.push(`模块 ${key} 的角色代码 ${r.code} 不合规范`);
        if (roleCodes.has(r.code)) problems.push(`角色 ${r.code} 重复`);
        roleCodes.add(r.code);
        for (const p of r.permissions) {
          const known = p.includes(':') ? Object.hasOwn(KERNEL_PERMISSIONS, p) : codes.includes(p);
          if (!known) problems.push(`模块 ${key} 的角色 ${r.code} 引用了未声明的权限 ${p}（他模块的权限由该模块以 grants 授予）`);
        }
      }
      for (const [roleCode, granted] of Object.entries(m.grants ?? {})) {
        for (const p of granted) if (!codes.includes(p)) problems.push(`模块 ${key} 授予角色 ${roleCode} 未声明的权限 ${p}`);
      }
      for (const entry of m.manifest.menu) {
        if (!codes.includes(entry.permission)) problems.push(`模块 ${key} 的菜单 ${entry.label} 引用了未声明的权限 ${entry.permission}`);
      }
      for (const machine of Object.values(m.manifest.machines)) {
        if (this.machines.has(machine.entity)) problems.push(`状态机实体 ${machine.entity} 重复`);
        this.machines.set(machine.entity, machine);
        problems.push(...checkMachine(machine, codes));
        for (const t of Object.values(machine.transitions)) {
          if (t.assigns && !m.numbering?.[t.assigns.sequence]) problems.push(`模块 ${key} 的流转引用了未声明的编号 ${t.assigns.sequence}`);
        }
      }
      for (const [type, resolve] of Object.entries(m.attachmentOwners ?? {})) {
        if (this.owners.has(type)) problems.push(`附件归属类型 ${type} 重复`);
        this.owners.set(type, { module: m, resolve });
      }
      for (const [type, def] of Object.entries(m.entities ?? {})) {
        if (this.entities.has(type)) problems.push(`实体类型 ${type} 重复`);
        if (!codes.includes(def.handlerPermission)) problems.push(`实体 ${type} 引用了未声明的权限 ${def.handlerPermission}`);
        this.entities.set(type, { module: key, def });
      }
      for (const s of m.statistics ?? []) {
        if (statisticIds.has(s.id)) problems.push(`统计项 ${s.id} 重复`);
        if (!s.id.startsWith(`${key}.`)) problems.push(`统计项 ${s.id} 须以模块键 ${key}. 开头`);
        statisticIds.add(s.id);
      }
    }
    // Subscriptions, once every machine is known: a type naming a deployed module must name one of its
    // transitions (a typo would otherwise never fire). A module that is not deployed simply emits nothing.
    for (const m of modules) {
      for (const [type, consume] of Object.entries(m.subscribes ?? {})) {
        const [emitter, entity, transition, ...rest] = type.split('.');
        if (!emitter || !entity || !transition || rest.length > 0) {
          problems.push(`模块 ${m.manifest.key} 订阅的事件类型 ${type} 不合规范（应为 模块.实体.操作）`);
          continue;
        }
        const source = this.byKey.get(emitter);
        if (source) {
          const machine = Object.values(source.manifest.machines).find((x) => x.entity === entity);
          if (!machine || !Object.hasOwn(machine.transitions, transition)) problems.push(`模块 ${m.manifest.key} 订阅了不存在的事件 ${type}`);
        }
        const list = this.subscribers.get(type) ?? [];
        list.push({ key: `${m.manifest.key}:${type}`, module: m.manifest.key, consume });
        this.subscribers.set(type, list);
      }
    }
    if (problems.length > 0) throw new InvalidModuleDefinition(`模块声明有误：\n- ${problems.join('\n- ')}`);
  }

  get(key: string): ModuleDefinition | undefined {
    return this.byKey.get(key);
  }

  /** Every permission code with its label and the module it belongs to. */
  permissions(): { code: string; label: string; module: string; moduleLabel: string }[] {
    const kernel = Object.entries(KERNEL_PERMISSIONS).map(([code, label]) => ({ code, label, module: code.split(':')[0]!, moduleLabel: '系统' }));
    return [
      ...kernel,
      ...this.modules.flatMap((m) =>
        Object.entries(m.manifest.permissions).map(([code, label]) => ({
          code: permissionCode(m.manifest.key, code),
          label,
          module: m.manifest.key,
          moduleLabel: m.manifest.label,
        })),
      ),
    ];
  }

  /** The menu entries whose permission `can` allows, grouped by module. */
  menu(can: (permission: string) => boolean): { key: string; label: string; items: MenuEntry[] }[] {
    return this.modules
      .map((m) => ({
        key: m.manifest.key,
        label: m.manifest.label,
        items: m.manifest.menu.filter((e) => can(permissionCode(m.manifest.key, e.permission))),
      }))
      .filter((g) => g.items.length > 0);
  }

  sequence(moduleKey: string, name: string): { pattern: string; label: string } {
    const s = this.byKey.get(moduleKey)?.numbering?.[name];
    if (!s) throw new Error(`模块 ${moduleKey} 未声明编号 ${name}`);
    return s;
  }

  attachmentOwner(type: string) {
    return this.owners.get(type);
  }

  /** The clock declaration of an entity's machine. */
  clockDef(entityType: string, clockKey: string): ClockDef | undefined {
    return this.machines.get(entityType)?.clocks[clockKey];
  }

  /** The clock keys declared by an entity's machine. */
  clockKeys(entityType: string): string[] {
    return Object.keys(this.machines.get(entityType)?.clocks ?? {});
  }

  entityTypes(): { type: string; module: string; def: EntityDef }[] {
    return [...this.entities.entries()].map(([type, v]) => ({ type, ...v }));
  }

  /** The subscribers of an event type, in module order. */
  consumersOf(type: string): readonly { key: string; module: string; consume: EventConsumer }[] {
    return this.subscribers.get(type) ?? [];
  }

  /** Every subscribed event type with its number of subscribers. */
  consumerCounts(): Record<string, number> {
    return Object.fromEntries([...this.subscribers.entries()].map(([type, list]) => [type, list.length]));
  }

  /** Every consumer key (`${moduleKey}:${eventType}`). */
  consumerKeys(): string[] {
    return [...this.subscribers.values()].flatMap((list) => list.map((c) => c.key));
  }

  statistics(): StatisticDef[] {
    return this.modules.flatMap((m) => [...(m.statistics ?? [])]);
  }
}
