/**
 * An oversized import does not hold up the server: the upload that once took ~50 s of a blocked event loop is
 * refused at the row limit, and requests arriving meanwhile (a signed-in page, the anonymous portal) are
 * answered first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestResponse, type TestWorld } from '../../../test/support/test-platform';
import { buildXlsx, inlineRow } from '../../../test/support/xlsx-builder';
import { IMPORT_COLUMNS } from '../../modules/disclosure/service/import-requests';
import { sheetProgress } from './xlsx-stream';

const ROWS = 100_000;

/** 100,000 依申请公开 rows under the template header (one file for the whole test file). */
const bigFile = (): Buffer => {
  const parts = [inlineRow(1, IMPORT_COLUMNS.map((c) => c.header))];
  for (let r = 2; r <= ROWS + 1; r += 1) parts.push(inlineRow(r, ['甲县人民政府办公室', '当面提交', '2026-11-20', '公民', `申请人${r}`, undefined, undefined, undefined, '示范省测试市甲县城关镇建设路8号', '2025年度本县财政预算执行情况']));
  return buildXlsx({ sheetData: parts.join('') });
};

const upload = (client: TestClient, data: Buffer) => {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(data)], '大文件.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  return client.request('POST', '/api/disclosure/requests/import', form);
};

describe('超大 Excel 导入不阻塞其他请求', () => {
  let world: TestWorld;
  let handler: TestClient;
  let file: Buffer;
  before(async () => {
    world = await createTestWorld({ config: { maxUploadBytes: 20 * 1024 * 1024 } });
    handler = await world.login('handlerA');
    file = bigFile();
  });
  after(() => world.close());

  test('10 万行的文件（上限 5,000 行）被拒绝；导入读表途中发出的“我的信息”和公众门户请求在读表结束前就已返回', async () => {
    // One ordered log of what happened: the reader's progress (every 1,000 rows), the answers.
    const log: string[] = [];
    const track = <T>(name: string, p: Promise<T>) =>
      p.then((res) => {
        log.push(name);
        return res;
      });
    // The other requests start once the server is inside the sheet (1,000 rows read): a reader that held the
    // event loop would read on to its limit before they could be answered.
    let others: Promise<[TestResponse, TestResponse]> | undefined;
    const onRows = (message: unknown) => {
      log.push(`已读 ${(message as { rows: number }).rows} 行`);
      others ??= Promise.all([track('我的信息', handler.get('/api/auth/me')), track('门户', world.anonymous('203.0.113.9').get('/api/public/disclosure/orgs'))]);
    };
    sheetProgress.subscribe(onRows);
    try {
      const res = await track('导入', upload(handler, file));
      assert.ok(others, '读表过程中应有进度');
      const [me, portal] = await others;
      assert.equal(me.status, 200);
      assert.equal(portal.status, 200);
      assert.equal(res.status, 422);
      assert.deepEqual(res.body.errors, [{ row: 0, field: 'file', message: '一次最多导入 5000 行' }]);
      // The reader stopped at the limit (header + 5,001 rows): its last progress is 5,000 rows, and both other
      // requests were answered before it, while the import was still reading.
      const lastProgress = log.lastIndexOf('已读 5000 行');
      assert.ok(lastProgress > 0 && !log.includes('已读 6000 行'), log.join(' → '));
      assert.ok(log.indexOf('我的信息') < lastProgress && log.indexOf('门户') < lastProgress, log.join(' → '));
      assert.equal(log.at(-1), '导入', log.join(' → '));
    } finally {
      sheetProgress.unsubscribe(onRows);
    }
  });
});
