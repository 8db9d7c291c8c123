/**
 * The built-in roles and the demo and test accounts are composed from the kernel's and each module's
 * declarations (`roles`, `grants`, `demoUsers`, `testUsers`). These tables are what they were when the
 * roles were spelled in one file: a module's declaration may add roles and accounts, but a change to any
 * listed here shows as a difference.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { modules } from '../modules';
import { builtinRoles } from './builtin-roles';
import { demoUsers } from './demo';
import { testUsers } from '../../../test/support/test-platform';

const ROLES: Record<string, { name: string; scope: string; adminKind: string | null; permissions: string[] }> = {
  system_admin: { name: '系统管理员', scope: 'all', adminKind: 'system', permissions: ['system:calendar_manage', 'system:org_manage', 'system:outbox_manage', 'system:user_manage'] },
  security_admin: { name: '安全管理员', scope: 'all', adminKind: 'security', permissions: ['security:role_manage', 'security:user_unlock'] },
  audit_admin: { name: '审计管理员', scope: 'all', adminKind: 'audit', permissions: ['audit:read'] },
  rule_of_law_office: { name: '依法治市（县）办工作人员', scope: 'all', adminKind: null, permissions: ['assessment:export', 'assessment:import', 'assessment:manage', 'assessment:read', 'demonstration:export', 'demonstration:import', 'demonstration:manage', 'demonstration:read', 'demonstration:review', 'disclosure:export', 'disclosure:read', 'enforcement:export', 'enforcement:read', 'inspection:export', 'inspection:issue', 'inspection:manage', 'inspection:read', 'inspection:verify', 'litigation:configure', 'litigation:export', 'litigation:read', 'random-inspection:export', 'random-inspection:read', 'reconsideration:export', 'reconsideration:read', 'report:read'] },
  leader: { name: '领导（查阅）', scope: 'unit_and_below', adminKind: null, permissions: ['assessment:read', 'demonstration:read', 'disclosure:read', 'enforcement:read', 'inspection:read', 'litigation:read', 'random-inspection:read', 'reconsideration:read', 'report:read'] },
  department_liaison: { name: '部门法制员', scope: 'unit', adminKind: null, permissions: ['assessment:read', 'assessment:report', 'demonstration:read', 'demonstration:report', 'enforcement:legalReview', 'enforcement:read', 'enforcement:report', 'inspection:read', 'inspection:rectify', 'litigation:handle', 'litigation:read', 'litigation:register', 'random-inspection:manage', 'random-inspection:read', 'random-inspection:record', 'report:read'] },
  reconsideration_handler: { name: '行政复议工作人员', scope: 'unit_and_below', adminKind: null, permissions: ['reconsideration:export', 'reconsideration:handle', 'reconsideration:read', 'reconsideration:register', 'report:read'] },
  reconsideration_approver: { name: '行政复议机构负责人', scope: 'unit_and_below', adminKind: null, permissions: ['reconsideration:approve', 'reconsideration:export', 'reconsideration:read', 'report:read'] },
  litigation_coordinator: { name: '行政应诉工作人员', scope: 'jurisdiction', adminKind: null, permissions: ['litigation:configure', 'litigation:export', 'litigation:handle', 'litigation:read', 'litigation:register', 'report:read'] },
  enforcement_supervisor: { name: '行政执法监督人员', scope: 'jurisdiction', adminKind: null, permissions: ['enforcement:export', 'enforcement:import', 'enforcement:manage', 'enforcement:read', 'enforcement:review', 'enforcement:supervise', 'random-inspection:export', 'random-inspection:read', 'report:read'] },
  enforcement_staff: { name: '执法人员（案件录入）', scope: 'unit', adminKind: null, permissions: ['enforcement:export', 'enforcement:read', 'enforcement:report', 'random-inspection:read', 'random-inspection:record'] },
  disclosure_handler: { name: '政府信息公开工作人员', scope: 'unit_and_below', adminKind: null, permissions: ['disclosure:export', 'disclosure:handle', 'disclosure:import', 'disclosure:read', 'disclosure:register', 'report:read'] },
  disclosure_approver: { name: '政府信息公开工作机构负责人', scope: 'unit_and_below', adminKind: null, permissions: ['disclosure:approveExtension', 'disclosure:export', 'disclosure:read', 'report:read'] },
};

// Demo accounts: username → [name, unit, role codes].
const DEMO_USERS: Record<string, [string, string, string[]]> = {
  sysadmin: ['系统管理员', '示范市司法局', ['system_admin']],
  secadmin: ['安全管理员', '示范市司法局', ['security_admin']],
  auditor: ['审计管理员', '示范市司法局', ['audit_admin']],
  yfzs: ['市依法治市办 陈主任', '示范市委全面依法治市委员会办公室', ['rule_of_law_office']],
  sz_gk: ['市政府办 林公开', '示范市人民政府办公室', ['disclosure_handler']],
  sz_fzr: ['市政府办 何科长', '示范市人民政府办公室', ['disclosure_approver']],
  qs_gk: ['青山县政府办 王公开', '青山县人民政府办公室', ['disclosure_handler']],
  qs_fzr: ['青山县政府办 赵科长', '青山县人民政府办公室', ['disclosure_approver']],
  qs_zrz: ['青山县自然资源局 周法制员', '青山县自然资源局', ['disclosure_handler']],
  qs_leader: ['青山县 刘县长', '青山县', ['leader']],
  cg_gk: ['城关镇 孙办事员', '城关镇', ['disclosure_handler']],
  lw_gk: ['绿水区政府办 吴公开', '绿水区人民政府办公室', ['disclosure_handler']],
  lw_leader: ['绿水区 郑区长', '绿水区', ['leader']],
  qs_fzy: ['青山县自然资源局 钱法制员', '青山县自然资源局', ['department_liaison']],
  qs_scjg: ['青山县市场监管局 冯法制员', '青山县市场监督管理局', ['department_liaison']],
  sz_gaj: ['市公安局 蒋法制员', '示范市公安局', ['department_liaison']],
  lw_scjg: ['绿水区市场监管局 韩法制员', '绿水区市场监督管理局', ['department_liaison']],
  sz_fy: ['市司法局 许复议', '示范市司法局', ['reconsideration_handler']],
  sz_fyfzr: ['市司法局 沈科长', '示范市司法局', ['reconsideration_approver']],
  qs_fy: ['青山县司法局 杨复议', '青山县司法局', ['reconsideration_handler']],
  sz_ys: ['市司法局 罗应诉', '示范市司法局', ['litigation_coordinator']],
  qs_ys: ['青山县司法局 马应诉', '青山县司法局', ['litigation_coordinator']],
  sz_zfjd: ['市司法局 田监督', '示范市司法局', ['enforcement_supervisor']],
  qs_zfjd: ['青山县司法局 邓监督', '青山县司法局', ['enforcement_supervisor']],
  qs_zfry: ['青山县市场监管局 孙执法', '青山县市场监督管理局', ['enforcement_staff']],
  lw_zfry: ['绿水区市场监管局 曹执法', '绿水区市场监督管理局', ['enforcement_staff']],
};

// Users of the test world: username → [unit key, role codes].
const TEST_USERS: Record<string, [string, string[]]> = {
  sysadmin: ['cityOffice', ['system_admin']],
  secadmin: ['cityOffice', ['security_admin']],
  auditor: ['cityOffice', ['audit_admin']],
  office: ['cityOffice', ['rule_of_law_office']],
  handlerA: ['countyAGov', ['disclosure_handler']],
  approverA: ['countyAGov', ['disclosure_approver']],
  deptA: ['countyADept', ['disclosure_handler']],
  leaderA: ['countyA', ['leader']],
  townA: ['townA', ['disclosure_handler']],
  handlerB: ['countyBGov', ['disclosure_handler']],
  leaderB: ['countyB', ['leader']],
  liaisonA: ['countyADept', ['department_liaison']],
  liaisonAGov: ['countyAGov', ['department_liaison']],
  liaisonB: ['countyBGov', ['department_liaison']],
  reconA: ['countyAJustice', ['reconsideration_handler']],
  reconApproverA: ['countyAJustice', ['reconsideration_approver']],
  litigationA: ['countyAJustice', ['litigation_coordinator']],
  supervisorA: ['countyAJustice', ['enforcement_supervisor']],
  staffA: ['countyADept', ['enforcement_staff']],
  staffB: ['countyBGov', ['enforcement_staff']],
};

describe('内置角色与演示、测试账号（由内核与各模块的声明组成）', () => {
  const roles = builtinRoles(modules);

  test('每个内置角色的权限与范围', () => {
    // A module added later may grant its own permissions to the shared roles; those are not compared here.
    const known = new Set(Object.values(ROLES).flatMap((r) => r.permissions.map((p) => p.split(':')[0])));
    for (const [code, want] of Object.entries(ROLES)) {
      const got = roles.find((r) => r.code === code);
      assert.ok(got, `缺少内置角色 ${code}`);
      const permissions = got.permissions.filter((p) => known.has(p.split(':')[0])).sort();
      assert.deepEqual({ name: got.name, scope: got.scope, adminKind: got.adminKind, permissions }, want, code);
    }
    assert.equal(new Set(roles.map((r) => r.code)).size, roles.length, '角色代码唯一');
  });

  test('模块授予的角色都已声明（拼错的角色代码不会被悄悄忽略）', () => {
    const codes = new Set(roles.map((r) => r.code));
    for (const m of modules) for (const code of Object.keys(m.grants ?? {})) assert.ok(codes.has(code), `模块 ${m.manifest.key} 授权给未声明的角色 ${code}`);
  });

  test('演示账号：单位与角色不变，角色均已声明', () => {
    const users = demoUsers(modules);
    for (const [username, [displayName, unit, codes]] of Object.entries(DEMO_USERS)) {
      const got = users.find((u) => u.username === username);
      assert.ok(got, `缺少演示账号 ${username}`);
      assert.deepEqual([got.displayName, got.unit, [...got.roles]], [displayName, unit, codes], username);
    }
    for (const u of users) for (const c of u.roles) assert.ok(roles.some((r) => r.code === c), `演示账号 ${u.username} 的角色 ${c} 未声明`);
  });

  test('测试用户：单位与角色不变，角色均已声明', () => {
    const users = testUsers(modules);
    for (const [username, [unit, codes]] of Object.entries(TEST_USERS)) {
      const got = users[username];
      assert.ok(got, `缺少测试用户 ${username}`);
      assert.deepEqual([got.unit, [...got.roles]], [unit, codes], username);
    }
    for (const [username, u] of Object.entries(users)) for (const c of u.roles) assert.ok(roles.some((r) => r.code === c), `测试用户 ${username} 的角色 ${c} 未声明`);
  });
});
