#!/usr/bin/env node
// npm run new:module <key> [中文名]: scaffolds a working module folder src/modules/<key>/ (manifest,
// roles and accounts, a three-state machine, one table, service, routes, list and detail pages, a
// statistic, a bad-input fixture and a test), adds its line to src/app/modules.ts and generates its
// migration. See docs/adding-a-module.md for what to change next.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [key, label = key] = process.argv.slice(2);
if (!key || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(key)) {
  console.error('用法：npm run new:module <key> [中文名]   key 为小写字母、数字与连字符，如 sample-desk');
  process.exit(1);
}
const dir = join('src', 'modules', key);
if (existsSync(dir)) {
  console.error(`${dir} 已存在`);
  process.exit(1);
}
const snake = key.replaceAll('-', '_');
const camel = key.replace(/-([a-z0-9])/g, (_m, c) => c.toUpperCase());
const Pascal = camel[0].toUpperCase() + camel.slice(1);
const table = `${snake}_record`;

const files = {
  'manifest.ts': `import { defineManifest } from '../../kernel/shared/define-manifest';
import { recordMachine } from './record-machine';

/** ${label} (\`${key}\`): universal declaration (labels, permissions, menu, machines). */
export const manifest = defineManifest({
  key: '${key}',
  label: '${label}',
  permissions: {
    read: '查看${label}',
    register: '登记${label}',
    handle: '办理${label}',
  },
  menu: [{ path: 'records', label: '${label}', permission: 'read', icon: 'FileTextOutlined' }],
  machines: { record: recordMachine },
});
`,
  'record-machine.ts': `import { defineMachine } from '../../kernel/shared/define-machine';

/** The life of a ${label} record: 登记 → 办理中 → 办结. Replace with the statute's procedure. */
export const recordMachine = defineMachine({
  entity: '${table}',
  initial: 'registered',
  states: {
    registered: { label: '已登记', tone: 'processing', todo: { permission: 'handle', title: '受理${label}' } },
    processing: { label: '办理中', tone: 'warning', todo: { permission: 'handle', title: '办结${label}' } },
    closed: { label: '已办结', tone: 'success', final: true },
  },
  clocks: {},
  transitions: {
    accept: { label: '受理', from: ['registered'], to: 'processing', permission: 'handle' },
    close: {
      label: '办结',
      from: ['processing'],
      to: 'closed',
      permission: 'handle',
      fields: [
        { name: 'closedOn', label: '办结日期', type: 'date', required: true },
        { name: 'result', label: '办理结果', type: 'textarea', required: true, maxLength: 2000 },
      ],
    },
  },
});
`,
  'schema.ts': `import { date, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { orgUnit, recordStamps } from '../../kernel/db/schema';

/** ${label}: one record per matter. The data-scope column \`orgId\` is the unit the matter belongs to. */
export const ${camel}Record = pgTable(
  '${table}',
  {
    id: serial().primaryKey(),
    title: text().notNull(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    receivedOn: date({ mode: 'string' }).notNull(),
    content: text(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    closedOn: date({ mode: 'string' }),
    result: text(),
    ...recordStamps(),
  },
  (t) => [index('${table}_org_status_idx').on(t.orgId, t.status, t.receivedOn)],
);
export type ${Pascal}RecordRow = typeof ${camel}Record.$inferSelect;
`,
  'contract.ts': `import { z } from '@hono/zod-openapi';

const MAX_ID = 2_147_483_647;
const localDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const registerSchema = z
  .object({
    title: z.string().trim().min(1, '请填写标题').max(200, '标题最多 200 字'),
    orgId: z.number({ error: '请选择单位' }).int('单位无效').positive('单位无效').max(MAX_ID, '单位无效'),
    receivedOn: localDate,
    content: z.string().max(4000, '内容最多 4000 字').nullable().optional(),
  })
  .strict();
export type RegisterInput = z.infer<typeof registerSchema>;

export const filterSchema = z.object({
  status: z.enum(['registered', 'processing', 'closed'], { error: '状态无效' }).optional(),
  q: z.string().max(100, '关键词最多 100 字').optional(),
});

export const transitionBodySchema = z.object({
  version: z.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号须为正整数').max(MAX_ID, '版本号无效'),
  input: z.record(z.string(), z.unknown(), { error: '办理内容须为对象' }).default({}),
});
`,
  'service/records.ts': `import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import {
  applyTransition,
  deadlinesOf,
  historyOf,
  notFound,
  orgInScope,
  orgUnit,
  permissionCodes,
  recordAudit,
  requirePermission,
  scopeWhere,
  syncStateTodo,
  validationError,
  workflowTable,
  can,
  type Ctx,
  type DbOrTx,
} from '../../../kernel';
import { allowedTransitions } from '../../../kernel/shared/define-machine';
import type { RegisterInput } from '../contract';
import { manifest } from '../manifest';
import { recordMachine } from '../record-machine';
import { ${camel}Record, type ${Pascal}RecordRow } from '../schema';

export const MODULE = manifest.key;
export const PERM = permissionCodes(manifest);

/** The workflow table: transitions act only on rows in the acting scope (by unit). */
export const recordTable = workflowTable(${camel}Record, { label: '${label}', owner: ${camel}Record.createdBy });

/** The data-scope condition for a permission (default: read), in SQL. */
export const recordScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: ${camel}Record.orgId, owner: ${camel}Record.createdBy });

const title = (row: ${Pascal}RecordRow) => row.title;
const link = (id: number) => \`/${key}/records/\${id}\`;

/** Loads one record through the actor's scope; outside scope it does not exist (404). */
export const getRecordInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<${Pascal}RecordRow> => {
  const [row] = await db.select().from(${camel}Record).where(and(eq(${camel}Record.id, id), recordScope(ctx, permission)));
  if (!row) throw notFound('${label}');
  return row;
};

/** 登记: for a unit within the actor's register scope. */
export const registerRecord = async (ctx: Ctx, input: RegisterInput): Promise<${Pascal}RecordRow> => {
  const actor = requirePermission(ctx, PERM.register);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ id: orgUnit.id, path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
    if (!org || !orgInScope(actor, PERM.register, org)) throw validationError([{ path: 'orgId', message: '只能为本人数据范围内的单位登记' }]);
    const [row] = await tx
      .insert(${camel}Record)
      .values({ title: input.title, orgId: org.id, receivedOn: input.receivedOn, content: input.content ?? null, status: recordMachine.initial, createdBy: actor.id, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    const created = row!;
    await syncStateTodo(tx, ctx, MODULE, recordMachine, created, title(created), link(created.id));
    await recordAudit(tx, ctx, { action: 'record.register', module: MODULE, entityType: recordMachine.entity, entityId: created.id, after: { title: created.title, orgId: created.orgId } });
    return created;
  });
};

/** 列表: the records in the actor's read scope, newest first. */
export const findRecords = async (ctx: Ctx, filter: { status?: string | undefined; q?: string | undefined }, page: { page: number; pageSize: number }) => {
  requirePermission(ctx, PERM.read);
  const where = and(
    recordScope(ctx),
    filter.status ? eq(${camel}Record.status, filter.status) : undefined,
    filter.q ? ilike(${camel}Record.title, \`%\${filter.q.replace(/[\\\\%_]/g, (c) => \`\\\\\${c}\`)}%\`) : undefined,
  );
  const items = await ctx.db
    .select()
    .from(${camel}Record)
    .where(where)
    .orderBy(desc(${camel}Record.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(${camel}Record).where(where);
  return { items, total: Number(total?.n ?? 0) };
};

/** 详情: the record, the actions the actor may take now, deadlines and history. */
export const getRecordDetail = async (ctx: Ctx, id: number) => {
  const row = await getRecordInScope(ctx, id);
  const calendar = await ctx.services.calendar.get();
  const [actable] = can(ctx.actor, PERM.handle)
    ? await ctx.db.select({ id: ${camel}Record.id }).from(${camel}Record).where(and(eq(${camel}Record.id, id), recordScope(ctx, PERM.handle)))
    : [];
  const transitions = allowedTransitions(recordMachine, row.status, () => Boolean(actable)).map(({ name, def }) => ({
    name,
    label: def.label,
    fields: def.fields ?? [],
    confirm: def.confirm ?? null,
    danger: def.danger ?? false,
  }));
  return {
    record: row,
    transitions,
    deadlines: await deadlinesOf(ctx.db, calendar, recordMachine.entity, id, ctx.now, recordMachine.clocks),
    history: await historyOf(ctx.db, recordMachine.entity, id),
  };
};

/** 办理: one transition of the record machine, through the kernel (permission, state, version, scope). */
export const transitionRecord = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Record<string, unknown> }) =>
  ctx.db.transaction(async (tx) => {
    const row = await getRecordInScope(ctx, id, tx);
    return applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: recordMachine,
      target: recordTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      todoTitle: title(row),
      link: link(row.id),
    });
  });
`,
  'routes.ts': `import { z } from '@hono/zod-openapi';
import { apiRoute, createRouter, idParams, pageQuery, staffCtx } from '../../kernel';
import { filterSchema, registerSchema, transitionBodySchema } from './contract';
import { findRecords, getRecordDetail, registerRecord, transitionRecord } from './service/records';

const TAG = ['${label}'];
const nameParam = z.string().regex(/^[a-zA-Z]{1,40}$/, '操作名称无效');

/** Staff API of ${label}, mounted at /api/${key}. */
export const ${camel}Routes = () =>
  createRouter()
    .openapi(apiRoute('get', '/records', { tags: TAG, summary: '列表（按数据权限）', query: filterSchema.extend(pageQuery) }), async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await findRecords(staffCtx(c), filter, { page, pageSize }), 200);
    })
    .openapi(apiRoute('post', '/records', { tags: TAG, summary: '登记', body: registerSchema }), async (c) => c.json(await registerRecord(staffCtx(c), c.req.valid('json')), 200))
    .openapi(apiRoute('get', '/records/{id}', { tags: TAG, summary: '详情', params: idParams }), async (c) => c.json(await getRecordDetail(staffCtx(c), c.req.valid('param').id), 200))
    .openapi(
      apiRoute('post', '/records/{id}/transitions/{name}', { tags: TAG, summary: '办理（按状态机）', params: idParams.extend({ name: nameParam }), body: transitionBodySchema }),
      async (c) => {
        const { id, name } = c.req.valid('param');
        return c.json(await transitionRecord(staffCtx(c), id, name, c.req.valid('json')), 200);
      },
    );

export type ${Pascal}Routes = ReturnType<typeof ${camel}Routes>;
`,
  'statistics.ts': `import { and, count, gte, lte, type SQL } from 'drizzle-orm';
import { inOrgSubtree, type Ctx, type StatisticDef } from '../../kernel';
import { ${camel}Record } from './schema';
import { recordScope } from './service/records';

const within = (ctx: Ctx, orgId: number | undefined): SQL => and(recordScope(ctx), orgId === undefined ? undefined : inOrgSubtree(${camel}Record.orgId, orgId))!;

export const statistics: readonly StatisticDef[] = [
  {
    id: '${key}.received',
    section: '${label}',
    label: '登记件数',
    unit: '件',
    compute: async ({ ctx, year, orgId }) => {
      const [row] = await ctx.db
        .select({ n: count() })
        .from(${camel}Record)
        .where(and(within(ctx, orgId), gte(${camel}Record.receivedOn, \`\${year}-01-01\`), lte(${camel}Record.receivedOn, \`\${year}-12-31\`)));
      return Number(row?.n ?? 0);
    },
  },
];
`,
  'roles.ts': `import { defineRoles } from '../../kernel';

/** Who works with ${label}: its own handler role, read access for the office and leaders, and accounts. */
export const roles = defineRoles({
  roles: [{ code: '${snake}_handler', name: '${label}工作人员', scope: 'unit_and_below', permissions: ['report:read', 'read', 'register', 'handle'] }],
  grants: {
    rule_of_law_office: ['read'],
    leader: ['read'],
  },
  demoUsers: [{ username: '${snake}_sz', displayName: '市司法局 ${label}工作人员', unit: '示范市司法局', roles: ['${snake}_handler'] }],
  testUsers: {
    ${camel}A: { unit: 'countyAGov', roles: ['${snake}_handler'] },
    ${camel}B: { unit: 'countyBGov', roles: ['${snake}_handler'] },
  },
});
`,
  'module.ts': `import { defineModule } from '../../kernel';
import { manifest } from './manifest';
import { roles } from './roles';
import { ${camel}Routes } from './routes';
import { getRecordInScope, PERM } from './service/records';
import { statistics } from './statistics';

/** ${label} (\`${key}\`): the server declaration. */
export const ${camel}Module = defineModule({
  manifest,
  ...roles,
  routes: ${camel}Routes,
  attachmentOwners: {
    ${table}: {
      read: async ({ ctx, ownerId }) => void (await getRecordInScope(ctx, ownerId, ctx.db, PERM.read)),
      write: async ({ ctx, ownerId }) => void (await getRecordInScope(ctx, ownerId, ctx.db, PERM.handle)),
    },
  },
  entities: {
    ${table}: { path: 'records', handlerPermission: 'handle', table: '${table}', titleSql: 'r.title' },
  },
  statistics,
});
`,
  'statistic-ids.txt': `${key}.received\n`,
  'ui/index.ts': `// The ${key} module's browser side: routes under /${key}/….
import { createElement, lazy } from 'react';
import type { ModuleUi } from '../../../web/kit/module-ui';

const ListPage = lazy(() => import('./record-list-page'));
const DetailPage = lazy(() => import('./record-detail-page'));

export const ${camel}Ui: ModuleUi = {
  key: '${key}',
  routes: [
    { path: 'records', element: createElement(ListPage), permission: '${key}:read' },
    { path: 'records/:id', element: createElement(DetailPage), permission: '${key}:read' },
  ],
};
`,
  'ui/types.ts': `import type { ${Pascal}RecordRow } from '../schema';

/** A record as the API returns it (dates as strings). */
export type RecordItem = Omit<${Pascal}RecordRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
`,
  'ui/record-list-page.tsx': `// ${label} list: status filter, keyword, pagination, and 登记 in a dialog.
import { Link } from 'react-router-dom';
import { Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../../web/api-client';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { StatusTag, stateOptions } from '../../../web/kit/status-tag';
import { useSession } from '../../../web/session';
import { recordMachine } from '../record-machine';
import type { RecordItem } from './types';

interface Filters extends Record<string, unknown> {
  status?: string;
  q?: string;
}

const columns: ColumnsType<RecordItem> = [
  { title: '标题', dataIndex: 'title', render: (v: string, r) => <Link to={\`/${key}/records/\${r.id}\`}>{v}</Link> },
  { title: '登记日期', dataIndex: 'receivedOn', width: 120 },
  { title: '状态', dataIndex: 'status', width: 120, render: (s: string) => <StatusTag machine={recordMachine} state={s} /> },
];

export default function RecordListPage() {
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const [form] = Form.useForm();
  const submit = async () => {
    const v = await form.validateFields();
    await api.post('/api/${key}/records', { title: v.title, orgId: v.orgId, receivedOn: v.receivedOn.format('YYYY-MM-DD'), content: v.content ?? null });
    setOpen(false);
    form.resetFields();
    setReloadKey((k) => k + 1);
  };
  return (
    <>
      <ListPage<RecordItem, Filters>
        title="${label}"
        url="/api/${key}/records"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        toQuery={(v) => ({ status: v.status, q: v.q?.trim() })}
        filters={
          <>
            <Form.Item name="status" label="状态">
              <Select allowClear style={{ width: 140 }} options={stateOptions(recordMachine)} />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="标题" />
            </Form.Item>
          </>
        }
        actions={
          can('${key}:register') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              登记
            </Button>
          ) : null
        }
      />
      <Modal title="登记${label}" open={open} onOk={() => void submit()} onCancel={() => setOpen(false)} okText="登记" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <OrgTreeSelect permission="${key}:register" />
          </Form.Item>
          <Form.Item name="receivedOn" label="登记日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="content" label="内容">
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
`,
  'ui/record-detail-page.tsx': `// ${label} detail: the record, its actions (from the machine), deadlines and history.
import { Descriptions, Result } from 'antd';
import { useParams } from 'react-router-dom';
import { RecordDetailShell, type HistoryItem } from '../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../web/kit/transition-buttons';
import { useRecord } from '../../../web/kit/use-record';
import type { DeadlineView } from '../../../kernel/shared/deadline';
import { recordMachine } from '../record-machine';
import type { RecordItem } from './types';

interface Detail {
  record: RecordItem;
  transitions: TransitionView[];
  deadlines: DeadlineView[];
  history: HistoryItem[];
}

export default function RecordDetailPage() {
  const { id } = useParams();
  const { record: detail, missing, reload } = useRecord<Detail>(\`/api/${key}/records/\${id}\`);
  if (missing) return <Result status="404" title="记录不存在或不在您的数据范围内" />;
  if (!detail) return null;
  const r = detail.record;
  return (
    <RecordDetailShell
      title={r.title}
      machine={recordMachine}
      status={r.status}
      version={r.version}
      transitions={detail.transitions}
      transitionUrl={(name) => \`/api/${key}/records/\${r.id}/transitions/\${name}\`}
      onTransitioned={() => void reload()}
      deadlines={detail.deadlines}
      history={detail.history}
      attachments={{ ownerType: '${table}', ownerId: r.id }}
    >
      <Descriptions column={2} bordered size="small">
        <Descriptions.Item label="登记日期">{r.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="办结日期">{r.closedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="内容" span={2}>{r.content ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="办理结果" span={2}>{r.result ?? '—'}</Descriptions.Item>
      </Descriptions>
    </RecordDetailShell>
  );
}
`,
  'test/fixtures.ts': `/** Test fixtures of ${label}: a valid registration and registering through the API. */
import type { TestClient, TestWorld } from '../../../../test/support/test-platform';

export const recordBody = (world: TestWorld, over: Record<string, unknown> = {}) => ({
  title: '测试事项',
  orgId: world.units.countyAGov,
  receivedOn: '2026-11-20',
  content: '事项内容',
  ...over,
});

/** Registers a record as \`client\`; fails the test unless it succeeds. */
export const registerVia = async (client: TestClient, world: TestWorld, over: Record<string, unknown> = {}): Promise<{ id: number; version: number }> => {
  const res = await client.post('/api/${key}/records', recordBody(world, over));
  if (res.status !== 200) throw new Error(\`登记失败：\${res.status} \${JSON.stringify(res.body)}\`);
  return res.body as { id: number; version: number };
};
`,
  'test/bad-input.ts': `/** Bad-input fixture of ${label}: who calls its routes, its tables and valid records and values. */
import { defineBadInputFixture } from '../../../../test/support/bad-input/fixture';
import { recordBody, registerVia } from './fixtures';

export const fixture = defineBadInputFixture({
  users: [[/^\\/api\\/${key}\\//, '${camel}A']],
  tables: ['${table}'],
  setup: async (world, login) => {
    const r = await registerVia(await login('${camel}A'), world);
    return {
      pathValues: (route) => (route.startsWith('/api/${key}/records/{id}') ? { id: String(r.id), name: 'accept' } : undefined),
      validBody: (key) =>
        ({
          'POST /api/${key}/records': recordBody(world),
          'POST /api/${key}/records/{id}/transitions/{name}': { version: r.version, input: {} },
        })[key],
    };
  },
});
`,
  'records.test.ts': `import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { registerVia } from './test/fixtures';

describe('${label}：登记、按数据范围列表、办理', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
  });
  after(() => world.close());

  test('登记后本单位可见，他县工作人员看不到也打不开', async () => {
    const a = await world.login('${camel}A');
    const b = await world.login('${camel}B');
    const r = await registerVia(a, world);
    const mine = await a.get('/api/${key}/records');
    assert.equal(mine.status, 200);
    assert.ok(mine.body.items.some((x: { id: number }) => x.id === r.id));
    const theirs = await b.get('/api/${key}/records');
    assert.equal(theirs.status, 200);
    assert.ok(!theirs.body.items.some((x: { id: number }) => x.id === r.id));
    assert.equal((await b.get(\`/api/${key}/records/\${r.id}\`)).status, 404);
  });

  test('不能为数据范围外的单位登记', async () => {
    const a = await world.login('${camel}A');
    const res = await a.post('/api/${key}/records', { title: '越权', orgId: world.units.countyBGov, receivedOn: '2026-11-20' });
    assert.equal(res.status, 422);
  });

  test('受理 → 办结，版本过期被拒绝，办结后不能再受理', async () => {
    const a = await world.login('${camel}A');
    const r = await registerVia(a, world);
    const accepted = await a.post(\`/api/${key}/records/\${r.id}/transitions/accept\`, { version: r.version, input: {} });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.status, 'processing');
    const stale = await a.post(\`/api/${key}/records/\${r.id}/transitions/close\`, { version: r.version, input: { closedOn: '2026-11-23', result: '已办结' } });
    assert.equal(stale.status, 409);
    const closed = await a.post(\`/api/${key}/records/\${r.id}/transitions/close\`, { version: accepted.body.version, input: { closedOn: '2026-11-23', result: '已办结' } });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'closed');
    const again = await a.post(\`/api/${key}/records/\${r.id}/transitions/accept\`, { version: closed.body.version, input: {} });
    assert.equal(again.status, 409);
    const detail = await a.get(\`/api/${key}/records/\${r.id}\`);
    assert.deepEqual(detail.body.transitions, []);
  });

  test('领导可查看本县的记录但不能办理', async () => {
    const a = await world.login('${camel}A');
    const r = await registerVia(a, world);
    const leader = await world.login('leaderA');
    assert.equal((await leader.get(\`/api/${key}/records/\${r.id}\`)).status, 200);
    assert.equal((await leader.post(\`/api/${key}/records/\${r.id}/transitions/accept\`, { version: r.version, input: {} })).status, 403);
  });
});
`,
};

for (const [name, text] of Object.entries(files)) {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

// The composition root: one import and one entry.
const root = 'src/app/modules.ts';
let src = readFileSync(root, 'utf8');
const lines = src.split('\n');
const lastImport = lines.reduce((at, line, i) => (line.startsWith('import ') ? i : at), -1);
lines.splice(lastImport + 1, 0, `import { ${camel}Module } from '../modules/${key}/module';`);
src = lines.join('\n');
src = src.replace(/\n\];\s*$/, `\n  ${camel}Module,\n];\n`);
writeFileSync(root, src);

console.log(`已生成 ${dir}/ 并登记到 ${root}；正在生成迁移……`);
const gen = spawnSync('npm', ['run', 'db:generate', '--', `--name=${snake}`], { stdio: 'inherit' });
if (gen.status !== 0) process.exit(gen.status ?? 1);
console.log(`完成。下一步见 docs/adding-a-module.md；运行 node scripts/run-tests.mjs ${key} 检查。`);
