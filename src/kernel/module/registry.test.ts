import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    // Each module keeps its statistic ids in src/modules/<key>/statistic-ids.txt (one per line, sorted),
    // written by `UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs kernel/module/registry`; review the diff.
    const registry = new ModuleRegistry(modules);
    for (const m of registry.modules) {
      const ids = (m.statistics ?? []).map((s) => s.id).sort();
      const file = join(process.cwd(), 'src', 'modules', m.manifest.key, 'statistic-ids.txt');
      if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(file, ids.map((id) => `${id}\n`).join(''));
      assert.ok(existsSync(file), `缺少 ${file}：请以 UPDATE_SNAPSHOTS=1 运行本测试生成，并检查差异`);
      const snapshot = readFileSync(file, 'utf8').split('\n').filter(Boolean);
      assert.deepEqual(ids, snapshot, `模块 ${m.manifest.key} 的统计项与 statistic-ids.txt 不一致`);
    }
  });
});
