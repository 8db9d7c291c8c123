import { eq } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import type { DbOrTx } from '../../kernel/db/client';
import type { DemoOrgDirectory, DemoUserDef, ModuleDefinition } from '../../kernel/module/define-module';
import { appUser, role, type OrgKind } from '../../kernel/db/schema';
import { insertOrg } from '../../kernel/org/org-service';
import { insertUser } from '../../kernel/auth/user-service';
import { recordAudit } from '../../kernel/audit/record-audit';
import { builtinRoles } from './builtin-roles';

/** The demo password of every demo account (demo only; production never seeds demo data). */
export const DEMO_PASSWORD = 'Demo@2026pass';

interface OrgNode {
  name: string;
  short: string;
  kind: OrgKind;
  code?: string;
  children?: OrgNode[];
}

const dept = (name: string, short: string): OrgNode => ({ name, short, kind: 'department' });

// A fictional 示范市 with two counties, towns, villages and about twenty departments.
const TREE: OrgNode = {
  name: '示范市',
  short: '示范市',
  kind: 'city',
  code: '330900',
  children: [
    { name: '中共示范市委全面依法治市委员会', short: '市委依法治市委', kind: 'committee', children: [{ name: '示范市委全面依法治市委员会办公室', short: '市依法治市办', kind: 'committee_office' }] },
    { name: '示范市司法局', short: '示司', kind: 'justice_bureau', children: [{ name: '示范市法律援助中心', short: '市法援中心', kind: 'legal_aid_center' }, { name: '示范市公证处', short: '市公证处', kind: 'notary_office' }] },
    dept('示范市人民政府办公室', '示政办'),
    dept('示范市公安局', '示公'),
    dept('示范市自然资源和规划局', '示自然资规'),
    dept('示范市生态环境局', '示环'),
    dept('示范市住房和城乡建设局', '示建'),
    dept('示范市市场监督管理局', '示市监'),
    dept('示范市交通运输局', '示交'),
    dept('示范市教育局', '示教'),
    dept('示范市民政局', '示民'),
    dept('示范市人力资源和社会保障局', '示人社'),
    {
      name: '青山县',
      short: '青山县',
      kind: 'county',
      code: '330921',
      children: [
        { name: '青山县委全面依法治县委员会办公室', short: '青山县依法治县办', kind: 'committee_office' },
        dept('青山县人民政府办公室', '青政办'),
        { name: '青山县司法局', short: '青司', kind: 'justice_bureau' },
        dept('青山县公安局', '青公'),
        dept('青山县自然资源局', '青自然资'),
        dept('青山县市场监督管理局', '青市监'),
        dept('青山县综合行政执法局', '青综执'),
        {
          name: '城关镇',
          short: '城关镇',
          kind: 'town',
          children: [
            { name: '城关司法所', short: '城关所', kind: 'justice_office' },
            { name: '城关镇人民调解委员会', short: '城关调委会', kind: 'mediation_committee' },
            { name: '人民路社区', short: '人民路社区', kind: 'village' },
            { name: '东关村', short: '东关村', kind: 'village' },
          ],
        },
        { name: '河口镇', short: '河口镇', kind: 'town', children: [{ name: '河口司法所', short: '河口所', kind: 'justice_office' }, { name: '河口村', short: '河口村', kind: 'village' }] },
      ],
    },
    {
      name: '绿水区',
      short: '绿水区',
      kind: 'county',
      code: '330902',
      children: [
        dept('绿水区人民政府办公室', '绿政办'),
        { name: '绿水区司法局', short: '绿司', kind: 'justice_bureau' },
        dept('绿水区公安分局', '绿公'),
        dept('绿水区市场监督管理局', '绿市监'),
        { name: '滨江街道', short: '滨江街道', kind: 'town', children: [{ name: '滨江司法所', short: '滨江所', kind: 'justice_office' }, { name: '滨江社区', short: '滨江社区', kind: 'village' }] },
      ],
    },
  ],
};

// The kernel's demo accounts (administrators and the shared roles); each module adds its own (`demoUsers`).
const KERNEL_DEMO_USERS: readonly DemoUserDef[] = [
  { username: 'sysadmin', displayName: '系统管理员', unit: '示范市司法局', roles: ['system_admin'] },
  { username: 'secadmin', displayName: '安全管理员', unit: '示范市司法局', roles: ['security_admin'] },
  { username: 'auditor', displayName: '审计管理员', unit: '示范市司法局', roles: ['audit_admin'] },
  { username: 'yfzs', displayName: '市依法治市办 陈主任', unit: '示范市委全面依法治市委员会办公室', roles: ['rule_of_law_office'] },
  { username: 'qs_leader', displayName: '青山县 刘县长', unit: '青山县', roles: ['leader'] },
  { username: 'lw_leader', displayName: '绿水区 郑区长', unit: '绿水区', roles: ['leader'] },
  { username: 'qs_fzy', displayName: '青山县自然资源局 钱法制员', unit: '青山县自然资源局', roles: ['department_liaison'] },
  { username: 'qs_scjg', displayName: '青山县市场监管局 冯法制员', unit: '青山县市场监督管理局', roles: ['department_liaison'] },
  { username: 'sz_gaj', displayName: '市公安局 蒋法制员', unit: '示范市公安局', roles: ['department_liaison'] },
  { username: 'lw_scjg', displayName: '绿水区市场监管局 韩法制员', unit: '绿水区市场监督管理局', roles: ['department_liaison'] },
];

/** The demo accounts: the kernel's, then each module's in module order. */
export const demoUsers = (modules: readonly ModuleDefinition[]): DemoUserDef[] => {
  const users = [...KERNEL_DEMO_USERS, ...modules.flatMap((m) => m.demoUsers ?? [])];
  const names = new Set<string>();
  for (const u of users) {
    if (names.has(u.username)) throw new Error(`演示账号 ${u.username} 重复`);
    names.add(u.username);
  }
  return users;
};

/** Seeds roles (always) and, for the demo, the fictional jurisdiction and its accounts. */
export const seedBuiltinRoles = async (db: DbOrTx, modules: readonly ModuleDefinition[]): Promise<void> => {
  for (const r of builtinRoles(modules)) {
    await db.insert(role).values({ ...r, isBuiltin: true }).onConflictDoNothing();
  }
};

/** Whether the database has any account yet. */
export const hasUsers = async (ctx: Ctx): Promise<boolean> => (await ctx.db.select({ id: appUser.id }).from(appUser).limit(1)).length > 0;

/** Seeds the demo jurisdiction, users (all with DEMO_PASSWORD) and each module's demo records. */
export const seedDemo = async (ctx: Ctx): Promise<{ users: { username: string; displayName: string; roles: string[] }[] }> => {
  const modules = ctx.services.registry.modules;
  const accounts = demoUsers(modules);
  const roleNames = new Map(builtinRoles(modules).map((r) => [r.code, r.name]));
  const dir: DemoOrgDirectory = { units: [], users: [] };
  await ctx.db.transaction(async (tx) => {
    const walk = async (node: OrgNode, parentId: number | null, order: number) => {
      const row = await insertOrg(tx, { parentId, name: node.name, shortName: node.short, kind: node.kind, divisionCode: node.code ?? null, sortOrder: order });
      dir.units.push({ id: row.id, name: row.name, kind: row.kind, path: row.path });
      for (const [i, child] of (node.children ?? []).entries()) await walk(child, row.id, i);
    };
    await walk(TREE, null, 0);
    const roles = await tx.select().from(role);
    for (const { username, displayName, unit: unitName, roles: codes } of accounts) {
      const unit = dir.units.find((u) => u.name === unitName);
      if (!unit) throw new Error(`演示单位 ${unitName} 不存在`);
      const roleCodes = [...codes];
      const roleIds = roleCodes.map((code) => {
        const found = roles.find((r) => r.code === code);
        if (!found) throw new Error(`演示账号 ${username} 的角色 ${code} 不存在`);
        return found.id;
      });
      const user = await insertUser(tx, { username, displayName, orgId: unit.id, roleIds, password: DEMO_PASSWORD, mustChangePassword: false });
      dir.users.push({ id: user.id, username, orgId: unit.id, roleCodes });
    }
    await recordAudit(tx, ctx, { action: 'demo.seed', module: 'system', after: { units: dir.units.length, users: dir.users.length } });
  });
  for (const m of demoSeedOrder(modules)) await m.seedDemo?.(ctx, dir);
  const users = accounts.map(({ username, displayName, roles: codes }) => ({ username, displayName, roles: codes.map((c) => roleNames.get(c) ?? c) }));
  const [check] = await ctx.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, 'sysadmin'));
  if (!check) throw new Error('演示数据写入失败');
  return { users };
};

/** Modules in an order where each demo seed runs after the seeds it declares it builds on (`seedDemoAfter`). */
export const demoSeedOrder = (modules: readonly ModuleDefinition[]): ModuleDefinition[] => {
  const byKey = new Map(modules.map((m) => [m.manifest.key, m]));
  const done = new Set<string>();
  const order: ModuleDefinition[] = [];
  const visit = (m: ModuleDefinition, path: string[]) => {
    const key = m.manifest.key;
    if (done.has(key)) return;
    if (path.includes(key)) throw new Error(`演示数据依赖成环：${[...path, key].join(' → ')}`);
    for (const dep of m.seedDemoAfter ?? []) {
      const d = byKey.get(dep);
      if (d) visit(d, [...path, key]);
    }
    done.add(key);
    order.push(m);
  };
  for (const m of modules) visit(m, []);
  return order;
};
