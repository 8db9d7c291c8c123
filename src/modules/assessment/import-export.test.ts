/** Excel of 法治考核: the score sheet (template → import, all-or-nothing with a per-row report) and 学法 import. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { createScheme, defaultTargets, ok } from './test/fixtures';
import { tableDigests } from '../../../test/support/disclosure-helpers';

const xlsx = async (rows: (string | number | null)[][]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const upload = (client: TestClient, path: string, data: Buffer) => {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(data)], 'sheet.xlsx'));
  return client.request('POST', path, form);
};

describe('法治考核 Excel 导入导出', () => {
  let world: TestWorld;
  let office: TestClient;
  let scheme: { id: number; itemIds: number[] };

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    office = await world.login('office');
    scheme = await createScheme(office, defaultTargets(world));
  });
  after(() => world.close());

  test('评分表模板：每个被考核单位一行，每个人工评分项目一列（不含自动取数、民主测评）', async () => {
    const res = await office.get(`/api/assessment/schemes/${scheme.id}/score-sheet`);
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    const ws = wb.worksheets[0]!;
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['单位', '第一责任人职责', '执法三项制度']);
    assert.deepEqual([2, 3, 4].map((r) => ws.getRow(r).getCell(1).value).sort(), ['乙县人民政府办公室', '甲县人民政府办公室', '甲县自然资源局'].sort());
  });

  test('评分表导入：任一格有误则整表不写入，返回逐行错误（单位不在方案内、超过满分、非数字）', async () => {
    const before0 = await tableDigests(world, ['assessment_score']);
    const res = await upload(
      office,
      `/api/assessment/schemes/${scheme.id}/score-sheet`,
      await xlsx([
        ['单位', '第一责任人职责', '执法三项制度'],
        ['甲县自然资源局', 28, 27],
        ['乙县人民政府办公室', 31, 20],
        ['甲镇', 10, 10],
        ['甲县人民政府办公室', '优秀', 25],
      ]),
    );
    assert.equal(res.status, 422);
    assert.deepEqual(
      res.body.errors.map((e: { row: number; message: string }) => [e.row, e.message]),
      [
        [3, '“第一责任人职责”得分须在 0 至 30 之间'],
        [4, '单位“甲镇”不是本方案的被考核单位'],
        [5, '“第一责任人职责”须为数字'],
      ],
    );
    assert.match(res.body.message, /未导入任何数据/);
    assert.deepEqual(await tableDigests(world, ['assessment_score']), before0);
  });

  test('评分表导入成功：写入得分，空格不改动，记入审计；结果表随之更新', async () => {
    const res = await upload(
      office,
      `/api/assessment/schemes/${scheme.id}/score-sheet`,
      await xlsx([
        ['单位', '第一责任人职责', '执法三项制度'],
        ['甲县自然资源局', 28, 27.5],
        ['乙县人民政府办公室', 30, null],
      ]),
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.created, 3);
    const results = ok(await office.get(`/api/assessment/schemes/${scheme.id}/results`), '结果');
    assert.deepEqual(results.rows.map((r: { orgName: string; total: number }) => [r.orgName, r.total]), [
      ['甲县自然资源局', 55.5],
      ['乙县人民政府办公室', 30],
      ['甲县人民政府办公室', 0],
    ]);
    assert.equal((await upload(await world.login('liaisonA'), `/api/assessment/schemes/${scheme.id}/score-sheet`, await xlsx([['单位']]))).status, 403);
  });

  test('学法记录导入：形式按中文名称、单位须在范围内、日期不晚于今天，全有或全无', async () => {
    const header = ['单位', '学法日期', '学法主题', '学法形式', '授课人', '参加人数', '学法时长（小时）', '参加人员'];
    const bad = await upload(
      office,
      '/api/assessment/study-sessions/import',
      await xlsx([
        header,
        ['甲县自然资源局', '2026-10-10', '行政复议法解读', '理论学习中心组学法', '许明', 12, 1.5, '班子成员'],
        ['甲县自然资源局', '2026-12-10', '民法典', '专题讲座', '', 10, 2, ''],
        ['甲县自然资源局', '2026-10-12', '民法典', '读书会', '', 10, 2, ''],
        ['不存在的单位', '2026-10-12', '民法典', '专题讲座', '', 0, 2, ''],
      ]),
    );
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: { row: number; field: string }) => [e.row, e.field]), [
      [3, 'date'],
      [4, 'form'],
      [5, 'orgName'],
    ]);
    assert.equal(ok(await office.get('/api/assessment/study-sessions'), '列表').total, 0);
    const good = await upload(office, '/api/assessment/study-sessions/import', await xlsx([header, ['甲县自然资源局', '2026-10-10', '行政复议法解读', '理论学习中心组学法', '许明', 12, 1.5, '班子成员']]));
    assert.equal(good.status, 200, JSON.stringify(good.body));
    const list = ok(await office.get('/api/assessment/study-sessions'), '列表');
    assert.equal(list.total, 1);
    assert.equal(list.items[0].form, 'center_group');
    assert.equal(list.totalHours, 1.5);
  });

  test('考试情况：参考人数不能多于应考人数、通过人数不能多于参考人数（中文字段错误）', async () => {
    const exam = ok(await office.post('/api/assessment/exams', { title: '2026年度学法考试', year: 2026, examDate: '2026-10-20', orgId: world.units.cityOffice }), '考试');
    const res = await office.request('PUT', `/api/assessment/exams/${exam.id}/results`, { orgId: world.units.countyADept, eligible: 10, participated: 11, passed: 12 });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.details.fields.map((f: { path: string; message: string }) => [f.path, f.message]), [
      ['participated', '参考人数不能多于应考人数'],
      ['passed', '通过人数不能多于参考人数'],
    ]);
    ok(await office.request('PUT', `/api/assessment/exams/${exam.id}/results`, { orgId: world.units.countyADept, eligible: 10, participated: 10, passed: 10 }), '填报');
    const stale = await office.request('PUT', `/api/assessment/exams/${exam.id}/results`, { orgId: world.units.countyADept, eligible: 10, participated: 9, passed: 9 });
    assert.equal(stale.status, 409);
    const d = ok(await office.get(`/api/assessment/exams/${exam.id}`), '详情');
    assert.equal(d.overall.bothFull, true);
  });
});
