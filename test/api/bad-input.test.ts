/**
 * Bad input on every route of the OpenAPI document (and the two multipart routes outside it), sent by a
 * user who holds the route's permission: the answer is always a 4xx with a Chinese error body, never
 * a 500, and nothing is written.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestWorld, type TestClient, type TestResponse, type TestWorld } from '../support/test-platform';
import { registerVia, requestBody } from '../../src/modules/disclosure/test/fixtures';
import { hasCjk, tableDigests } from '../support/disclosure-helpers';
import { queryRows } from '../../src/kernel/db/client';
import { requestMachine } from '../../src/modules/disclosure/request-machine';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BadInputFixture, BadInputValues } from '../support/bad-input/fixture';

// Each module's fixture: `test/bad-input.ts` anywhere in its folder (one per area for modules with areas),
// exporting `fixture`: its users, tables and valid values. Found by name, in path order.
const fixtureFiles = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return fixtureFiles(p);
      return p.endsWith(join('test', 'bad-input.ts')) ? [p] : [];
    });
const fixtures: BadInputFixture[] = [];
for (const f of fixtureFiles(join(process.cwd(), 'src', 'modules')).sort()) {
  fixtures.push(((await import(f)) as { fixture: BadInputFixture }).fixture);
}

/** Tables whose content a rejected request must leave as it was (sessions and the audit trail excluded). */
const BUSINESS_TABLES = [
  'disclosure_request',
  'org_unit',
  'app_user',
  'user_role',
  'role',
  'case_clock',
  'case_transition',
  'todo',
  'attachment',
  'number_sequence',
  'holiday',
  'holiday_year',
  'outbox_event',
  'outbox_delivery',
  'app_setting',
  ...fixtures.flatMap((f) => f.tables),
];

const HUGE = 'x'.repeat(10 * 1024);
const UNKNOWN_ENUM = 'not_an_option';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: unknown;
}
interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
}

/** One bad request. */
interface Case {
  label: string;
  path: string;
  body?: unknown;
  /** Sent as-is (not JSON-encoded) with this content type. */
  raw?: { text: string; type: string };
  /** The exact status expected, when the case calls for one. */
  expect?: number;
}

const typeOf = (s: JsonSchema): string | undefined => {
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t) return t;
  if (s.enum) return 'string';
  return undefined;
};
const isDateName = (name: string) => /(Date|On)$|^(date|from|to)$|^received(From|To)$/.test(name);

/** Query-string or path values that the parameter's schema rejects. */
const badParamValues = (p: Parameter): string[] => {
  const t = typeOf(p.schema);
  const out: string[] = [];
  if (t === 'integer' || t === 'number') out.push('abc', '1.5', '-1', '0', '99999999999999999999', 'NaN');
  if (t === 'string') {
    if (p.schema.enum) out.push(UNKNOWN_ENUM);
    if (p.schema.maxLength !== undefined || p.schema.pattern) out.push(HUGE);
    if (p.schema.pattern) out.push('!!bad!!');
    if (isDateName(p.name)) out.push('2026-02-30', '2026-13-01', 'yesterday');
  }
  return out;
};

/** Property values that the property's schema rejects. */
const badPropertyValues = (name: string, s: JsonSchema): unknown[] => {
  const t = typeOf(s);
  const out: unknown[] = [];
  switch (t) {
    case 'string':
      out.push(12345, true, { nested: 'x' }, HUGE);
      if (s.enum) out.push(UNKNOWN_ENUM);
      if (isDateName(name)) out.push('2026-02-30', '2026/01/05');
      break;
    case 'integer':
    case 'number':
      // Every number must be bounded (so -1 and 1e15 are always out of range); a fraction only for integers.
      out.push('12', '', true, -1, 1e15, [1]);
      if (t === 'integer') out.push(1.5);
      break;
    case 'boolean':
      out.push('true', 1, 'yes');
      break;
    case 'array':
      out.push('x', { a: 1 });
      if (s.items && typeOf(s.items) === 'integer') out.push(['x'], [-1], [1.5]);
      if (s.items && typeOf(s.items) === 'string') out.push([12345], [HUGE]);
      break;
    case 'object':
      out.push('x', 12345, [1]);
      break;
  }
  return out;
};

describe('全部接口的错误输入: 一律 4xx（中文错误），从不 500，不写入', () => {
  let world: TestWorld;
  const as: Record<string, TestClient> = {};
  let doc: { paths: Record<string, Record<string, Operation>> };
  let requestId = 0;
  let requestVersion = 0;
  let receiptCode = '';
  let before0: Record<string, string>;
  const problems: string[] = [];
  let sent = 0;

  /** Valid values of path parameters, by route and parameter. */
  const pathValues = (route: string): Record<string, string> => {
    if (route.startsWith('/api/disclosure/requests/{id}')) return { id: String(requestId), name: 'reply' };
    if (route === '/api/system/orgs/{id}') return { id: String(world.units.countyADept) };
    if (route === '/api/system/users/{id}' || route.startsWith('/api/security/users/{id}')) return { id: String(world.users.deptA) };
    if (route === '/api/security/roles/{id}') return { id: String(roleIds.leader) };
    if (route === '/api/system/calendar/days/{date}') return { date: '2026-10-10' };
    if (route === '/api/system/calendar/years/{year}') return { year: '2026' };
    if (route === '/api/system/outbox/{eventId}/retry') return { eventId: '1' };
    if (route === '/api/public/disclosure/requests/{receiptCode}') return { receiptCode };
    for (const v of moduleValues) {
      const hit = v.pathValues?.(route);
      if (hit) return hit;
    }
    return {};
  };
  const roleIds: Record<string, number> = {};
  const moduleValues: BadInputValues[] = [];

  /** A valid query (for routes with required query parameters) and a valid body, by "METHOD route". */
  const validQuery = (key: string): Record<string, string> =>
    ({
      'GET /api/attachments': { ownerType: 'disclosure_request', ownerId: String(requestId) },
      'GET /api/system/calendar': { year: '2026' },
    })[key] ??
    moduleValues.map((v) => v.validQuery?.(key)).find(Boolean) ??
    {};
  const validBody = (key: string): Record<string, unknown> | undefined => {
    const bodies: Record<string, Record<string, unknown>> = {
      'POST /api/auth/login': { username: 'no_such_user', password: 'Wrong@Passw0rd' },
      'POST /api/auth/mfa': { code: '123456' },
      'POST /api/auth/mfa/enroll/confirm': { code: '123456' },
      'POST /api/auth/password': { oldPassword: 'Wrong@Passw0rd', newPassword: 'New@Passw0rd!2026' },
      'POST /api/system/orgs': { parentId: world.units.countyA, name: '甲县司法局', shortName: '甲司', kind: 'justice_bureau', divisionCode: '110105', sortOrder: 1 },
      'PATCH /api/system/orgs/{id}': { name: '甲县自然资源局', version: 1 },
      'POST /api/system/users': { username: 'newuser', displayName: '新用户', orgId: world.units.countyAGov, roleIds: [roleIds.leader], password: 'New@Passw0rd!2026' },
      'PATCH /api/system/users/{id}': { displayName: '新名字', version: 1 },
      'PUT /api/system/calendar/days/{date}': { kind: 'holiday', name: '测试' },
      'PUT /api/system/calendar/years/{year}': { covered: true },
      'POST /api/security/roles': { code: 'new_role', name: '新角色', scope: 'unit', adminKind: null, permissions: ['disclosure:read'] },
      'PATCH /api/security/roles/{id}': { code: 'leader', name: '领导（查阅）', scope: 'unit_and_below', adminKind: null, permissions: ['report:read', 'disclosure:read'], version: 1 },
      'POST /api/disclosure/requests': requestBody(world.units.countyAGov),
      'POST /api/disclosure/requests/{id}/reveal': { reason: '核实申请人身份' },
      'POST /api/disclosure/requests/{id}/transitions/{name}': { version: requestVersion, input: { replyType: 'disclosed', replySummary: '予以公开', repliedDate: '2026-11-23' } },
      'POST /api/public/disclosure/requests': (() => {
        const { channel: _c, receivedDate: _r, ...rest } = requestBody(world.units.countyAGov);
        return rest;
      })(),
    };
    return bodies[key] ?? moduleValues.map((v) => v.validBody?.(key)).find(Boolean);
  };

  /** The user who holds the permission of a route. */
  const userFor = (route: string): string => {
    const rules: [RegExp, string][] = [
      [/^\/api\/auth\//, 'anonymous'],
      [/^\/api\/public\//, 'anonymous'],
      [/^\/api\/system\//, 'sysadmin'],
      [/^\/api\/security\//, 'secadmin'],
      [/^\/api\/audit\//, 'auditor'],
      [/^\/api\/attachments/, 'handlerA'],
      [/^\/api\/reports\//, 'office'],
      [/^\/api\/disclosure\//, 'handlerA'],
      [/^\/api\/(home|orgs|deadlines|risk-signals)/, 'office'],
      ...fixtures.flatMap((f) => f.users),
    ];
    const hit = rules.find(([re]) => re.test(route));
    assert.ok(hit, `没有为 ${route} 指定测试用户：请在 userFor 中补充`);
    return hit[1];
  };

  const fill = (route: string, values: Record<string, string>) => route.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(values[n] ?? ''));
  const withQuery = (path: string, q: Record<string, string>) => {
    const s = new URLSearchParams(q).toString();
    return s ? `${path}?${s}` : path;
  };

  /** The bad requests for one operation. */
  const casesFor = (method: string, route: string, op: Operation): { cases: Case[]; strict: boolean } => {
    const key = `${method} ${route}`;
    const params = op.parameters ?? [];
    const pv = pathValues(route);
    const q = validQuery(key);
    const okPath = withQuery(fill(route, pv), q);
    const cases: Case[] = [];
    for (const p of params.filter((x) => x.in === 'path')) {
      assert.ok(pv[p.name], `${key} 缺少路径参数 ${p.name} 的有效值：请在 pathValues 中补充`);
      for (const v of badParamValues(p)) cases.push({ label: `路径参数 ${p.name}=${v.slice(0, 30)}`, path: withQuery(fill(route, { ...pv, [p.name]: v }), q) });
    }
    if (route.endsWith('/transitions/{name}')) {
      for (const name of ['fly', 'constructor', 'toString', 'hasOwnProperty']) cases.push({ label: `未知的操作名称 ${name}`, path: fill(route, { ...pv, name }), body: validBody(key), expect: 404 });
    }
    for (const p of params.filter((x) => x.in === 'query')) {
      for (const v of badParamValues(p)) cases.push({ label: `查询参数 ${p.name}=${v.slice(0, 30)}`, path: withQuery(fill(route, pv), { ...q, [p.name]: v }) });
      if (typeOf(p.schema) === 'string') cases.push({ label: `查询参数 ${p.name} 含 NUL`, path: withQuery(fill(route, pv), { ...q, [p.name]: 'a\u0000b' }), expect: 422 });
      if (p.required) {
        const { [p.name]: _drop, ...rest } = q;
        cases.push({ label: `缺少必填查询参数 ${p.name}`, path: withQuery(fill(route, pv), rest) });
      }
    }
    const schema = op.requestBody?.content['application/json']?.schema;
    if (schema) {
      const base = validBody(key);
      assert.ok(base, `${key} 缺少有效请求体：请在 validBody 中补充`);
      const props = schema.properties ?? {};
      const required = schema.required ?? [];
      const b = (label: string, body: unknown) => cases.push({ label, path: okPath, body });
      cases.push({ label: '畸形 JSON', path: okPath, raw: { text: '{bad', type: 'application/json' } });
      cases.push({ label: '截断的 JSON', path: okPath, raw: { text: JSON.stringify(base).slice(0, -3), type: 'application/json' } });
      cases.push({ label: 'text/plain 内容类型', path: okPath, raw: { text: JSON.stringify(base), type: 'text/plain' } });
      cases.push({ label: '表单内容类型', path: okPath, raw: { text: 'a=1&b=2', type: 'application/x-www-form-urlencoded' } });
      b('请求体为数组', [base]);
      b('请求体为 null', null);
      b('请求体为字符串', 'hello');
      b('请求体为数字', 42);
      if (required.length) {
        b('空对象', {});
        b('多余的未知字段（且缺少必填字段）', { ...Object.fromEntries(Object.entries(base).filter(([k]) => k !== required[0])), unknownField: 'x', isAdmin: true, id: 1 });
      }
      for (const r of required) {
        const { [r]: _drop, ...rest } = base;
        b(`缺少必填字段 ${r}`, rest);
      }
      for (const [name, s] of Object.entries(props)) {
        for (const v of badPropertyValues(name, s)) b(`字段 ${name}=${JSON.stringify(v).slice(0, 30)}`, { ...base, [name]: v });
      }
      // A NUL in any text field: PostgreSQL cannot store it, so it must be a 422 before any query.
      const text = Object.entries(props).find(([, s]) => typeOf(s) === 'string');
      if (text) cases.push({ label: `字段 ${text[0]} 含 NUL`, path: okPath, body: { ...base, [text[0]]: `${String(base[text[0]] ?? '文本')}\u0000` }, expect: 422 });
    }
    // Routes without any input can only be checked not to fail on junk.
    const strict = cases.length > 0;
    if (!strict) {
      cases.push({ label: '无关的查询参数', path: `${okPath}?junk=${HUGE}&page=-1` });
      if (method !== 'GET') cases.push({ label: '无关的畸形请求体', path: okPath, raw: { text: '{bad', type: 'application/json' } });
    }
    return { cases, strict };
  };

  /** Checks one answer; returns the problem, if any. */
  const check = (where: string, res: TestResponse, strict: boolean): string | null => {
    const brief = `${where} → ${res.status} ${typeof res.body === 'string' ? res.body.slice(0, 200) : JSON.stringify(res.body).slice(0, 300)}`;
    if (res.status >= 500) return `500: ${brief}`;
    if (strict && (res.status < 400 || res.status >= 500)) return `应为 4xx: ${brief}`;
    if (res.status < 400) return null;
    if (!(res.headers.get('content-type') ?? '').includes('json')) return `错误响应不是 JSON: ${brief}`;
    if (typeof res.body?.code !== 'string' || !hasCjk(res.body?.message)) return `错误体缺少 code 或中文 message: ${brief}`;
    if (res.status === 422) {
      const fields = res.body.details?.fields;
      if (!Array.isArray(fields) || fields.length === 0) return `422 缺少 details.fields: ${brief}`;
      for (const f of fields) if (typeof f.path !== 'string' || !f.path || !hasCjk(f.message)) return `422 字段错误缺少 path 或中文 message: ${brief}`;
    }
    return null;
  };

  const send = async (client: TestClient, method: string, c: Case): Promise<TestResponse> => {
    sent += 1;
    if (c.raw) return client.request(method, c.path, c.raw.text, { 'content-type': c.raw.type });
    if (c.body === undefined) return client.request(method, c.path);
    return client.request(method, c.path, JSON.stringify(c.body), { 'content-type': 'application/json' });
  };

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    as.anonymous = world.anonymous();
    for (const u of ['sysadmin', 'secadmin', 'auditor', 'office', 'handlerA']) as[u] = await world.login(u);
    const r = await registerVia(as.handlerA!, world.units.countyAGov);
    requestId = r.id;
    requestVersion = r.version;
    receiptCode = r.receiptCode;
    for (const row of await queryRows<{ id: number; code: string }>(world.platform.services.db, sql`select id, code from role`)) roleIds[row.code] = row.id;
    const login = async (u: string): Promise<TestClient> => (as[u] ??= await world.login(u));
    for (const f of fixtures) {
      moduleValues.push(await f.setup(world, login));
      for (const [, u] of f.users) if (u !== 'anonymous') await login(u);
    }
    const res = await as.office!.get('/api/openapi.json');
    assert.equal(res.status, 200);
    doc = res.body;
    before0 = await tableDigests(world, BUSINESS_TABLES);
  });
  after(() => world.close());

  test('OpenAPI 文档中的每个接口：错误输入一律 4xx，错误体为中文', async (t) => {
    const ops = Object.entries(doc.paths).flatMap(([route, methods]) => Object.entries(methods).map(([m, op]) => ({ route, method: m.toUpperCase(), op })));
    assert.ok(ops.length >= 35, `接口数 ${ops.length}`);
    // The portal's rate limit counts every call; its routes go last, each in a fresh minute.
    ops.sort((a, b) => Number(a.route.startsWith('/api/public/')) - Number(b.route.startsWith('/api/public/')));
    for (const { route, method, op } of ops) {
      await t.test(`${method} ${route}`, async () => {
        const user = userFor(route);
        const client = as[user]!;
        const { cases, strict } = casesFor(method, route, op);
        const found: string[] = [];
        for (const c of cases) {
          if (route.startsWith('/api/public/')) world.clock.advance(61_000);
          const res = await send(client, method, c);
          const where = `${method} ${c.path.slice(0, 120)} [${c.label}]`;
          const problem = check(where, res, strict);
          if (problem) found.push(problem);
          else if (c.expect && res.status !== c.expect) found.push(`应为 ${c.expect}: ${where} → ${res.status} ${JSON.stringify(res.body)}`);
        }
        problems.push(...found);
        assert.deepEqual(found, []);
      });
    }
  });

  test('办理操作的输入：按状态机声明的字段逐项给出错误值，一律 422', async () => {
    world.clock.set('2026-11-23T09:00:00');
    const h = await world.login('handlerA');
    const found: string[] = [];
    for (const [name, def] of Object.entries(requestMachine.transitions)) {
      const valid: Record<string, unknown> = {};
      for (const f of def.fields ?? []) {
        valid[f.name] = f.type === 'date' ? '2026-11-23' : f.type === 'number' ? 1 : f.type === 'select' ? f.options![0]!.value : '说明文字';
      }
      const variants: [string, Record<string, unknown>][] = [[`多余字段`, { ...valid, status: 'replied', replyNo: 'X' }]];
      for (const f of def.fields ?? []) {
        const bad: unknown[] = [12345, { a: 1 }, [1]];
        if (f.type === 'date') bad.push('2026-02-30', '2026-11-23T00:00:00Z', 'tomorrow', '');
        if (f.type === 'number') bad.push('5', 1.5, (f.min ?? 1) - 1, (f.max ?? 1e9) + 1, 1e15);
        if (f.type === 'select') bad.push(UNKNOWN_ENUM, '');
        if (f.type === 'text' || f.type === 'textarea') bad.push(HUGE);
        if (f.required) {
          const { [f.name]: _drop, ...rest } = valid;
          variants.push([`缺少 ${f.name}`, rest]);
        }
        for (const v of bad) variants.push([`${f.name}=${JSON.stringify(v).slice(0, 20)}`, { ...valid, [f.name]: v }]);
      }
      // Sent against a record in a state the transition starts from, so the input is what fails.
      for (const [label, input] of variants) {
        const d = await h.get(`/api/disclosure/requests/${requestId}`);
        const res = await h.post(`/api/disclosure/requests/${requestId}/transitions/${name}`, { version: d.body.record.version, input });
        const allowedHere = (def.from as readonly string[]).includes(d.body.record.status);
        const problem = check(`${name} [${label}]`, res, true);
        if (problem) found.push(problem);
        else if (allowedHere && res.status !== 422 && res.status !== 403) found.push(`${name} [${label}] 应为 422: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    assert.deepEqual(found, []);
  });

  test('多部分上传接口（附件、导入）：非 multipart 请求体、垃圾文件、缺少文件，一律 4xx', async () => {
    world.clock.set('2026-11-23T09:00:00');
    const h = await world.login('handlerA');
    const form = (fields: Record<string, string>, file?: { data: Buffer | string; name: string }) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.set(k, v);
      if (file) f.set('file', new File([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)], file.name));
      return f;
    };
    const owner = { ownerType: 'disclosure_request', ownerId: String(requestId) };
    const cases: [string, string, () => Promise<TestResponse>][] = [
      ['附件 JSON 请求体', '/api/attachments', () => h.request('POST', '/api/attachments', JSON.stringify(owner), { 'content-type': 'application/json' })],
      ['附件 text/plain', '/api/attachments', () => h.request('POST', '/api/attachments', 'hello', { 'content-type': 'text/plain' })],
      ['附件 缺少文件', '/api/attachments', () => h.request('POST', '/api/attachments', form(owner))],
      ['附件 缺少归属', '/api/attachments', () => h.request('POST', '/api/attachments', form({}, { data: '%PDF-1.4', name: 'a.pdf' }))],
      ['附件 归属编号非数字', '/api/attachments', () => h.request('POST', '/api/attachments', form({ ...owner, ownerId: 'abc' }, { data: '%PDF-1.4', name: 'a.pdf' }))],
      ['附件 归属编号超大', '/api/attachments', () => h.request('POST', '/api/attachments', form({ ...owner, ownerId: '99999999999' }, { data: '%PDF-1.4', name: 'a.pdf' }))],
      ['附件 未知归属类型', '/api/attachments', () => h.request('POST', '/api/attachments', form({ ...owner, ownerType: 'no_such_thing' }, { data: '%PDF-1.4', name: 'a.pdf' }))],
      ['附件 垃圾文件（.bin）', '/api/attachments', () => h.request('POST', '/api/attachments', form(owner, { data: Buffer.from([0, 1, 2, 3, 255]), name: 'garbage.bin' }))],
      ['附件 伪装的 PDF', '/api/attachments', () => h.request('POST', '/api/attachments', form(owner, { data: 'MZ\u0090\u0000 not a pdf', name: '申请书.pdf' }))],
      ['附件 空文件', '/api/attachments', () => h.request('POST', '/api/attachments', form(owner, { data: '', name: 'empty.pdf' }))],
      ['附件 不存在的申请', '/api/attachments', () => h.request('POST', '/api/attachments', form({ ...owner, ownerId: '999999' }, { data: '%PDF-1.4', name: 'a.pdf' }))],
      ['附件 畸形 multipart', '/api/attachments', () => h.request('POST', '/api/attachments', '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', { 'content-type': 'multipart/form-data; boundary=abc' })],
      ['附件下载 非 UUID', '/api/attachments/abc/download', () => h.get('/api/attachments/abc/download')],
      ['附件下载 不存在', '/api/attachments/00000000-0000-4000-8000-000000000000/download', () => h.get('/api/attachments/00000000-0000-4000-8000-000000000000/download')],
      ['导入 JSON 请求体', '/api/disclosure/requests/import', () => h.request('POST', '/api/disclosure/requests/import', '{"file":"x"}', { 'content-type': 'application/json' })],
      ['导入 缺少文件', '/api/disclosure/requests/import', () => h.request('POST', '/api/disclosure/requests/import', form({ other: 'x' }))],
      ['导入 文件字段为文本', '/api/disclosure/requests/import', () => h.request('POST', '/api/disclosure/requests/import', form({ file: 'not a file' }))],
      ['导入 垃圾文件', '/api/disclosure/requests/import', () => h.request('POST', '/api/disclosure/requests/import', form({}, { data: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 9, 9, 9]), name: 'x.xlsx' }))],
      ['导入 空文件', '/api/disclosure/requests/import', () => h.request('POST', '/api/disclosure/requests/import', form({}, { data: '', name: 'x.xlsx' }))],
      ['导入 畸形 multipart', '/api/disclosure/requests/import', () => h.request('POST', '/api/disclosure/requests/import', '--abc\r\ngarbage', { 'content-type': 'multipart/form-data; boundary=abc' })],
    ];
    const found: string[] = [];
    for (const [label, path, run] of cases) {
      sent += 1;
      const problem = check(`POST ${path} [${label}]`, await run(), true);
      if (problem) found.push(problem);
    }
    assert.deepEqual(found, []);
  });

  test('错误输入未写入任何业务数据', async () => {
    assert.ok(sent > 500, `共发送 ${sent} 个错误请求`);
    assert.deepEqual(await tableDigests(world, BUSINESS_TABLES), before0);
  });

  // Runs after the digest check: these requests are valid and do write.
  test('多余的未知字段不会被赋值（登记与网上申请不能自定状态、编号、版本、登记人）', async () => {
    world.clock.set('2026-11-23T12:00:00');
    const h = await world.login('handlerA');
    const forged = {
      status: 'replied',
      replyNo: '伪造文号',
      requestNo: '伪造登记号',
      receiptCode: 'AAAAAAAAAAAA',
      version: 99,
      createdBy: world.users.sysadmin,
      id: 1,
      replyType: 'disclosed',
    };
    const staff = await h.post('/api/disclosure/requests', { ...requestBody(world.units.countyAGov), ...forged });
    const portal = await world.anonymous().post('/api/public/disclosure/requests', (() => {
      const { channel: _c, receivedDate: _r, ...rest } = requestBody(world.units.countyAGov);
      return { ...rest, ...forged };
    })());
    for (const res of [staff, portal]) {
      assert.ok(res.status === 200 || res.status === 422, `${res.status} ${JSON.stringify(res.body)}`);
    }
    const rows = await queryRows<{ id: number; status: string; reply_no: string | null; request_no: string; receipt_code: string; version: number; created_by: number | null; reply_type: string | null }>(
      world.platform.services.db,
      sql`select id, status, reply_no, request_no, receipt_code, version, created_by, reply_type from disclosure_request where id <> ${requestId} order by id`,
    );
    assert.equal(rows.length, [staff, portal].filter((r) => r.status === 200).length);
    for (const r of rows) {
      assert.equal(r.status, 'registered');
      assert.equal(r.reply_no, null);
      assert.equal(r.reply_type, null);
      assert.match(r.request_no, /^甲政办依申〔2026〕\d+号$/);
      assert.notEqual(r.receipt_code, 'AAAAAAAAAAAA');
      assert.equal(r.version, 1);
      assert.notEqual(r.id, 1);
      assert.notEqual(r.created_by, world.users.sysadmin);
    }
  });
});
