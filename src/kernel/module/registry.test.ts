import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { modules } from '../../app/modules';
import { disclosureModule } from '../../modules/disclosure/module';
import type { MachineDef, StateDef, TransitionDef } from '../shared/define-machine';
import type { ModuleDefinition } from './define-module';
import { InvalidModuleDefinition, KERNEL_PERMISSIONS, ModuleRegistry } from './registry';

const machine = disclosureModule.manifest.machines.request as MachineDef;

/** A copy of the disclosure module whose request machine is changed by `change`. */
const withMachine = (change: (m: MachineDef) => MachineDef, over: Partial<ModuleDefinition> = {}): ModuleDefinition => ({
  ...disclosureModule,
  ...over,
  manifest: { ...disclosureModule.manifest, machines: { request: change(machine) } },
});

const withTransition = (name: string, def: TransitionDef) => withMachine((m) => ({ ...m, transitions: { ...m.transitions, [name]: def } }));

const withState = (name: string, def: StateDef) => withMachine((m) => ({ ...m, states: { ...m.states, [name]: def } }));

/** Asserts that building a registry of `mods` fails with InvalidModuleDefinition naming `problem`. */
const assertInvalid = (mods: ModuleDefinition[], problem: RegExp) => {
  assert.throws(
    () => new ModuleRegistry(mods),
    (err: unknown) => {
      assert.ok(err instanceof InvalidModuleDefinition, `应为 InvalidModuleDefinition：${String(err)}`);
      assert.match(err.message, problem);
      return true;
    },
  );
};

describe('模块注册表的启动检查', () => {
  test('本部署的模块声明（src/app/modules.ts）通过检查', () => {
    const registry = new ModuleRegistry(modules);
    assert.equal(registry.get('disclosure'), disclosureModule);
    const codes = registry.permissions().map((p) => p.code);
    for (const kernel of Object.keys(KERNEL_PERMISSIONS)) assert.ok(codes.includes(kernel), kernel);
    assert.ok(codes.includes('disclosure:handle'));
    assert.equal(new Set(codes).size, codes.length, '权限代码唯一');
  });

  test('流转引用未声明的状态 → InvalidModuleDefinition', () => {
    const accept = machine.transitions.accept!;
    assertInvalid([withTransition('accept', { ...accept, to: 'nowhere' })], /流转 accept 引用了未声明的状态 nowhere/);
    assertInvalid([withTransition('accept', { ...accept, from: ['limbo'] })], /流转 accept 引用了未声明的状态 limbo/);
  });

  test('初始状态未声明 → InvalidModuleDefinition', () => {
    assertInvalid([withMachine((m) => ({ ...m, initial: 'draft' }))], /初始状态 draft 未声明/);
  });

  test('从初始状态不可达的状态 → InvalidModuleDefinition', () => {
    assertInvalid([withState('orphan', { label: '孤立', tone: 'default' })], /状态 orphan 不可达/);
  });

  test('流转引用模块未声明的权限 → InvalidModuleDefinition', () => {
    assertInvalid([withTransition('accept', { ...machine.transitions.accept!, permission: 'fly' })], /流转 accept 引用了未声明的权限 fly/);
  });

  test('状态待办引用未声明的权限 → InvalidModuleDefinition', () => {
    assertInvalid([withState('registered', { ...machine.states.registered!, todo: { permission: 'nobody', title: 'x' } })], /状态 registered 的待办引用了未声明的权限 nobody/);
  });

  test('从终态出发的流转 → InvalidModuleDefinition', () => {
    assertInvalid(
      [withTransition('reopen', { label: '重新办理', from: ['replied'], to: 'processing', permission: 'handle' })],
      /流转 reopen 从终态 replied 出发/,
    );
  });

  test('流转引用未声明的期限或期限起算字段 → InvalidModuleDefinition', () => {
    const accept = machine.transitions.accept!;
    assertInvalid([withTransition('accept', { ...accept, clocks: [{ clock: 'hearing', action: 'start' }] })], /流转 accept 引用了未声明的期限 hearing/);
    assertInvalid(
      [withTransition('accept', { ...accept, clocks: [{ clock: 'reply', action: 'restart', from: 'acceptedOn' }] })],
      /流转 accept 的期限起算字段 acceptedOn 未声明/,
    );
  });

  test('流转分配未声明的编号序列 → InvalidModuleDefinition', () => {
    assertInvalid(
      [withTransition('accept', { ...machine.transitions.accept!, assigns: { sequence: 'acceptance', column: 'acceptNo' } })],
      /未声明的编号 acceptance/,
    );
  });

  test('模块键重复 → InvalidModuleDefinition', () => {
    assertInvalid([disclosureModule, { ...disclosureModule }], /模块键 disclosure 重复/);
  });

  test('模块键不合规范 → InvalidModuleDefinition', () => {
    assertInvalid([{ ...disclosureModule, manifest: { ...disclosureModule.manifest, key: 'Disclosure_1' } }], /模块键 Disclosure_1 不合规范/);
  });

  test('统计项 ID 重复 → InvalidModuleDefinition', () => {
    const stats = disclosureModule.statistics;
    assertInvalid([{ ...disclosureModule, statistics: [...stats, { ...stats[0]! }] }], /统计项 disclosure\.received 重复/);
  });

  test('统计项 ID 不以模块键开头 → InvalidModuleDefinition', () => {
    const stats = disclosureModule.statistics;
    assertInvalid([{ ...disclosureModule, statistics: [...stats, { ...stats[0]!, id: 'received_total' }] }], /统计项 received_total 须以模块键 disclosure\. 开头/);
  });

  test('菜单引用未声明的权限 → InvalidModuleDefinition', () => {
    const manifest = { ...disclosureModule.manifest, menu: [{ path: 'x', label: '越权菜单', permission: 'admin' }] };
    assertInvalid([{ ...disclosureModule, manifest }], /菜单 越权菜单 引用了未声明的权限 admin/);
  });

  test('角色引用未声明的权限或他模块的权限 → InvalidModuleDefinition', () => {
    const role = { code: 'x_role', name: '某角色', scope: 'unit' as const };
    assertInvalid([{ ...disclosureModule, roles: [{ ...role, permissions: ['fly'] }] }], /角色 x_role 引用了未声明的权限 fly/);
    assertInvalid([{ ...disclosureModule, roles: [{ ...role, permissions: ['litigation:read'] }] }], /角色 x_role 引用了未声明的权限 litigation:read/);
  });

  test('授予他角色未声明的权限 → InvalidModuleDefinition', () => {
    assertInvalid([{ ...disclosureModule, grants: { leader: ['fly'] } }], /授予角色 leader 未声明的权限 fly/);
  });

  test('角色代码重复或不合规范 → InvalidModuleDefinition', () => {
    const roles = [{ code: 'disclosure_handler', name: '重复', scope: 'unit' as const, permissions: ['read'] }];
    assertInvalid([disclosureModule, { ...disclosureModule, manifest: { ...disclosureModule.manifest, key: 'other' }, roles }], /角色 disclosure_handler 重复/);
    assertInvalid([{ ...disclosureModule, roles: [{ ...roles[0]!, code: 'Bad-Code' }] }], /角色代码 Bad-Code 不合规范/);
  });

  test('一次报告全部问题，而不是只报第一个', () => {
    const broken = withMachine((m) => ({
      ...m,
      states: { ...m.states, orphan: { label: '孤立', tone: 'default' } },
      transitions: { ...m.transitions, accept: { ...m.transitions.accept!, permission: 'fly' } },
    }));
    assertInvalid([broken], /权限 fly[\s\S]*状态 orphan 不可达/);
  });

  test('统计项清单快照：删除或改名统计项会在此处显示为差异（年度报告口径）', () => {
    const ids = new ModuleRegistry(modules)
      .statistics()
      .map((s) => s.id)
      .sort();
    assert.deepEqual(ids, [
      'assessment.duty_reports',
      'assessment.exam_participation_rate',
      'assessment.exam_pass_rate',
      'assessment.study_hours',
      'assessment.study_sessions',
      'assessment.units_assessed',
      'demonstration.assignments',
      'demonstration.assignments_closed',
      'demonstration.assignments_overdue',
      'demonstration.close_on_time_rate',
      'demonstration.tasks',
      'disclosure.extended',
      'disclosure.on_time_rate',
      'disclosure.overdue',
      'disclosure.received',
      'disclosure.replied',
      'disclosure.reply.already_public',
      'disclosure.reply.disclosed',
      'disclosure.reply.not_disclosed',
      'disclosure.reply.not_exist',
      'disclosure.reply.not_this_organ',
      'disclosure.reply.partially_disclosed',
      'disclosure.reply.repeated',
      'disclosure.reply.special_law',
      'enforcement.benchmarks_abolished',
      'enforcement.benchmarks_active',
      'enforcement.bodies',
      'enforcement.cases',
      'enforcement.cases.compulsory',
      'enforcement.cases.inspection',
      'enforcement.cases.licence',
      'enforcement.cases.penalty',
      'enforcement.certificates_issued',
      'enforcement.certificates_revoked',
      'enforcement.complaints',
      'enforcement.complaints_substantiated',
      'enforcement.corrected_by_reconsideration',
      'enforcement.decision_on_time_rate',
      'enforcement.discretion_outside',
      'enforcement.enterprise_cases',
      'enforcement.files_reviewed',
      'enforcement.legal_review_coverage',
      'enforcement.legal_reviewer_ratio',
      'enforcement.major_cases',
      'enforcement.officers_trained',
      'enforcement.publication_on_time_rate',
      'enforcement.review_average_score',
      'enforcement.review_problems',
      'enforcement.supervision_certificates_issued',
      'enforcement.supervision_decisions',
      'enforcement.supervision_notices',
      'enforcement.supervision_opinions',
      'enforcement.supervision_reply_on_time_rate',
      'inspection.findings',
      'inspection.interviews',
      'inspection.notices',
      'inspection.orders_closed',
      'inspection.orders_closed_on_time',
      'inspection.orders_issued',
      'inspection.orders_on_time_rate',
      'inspection.plans',
      'inspection.units_inspected',
      'litigation.after_reconsideration',
      'litigation.cases',
      'litigation.head_appearance_case_rate',
      'litigation.head_appearance_rate',
      'litigation.hearings',
      'litigation.judged',
      'litigation.judicial_suggestions',
      'litigation.loss_rate',
      'litigation.lost',
      'litigation.suggestion_reply_rate',
      'random-inspection.graded_ratio',
      'random-inspection.inspections',
      'random-inspection.joint_plans',
      'random-inspection.joint_ratio',
      'random-inspection.plans',
      'random-inspection.problems_found',
      'random-inspection.publication_on_time_rate',
      'reconsideration.accepted',
      'reconsideration.corrected',
      'reconsideration.correction_rate',
      'reconsideration.decided',
      'reconsideration.decision.change',
      'reconsideration.decision.confirm_unlawful',
      'reconsideration.decision.confirm_void',
      'reconsideration.decision.dismiss_application',
      'reconsideration.decision.order_perform',
      'reconsideration.decision.reject_request',
      'reconsideration.decision.revoke',
      'reconsideration.decision.uphold',
      'reconsideration.mediated',
      'reconsideration.on_time_rate',
      'reconsideration.received',
      'reconsideration.received_yoy',
    ]);
  });
});
