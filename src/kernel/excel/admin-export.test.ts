import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { signInAs } from '../../../test/support/sign-in';

const readSheet = async (raw: Buffer): Promise<string[][]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
};

describe('管理列表导出 Excel（带筛选条件）', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld();
  });
  after(() => world.close());

  test('用户列表按单位筛选导出，行数与列表一致', async () => {
    const sysadmin = await signInAs(world, 'sysadmin');
    const list = await sysadmin.get(`/api/system/users?orgId=${world.units.countyA}&pageSize=200`);
    const res = await sysadmin.get(`/api/system/users/export?orgId=${world.units.countyA}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
    const rows = await readSheet(res.raw);
    assert.deepEqual(rows[0], ['用户名', '姓名', '所属单位', '角色', '状态', '动态口令']);
    assert.equal(rows.length - 1, list.body.total);
    assert.deepEqual(rows.slice(1).map((r) => r[0]).sort(), list.body.items.map((u: { username: string }) => u.username).sort());
    assert.ok(!rows.some((r) => r[0] === 'handlerB'));
  });

  test('审计日志按操作筛选导出，仅审计管理员可导出，导出本身留痕', async () => {
    const auditor = await signInAs(world, 'auditor');
    const res = await auditor.get('/api/audit/logs/export?action=auth.login');
    assert.equal(res.status, 200);
    const rows = await readSheet(res.raw);
    assert.equal(rows[0]![3], '操作');
    assert.ok(rows.length > 1);
    assert.ok(rows.slice(1).every((r) => r[3]!.startsWith('auth.login')));
    const logs = await auditor.get('/api/audit/logs?action=audit.export');
    assert.ok(logs.body.total >= 1);
    const sysadmin = await signInAs(world, 'sysadmin');
    assert.equal((await sysadmin.get('/api/audit/logs/export')).status, 403);
    const handler = await signInAs(world, 'handlerA');
    assert.equal((await handler.get('/api/system/users/export')).status, 403);
  });
});
