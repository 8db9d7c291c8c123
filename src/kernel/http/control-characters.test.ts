/**
 * 控制字符与日志: a NUL (or any C0 control character but tab and newline) in a path, query, JSON body or
 * form field is refused with 422 naming the field, before anything is written; and a failure's log line
 * never carries the statement's parameters or the personal data a database message quotes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { requestBody } from '../../modules/disclosure/test/fixtures';
import { queryRows } from '../db/client';
import { disclosureModule } from '../../modules/disclosure/module';
import { errorHandler } from './error-handler';
import type { AppEnv } from './app-env';
import { describeErrorForLog } from '../errors/log-redaction';

const countRequests = async (world: TestWorld) =>
  (await queryRows<{ n: number }>(world.platform.services.db, sql`select count(*)::int as n from disclosure_request`))[0]!.n;

const fieldPaths = (body: { details?: { fields?: { path: string; message: string }[] } }) => (body.details?.fields ?? []).map((f) => f.path);

describe('控制字符：一律 422 并指明字段，不写入', () => {
  let world: TestWorld;
  let handler: TestClient;
  before(async () => {
    world = await createTestWorld({ modules: [disclosureModule] });
    handler = await world.login('handlerA');
  });
  after(() => world.close());

  test('JSON 请求体中的 NUL：422，字段为 applicantName，申请未登记', async () => {
    const before0 = await countRequests(world);
    const res = await handler.post('/api/disclosure/requests', requestBody(world.units.countyAGov, { applicantName: '张\u0000三' }));
    assert.equal(res.status, 422);
    assert.deepEqual(fieldPaths(res.body), ['applicantName']);
    assert.match(res.body.details.fields[0].message, /控制字符/);
    assert.equal(await countRequests(world), before0);
  });

  test('嵌套字段与字段名中的控制字符都被指出', async () => {
    const res = await handler.post('/api/disclosure/requests', { ...requestBody(world.units.countyAGov), extra: [{ 'a\u0001': 'x' }, 'ok\u001b[31m'] });
    assert.equal(res.status, 422);
    assert.deepEqual(fieldPaths(res.body).sort(), ['extra.0.a\u0001', 'extra.1'].sort());
  });

  test('公众门户（未登录）提交含 NUL：422，不登记、不起算期限', async () => {
    const before0 = await countRequests(world);
    const { channel: _c, receivedDate: _r, ...portalBody } = requestBody(world.units.countyAGov, { content: '申请公开\u0000内容' });
    const res = await world.anonymous('203.0.113.9').post('/api/public/disclosure/requests', portalBody);
    assert.equal(res.status, 422);
    assert.deepEqual(fieldPaths(res.body), ['content']);
    assert.equal(await countRequests(world), before0);
  });

  test('查询参数与路径中的 NUL：422', async () => {
    const q = await handler.get('/api/disclosure/requests?q=%E5%BC%A0%00');
    assert.equal(q.status, 422);
    assert.deepEqual(fieldPaths(q.body), ['q']);
    const p = await world.anonymous('203.0.113.10').get('/api/public/disclosure/requests/AB%00CD');
    assert.equal(p.status, 422);
    assert.deepEqual(fieldPaths(p.body), ['(路径)']);
  });

  test('multipart 表单字段与文件名中的控制字符：422', async () => {
    const form = new FormData();
    form.set('ownerType', 'disclosure_request\u0000');
    form.set('ownerId', '1');
    form.set('file', new File(['%PDF-1.4'], 'a.pdf'));
    const res = await handler.request('POST', '/api/attachments', form);
    assert.equal(res.status, 422);
    assert.deepEqual(fieldPaths(res.body), ['ownerType']);
    const named = new FormData();
    named.set('ownerType', 'disclosure_request');
    named.set('ownerId', '1');
    named.set('file', new File(['%PDF-1.4'], '申请书\u0007.pdf'));
    const res2 = await handler.request('POST', '/api/attachments', named);
    assert.equal(res2.status, 422);
    assert.deepEqual(fieldPaths(res2.body), ['file']);
  });

  test('换行与制表符照常接受（申请内容可以分段）', async () => {
    const res = await handler.post('/api/disclosure/requests', requestBody(world.units.countyAGov, { content: '第一段\r\n第二段\t附表' }));
    assert.equal(res.status, 200);
  });
});

describe('服务器日志不含个人信息与语句参数', () => {
  test('数据库语句失败时：日志有 SQL 与错误码，没有参数、姓名、身份证号或受理码', async () => {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "disclosure_request_receipt_code_key"'), {
      code: '23514',
      detail: 'Key (receipt_code)=(QX7K-22PM-9ZZA) already exists.',
    });
    const failure = new DrizzleQueryError(
      'insert into "disclosure_request" ("applicant_name", "applicant_id_number", "receipt_code") values ($1, $2, $3)',
      ['张三', '11010519491231002X', 'QX7K-22PM-9ZZA'],
      pgError,
    );
    const app = new Hono<AppEnv>();
    app.onError(errorHandler);
    app.use('*', async (c, next) => {
      c.set('requestId', 'req-1');
      await next();
    });
    app.get('/api/public/disclosure/requests/:receiptCode', () => {
      throw failure;
    });
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    let res: Response;
    try {
      res = await app.request('/api/public/disclosure/requests/QX7K-22PM-9ZZA');
    } finally {
      console.error = original;
    }
    assert.equal(res.status, 500);
    const body = (await res.json()) as { message: string };
    assert.equal(body.message, '系统内部错误，请联系管理员');
    const log = logged.join('\n');
    assert.match(log, /insert into "disclosure_request"/);
    assert.match(log, /23514/);
    for (const secret of ['张三', '11010519491231002X', 'QX7K-22PM-9ZZA']) assert.ok(!log.includes(secret), `日志中出现了 ${secret}：\n${log}`);
  });

  test('数据库消息引用的值被隐去，约束名等标识符保留', () => {
    const err = Object.assign(new Error('invalid input syntax for type integer: "李四的申请"'), { code: '22P02' });
    const keyErr = Object.assign(new Error('Key (applicant_phone)=(13800138000) is not present in table "app_user".'), { code: '23503' });
    const text = `${describeErrorForLog(err)}\n${describeErrorForLog(keyErr)}`;
    assert.ok(!text.includes('李四'));
    assert.ok(!text.includes('13800138000'));
    assert.match(text, /"app_user"/);
    assert.match(text, /\[22P02\]/);
  });
});
