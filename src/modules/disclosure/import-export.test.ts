/**
 * 导入 / 导出: an .xlsx built with the template headers is validated row by row and imported all or
 * nothing; the export follows the list's filters and the user's scope.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { act, registerVia } from './test/fixtures';
import { countRows, hasCjk } from '../../../test/support/disclosure-helpers';
import { queryRows, sql } from '../../kernel/db/client';
import { IMPORT_COLUMNS } from './service/import-requests';

type Row = Partial<Record<(typeof IMPORT_COLUMNS)[number]['key'], string | Date>>;

const validRow = (over: Row = {}): Row => ({
  orgName: '甲县人民政府办公室',
  channel: '当面提交',
  receivedDate: '2026-11-20',
  applicantType: '公民',
  applicantName: '赵六',
  applicantIdNumber: '11010519491231002X',
  applicantPhone: '13900139000',
  applicantEmail: 'zhaoliu@example.com',
  applicantAddress: '示范省测试市甲县城关镇建设路8号',
  content: '2025年度本县财政预算执行情况',
  purpose: '研究',
  deliveryMethod: '电子邮件',
  ...over,
});

/** An .xlsx with the template's header row and the given rows. */
const workbook = async (rows: Row[]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('依申请公开');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const upload = (client: TestClient, data: Buffer, name = '导入.xlsx') => {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(data)], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  return client.request('POST', '/api/disclosure/requests/import', form);
};

const WRITTEN = ['disclosure_request', 'case_clock', 'todo', 'number_sequence', 'case_transition'] as const;

/** The rows of an exported sheet as objects keyed by header (the optional trailing note excluded). */
const readExport = async (raw: Buffer): Promise<Record<string, unknown>[]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r += 1) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? ''])));
  }
  return out;
};

describe('依申请公开导入导出', () => {
  let world: TestWorld;
  let handler: TestClient;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    handler = await world.login('handlerA');
  });
  after(() => world.close());

  test('有错误的行（身份证号无效、日期无效、单位不存在）: 422，逐行中文错误，一行也不导入', async () => {
    const file = await workbook([
      validRow({ applicantName: '甲一' }),
      validRow({ applicantName: '甲二' }),
      validRow({ applicantName: '甲三' }),
      validRow({ applicantName: '错一', applicantIdNumber: '110105194912310021', receivedDate: '2026-02-30' }),
      validRow({ applicantName: '错二', orgName: '不存在的单位' }),
    ]);
    const before = await countRows(world, WRITTEN);
    const res = await upload(handler, file);
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.code, 'VALIDATION_FAILED');
    assert.ok(hasCjk(res.body.message));
    assert.equal(res.body.created, 0);
    const errors = res.body.errors as { row: number; field: string; message: string }[];
    assert.deepEqual(
      errors.map((e) => [e.row, e.field]),
      [
        [5, 'applicantIdNumber'],
        [5, 'receivedDate'],
        [6, 'orgName'],
      ],
    );
    for (const e of errors) assert.ok(hasCjk(e.message), e.message);
    assert.match(errors[2]!.message, /不存在的单位/);
    // The same problems as field details of the standard error body.
    assert.equal(res.body.details.fields.length, 3);
    for (const f of res.body.details.fields as { path: string; message: string }[]) {
      assert.ok(f.path);
      assert.ok(hasCjk(f.message));
    }
    assert.deepEqual(await countRows(world, WRITTEN), before);
  });

  test('本人数据范围外的单位、晚于今天的收到日期: 行错误，一行也不导入', async () => {
    const file = await workbook([
      validRow({ applicantName: '范围内' }),
      validRow({ applicantName: '乙县的', orgName: '乙县人民政府办公室' }),
      validRow({ applicantName: '明天的', receivedDate: '2026-11-24' }),
    ]);
    const before = await countRows(world, WRITTEN);
    const res = await upload(handler, file);
    assert.equal(res.status, 422);
    assert.deepEqual(
      (res.body.errors as { row: number; field: string }[]).map((e) => [e.row, e.field]),
      [
        [3, 'orgName'],
        [4, 'receivedDate'],
      ],
    );
    assert.deepEqual(await countRows(world, WRITTEN), before);
  });

  test('全部有效: 200，created = 3，申请逐条登记（登记号、期限、待办）并出现在列表中', async () => {
    const file = await workbook([
      validRow({ applicantName: '导入一' }),
      validRow({ applicantName: '导入二', receivedDate: new Date('2026-11-19T00:00:00Z'), channel: 'letter' }),
      validRow({ applicantName: '导入三', orgName: '甲县人民政府办公室', applicantType: '法人', applicantIdNumber: '' }),
    ]);
    const res = await upload(handler, file);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { created: 3, errors: [] });
    const list = await handler.get(`/api/disclosure/requests?q=${encodeURIComponent('导入')}`);
    assert.equal(list.body.total, 3);
    const byName = Object.fromEntries((list.body.items as { applicantName: string }[]).map((i) => [i.applicantName, i])) as Record<string, Record<string, unknown>>;
    assert.equal(byName['导入一']!.receivedDate, '2026-11-20');
    assert.equal(byName['导入二']!.receivedDate, '2026-11-19');
    assert.equal(byName['导入二']!.channel, 'letter');
    assert.equal(byName['导入三']!.applicantType, 'legal_person');
    for (const item of Object.values(byName)) {
      assert.match(item.requestNo as string, /^甲政办依申〔2026〕\d+号$/);
      assert.equal(item.status, 'registered');
      assert.ok((item.deadline as { dueDate: string }).dueDate);
    }
    const [{ n }] = (await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from audit_log where action = 'request.import'`)) as [{ n: number }];
    assert.equal(n, 1);
    const home = await handler.get('/api/home');
    assert.equal(home.body.todos.filter((t: { title: string }) => t.title.includes('导入')).length, 3);
  });

  test('不是 Excel 的文件、没有数据行的文件、缺少必填列的文件: 422 且不写入', async () => {
    const before = await countRows(world, WRITTEN);
    const garbage = await upload(handler, Buffer.from('这不是 Excel 文件'));
    assert.equal(garbage.status, 422);
    assert.ok(hasCjk(garbage.body.message));
    assert.ok(hasCjk(garbage.body.errors[0].message));
    const empty = await upload(handler, await workbook([]));
    assert.equal(empty.status, 422);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['申请人', '申请内容']);
    const missingColumns = await upload(handler, Buffer.from(await wb.xlsx.writeBuffer()));
    assert.equal(missingColumns.status, 422);
    assert.ok((missingColumns.body.errors as { message: string }[]).some((e) => /缺少列“承办单位”/.test(e.message)));
    assert.deepEqual(await countRows(world, WRITTEN), before);
    // Only holders of the import permission may import.
    const leader = await world.login('leaderA');
    assert.equal((await upload(leader, await workbook([validRow()]))).status, 403);
    assert.deepEqual(await countRows(world, WRITTEN), before);
  });

  test('按筛选条件导出: status=replied 只导出已答复的申请，并留审计记录', async () => {
    const r1 = await registerVia(handler, world.units.countyAGov, { applicantName: '已答复甲' });
    const r2 = await registerVia(handler, world.units.countyAGov, { applicantName: '已答复乙' });
    for (const r of [r1, r2]) {
      const res = await act(handler, r.id, 'reply', { replyType: 'not_exist', replySummary: '经检索没有该信息', repliedDate: '2026-11-23' });
      assert.equal(res.status, 200);
    }
    const res = await handler.get('/api/disclosure/requests/export?status=replied');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await readExport(res.raw);
    assert.deepEqual(rows.map((r) => r['登记号']).sort(), [r1.requestNo, r2.requestNo].sort());
    for (const r of rows) {
      assert.equal(r['状态'], '已答复');
      assert.equal(r['答复类型'], '信息不存在');
      assert.match(String(r['答复书文号']), /^甲政办依申复〔2026〕\d+号$/);
    }
    const registered = await readExport((await handler.get('/api/disclosure/requests/export?status=registered')).raw);
    assert.equal(registered.length, 3);
    assert.ok(registered.every((r) => r['状态'] === '待审查'));
    const byName = await readExport((await handler.get(`/api/disclosure/requests/export?q=${encodeURIComponent('已答复甲')}`)).raw);
    assert.deepEqual(byName.map((r) => r['申请人']), ['已答复甲']);
    const byDate = await readExport((await handler.get('/api/disclosure/requests/export?receivedFrom=2026-11-19&receivedTo=2026-11-19')).raw);
    assert.deepEqual(byDate.map((r) => r['申请人']), ['导入二']);
    const audits = await queryRows<{ reason: string }>(world.platform.services.db, sql`select reason from audit_log where action = 'request.export' order by seq`);
    assert.equal(audits.length, 4);
    assert.equal(JSON.parse(audits[0]!.reason).status, 'replied');
  });
});
