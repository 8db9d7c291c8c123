import { z } from '@hono/zod-openapi';
import { and, count, desc, eq, gte, ilike, lte, sql } from 'drizzle-orm';
import { ORG_KINDS, DATA_SCOPES, ADMIN_KINDS, auditLog, holiday, holidayYear, role } from '../db/schema';
import { createOrg, listOrgs, ORG_KIND_LABELS, updateOrg } from '../org/org-service';
import { createUser, listUsers, resetUserMfa, saveRole, unlockUser, updateUser } from '../auth/user-service';
import { can, requirePermission } from '../auth/data-scope';
import { verifyAuditChain, recordAudit } from '../audit/record-audit';
import { recomputeOpenClocks } from '../workflow/clocks';
import { isLocalDate } from '../shared/local-date';
import { AppError } from '../errors/app-error';
import { apiRoute, idParams, pageQuery } from './openapi-helpers';
import { writeXlsx } from '../excel/excel';
import { fileResponse, MIME_XLSX } from '../attachments/routes';
import { createRouter, staffCtx } from './router';
import { listOutboxDeliveries, outboxListSchema, outboxRetrySchema, retryOutboxEvent } from '../events/outbox-admin';

const orgBody = z.object({
  parentId: z.number().int().positive().nullable(),
  name: z.string().trim().min(1, '请填写单位名称').max(100, '单位名称过长'),
  shortName: z.string().trim().min(1, '请填写简称').max(20, '简称过长'),
  kind: z.enum(ORG_KINDS, { error: '单位类型无效' }),
  divisionCode: z.string().trim().regex(/^\d{6,12}$/, '行政区划代码为 6 至 12 位数字').nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

const usernameSchema = z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名须以字母开头，3 至 32 位字母、数字或 _.-');

const roleBody = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, '角色代码须为小写字母开头的 2 至 40 位字母、数字或下划线'),
  name: z.string().trim().min(1, '请填写角色名称').max(40),
  scope: z.enum(DATA_SCOPES, { error: '数据范围无效' }),
  adminKind: z.enum(ADMIN_KINDS).nullable(),
  permissions: z.array(z.string().max(80)).max(500),
});

const yearQuery = z.object({ year: z.coerce.number({ error: '年份须为数字' }).int().min(2000, '年份过早').max(2100, '年份过晚') });

const outboxQuery = z.object({
  status: z.enum(['failed', 'pending'], { error: '状态须为 failed（投递失败）或 pending（等待重试）' }).default('failed'),
  ...pageQuery,
});
const eventIdParams = z.object({
  eventId: z.coerce.number({ error: '事件编号须为数字' }).int('事件编号须为整数').positive('事件编号须为正整数').max(Number.MAX_SAFE_INTEGER, '事件编号超出范围'),
});

/** 系统管理员: units, users, the holiday calendar and failed event deliveries. */
export const systemRoutes = () =>
  createRouter()
    .openapi(apiRoute('get', '/orgs', { tags: ['系统管理'], summary: '组织机构列表' }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, 'system:org_manage');
      const items = await listOrgs(ctx.db);
      return c.json({ items: items.map((o) => ({ ...o, kindLabel: ORG_KIND_LABELS[o.kind] })) }, 200);
    })
    .openapi(apiRoute('post', '/orgs', { tags: ['系统管理'], summary: '新增单位', body: orgBody }), async (c) => {
      return c.json(await createOrg(staffCtx(c), c.req.valid('json')), 200);
    })
    .openapi(
      apiRoute('patch', '/orgs/{id}', {
        tags: ['系统管理'],
        summary: '修改单位',
        params: idParams,
        body: orgBody.partial().extend({ isActive: z.boolean().optional(), version: z.number().int().positive() }),
      }),
      async (c) => c.json(await updateOrg(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      apiRoute('get', '/users', {
        tags: ['系统管理'],
        summary: '用户列表',
        query: z.object({ orgId: z.coerce.number().int().positive().optional(), q: z.string().max(50).optional(), ...pageQuery }),
      }),
      async (c) => c.json(await listUsers(staffCtx(c), c.req.valid('query')), 200),
    )
    .openapi(
      apiRoute('get', '/users/export', {
        tags: ['系统管理'],
        summary: '按筛选条件导出用户（Excel）',
        query: z.object({ orgId: z.coerce.number().int().positive().max(2_147_483_647).optional(), q: z.string().max(50).optional() }),
      }),
      async (c) => {
        const ctx = staffCtx(c);
        const { items } = await listUsers(ctx, { ...c.req.valid('query'), page: 1, pageSize: EXPORT_LIMIT });
        const data = await writeXlsx<(typeof items)[number]>('用户', [
          { header: '用户名', value: (u) => u.username },
          { header: '姓名', value: (u) => u.displayName },
          { header: '所属单位', width: 28, value: (u) => u.orgName },
          { header: '角色', width: 30, value: (u) => u.roleNames.join('、') },
          { header: '状态', value: (u) => (u.isActive ? (u.locked ? '锁定' : '正常') : '停用') },
          { header: '动态口令', value: (u) => (u.totpEnabled ? '已绑定' : '未绑定') },
        ], items);
        await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'user.export', module: 'system', after: { rows: items.length } }));
        return xlsxResponse(data, '用户.xlsx') as never;
      },
    )
    .openapi(
      apiRoute('post', '/users', {
        tags: ['系统管理'],
        summary: '新增用户',
        body: z.object({
          username: usernameSchema,
          displayName: z.string().trim().min(1, '请填写姓名').max(40),
          orgId: z.number().int().positive(),
          roleIds: z.array(z.number().int().positive()).max(20),
          password: z.string().max(128),
        }),
      }),
      async (c) => c.json(await createUser(staffCtx(c), c.req.valid('json')), 200),
    )
    .openapi(
      apiRoute('patch', '/users/{id}', {
        tags: ['系统管理'],
        summary: '修改用户',
        params: idParams,
        body: z.object({
          displayName: z.string().trim().min(1).max(40).optional(),
          orgId: z.number().int().positive().optional(),
          roleIds: z.array(z.number().int().positive()).max(20).optional(),
          isActive: z.boolean().optional(),
          version: z.number().int().positive(),
        }),
      }),
      async (c) => c.json(await updateUser(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      apiRoute('get', '/outbox', { tags: ['系统管理'], summary: '事件投递故障：投递失败或等待重试的订阅处理', query: outboxQuery, response: outboxListSchema }),
      async (c) => c.json(await listOutboxDeliveries(staffCtx(c), c.req.valid('query')), 200),
    )
    .openapi(
      apiRoute('post', '/outbox/{eventId}/retry', { tags: ['系统管理'], summary: '重试某事件失败或等待中的投递（重新计数）', params: eventIdParams, response: outboxRetrySchema }),
      async (c) => c.json(await retryOutboxEvent(staffCtx(c), c.req.valid('param').eventId), 200),
    )
    .openapi(apiRoute('get', '/calendar', { tags: ['系统管理'], summary: '节假日与调休', query: yearQuery }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, 'system:calendar_manage');
      const { year } = c.req.valid('query');
      const days = await ctx.db
        .select()
        .from(holiday)
        .where(and(gte(holiday.date, `${year}-01-01`), lte(holiday.date, `${year}-12-31`)))
        .orderBy(holiday.date);
      const years = await ctx.db.select().from(holidayYear).orderBy(holidayYear.year);
      return c.json({ year, covered: years.some((y) => y.year === year), coveredYears: years.map((y) => y.year), days }, 200);
    })
    .openapi(
      apiRoute('put', '/calendar/days/{date}', {
        tags: ['系统管理'],
        summary: '设置某日为法定节假日、调休上班日或恢复常规；重算未结期限',
        params: z.object({ date: z.string().refine(isLocalDate, '日期格式须为 YYYY-MM-DD') }),
        body: z.object({ kind: z.enum(['holiday', 'workday', 'normal'], { error: '类型须为 holiday、workday 或 normal' }), name: z.string().trim().max(20).default('') }),
      }),
      async (c) => {
        const ctx = staffCtx(c);
        requirePermission(ctx, 'system:calendar_manage');
        const { date } = c.req.valid('param');
        const { kind, name } = c.req.valid('json');
        if (kind !== 'normal' && !name) throw new AppError('VALIDATION_FAILED', '请填写名称', { details: { fields: [{ path: 'name', message: '请填写节日名称，如“春节”' }] } });
        const recomputed = await ctx.db.transaction(async (tx) => {
          const [before] = await tx.select().from(holiday).where(eq(holiday.date, date));
          if (kind === 'normal') await tx.delete(holiday).where(eq(holiday.date, date));
          else
            await tx
              .insert(holiday)
              .values({ date, kind, name, source: 'admin' })
              .onConflictDoUpdate({ target: holiday.date, set: { kind, name, source: 'admin', updatedAt: ctx.now } });
          await ctx.services.calendar.bump(tx);
          const n = await recomputeOpenClocks(tx, await ctx.services.calendar.get(tx));
          await recordAudit(tx, ctx, { action: 'calendar.day', module: 'system', entityType: 'holiday', entityId: date, before: before ?? null, after: { kind, name }, reason: `重算未结期限 ${n} 个` });
          return n;
        });
        return c.json({ recomputed }, 200);
      },
    )
    .openapi(
      apiRoute('put', '/calendar/years/{year}', {
        tags: ['系统管理'],
        summary: '标记某年节假日安排已维护（或取消）',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: z.object({ covered: z.boolean() }),
      }),
      async (c) => {
        const ctx = staffCtx(c);
        requirePermission(ctx, 'system:calendar_manage');
        const { year } = c.req.valid('param');
        const { covered } = c.req.valid('json');
        const recomputed = await ctx.db.transaction(async (tx) => {
          if (covered) await tx.insert(holidayYear).values({ year, source: 'admin', note: ctx.actor?.displayName ?? null }).onConflictDoNothing();
          else await tx.delete(holidayYear).where(eq(holidayYear.year, year));
          await ctx.services.calendar.bump(tx);
          const n = await recomputeOpenClocks(tx, await ctx.services.calendar.get(tx));
          await recordAudit(tx, ctx, { action: 'calendar.year', module: 'system', entityType: 'holiday_year', entityId: year, after: { covered } });
          return n;
        });
        return c.json({ recomputed }, 200);
      },
    );

/** 安全管理员: roles, permissions, unlocking accounts. */
export const securityRoutes = () =>
  createRouter()
    .openapi(apiRoute('get', '/roles', { tags: ['安全管理'], summary: '角色列表（安全管理员维护；系统管理员分配角色时查阅）' }), async (c) => {
      const ctx = staffCtx(c);
      if (!can(ctx.actor, 'system:user_manage')) requirePermission(ctx, 'security:role_manage');
      return c.json({ items: await ctx.db.select().from(role).orderBy(role.id) }, 200);
    })
    .openapi(apiRoute('get', '/permissions', { tags: ['安全管理'], summary: '全部权限（由各模块声明）' }), async (c) => {
      requirePermission(staffCtx(c), 'security:role_manage');
      return c.json({ items: c.get('services').registry.permissions() }, 200);
    })
    .openapi(apiRoute('post', '/roles', { tags: ['安全管理'], summary: '新增角色', body: roleBody }), async (c) =>
      c.json(await saveRole(staffCtx(c), null, c.req.valid('json')), 200),
    )
    .openapi(
      apiRoute('patch', '/roles/{id}', { tags: ['安全管理'], summary: '修改角色', params: idParams, body: roleBody.extend({ version: z.number().int().positive() }) }),
      async (c) => c.json(await saveRole(staffCtx(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(apiRoute('post', '/users/{id}/unlock', { tags: ['安全管理'], summary: '解锁账号', params: idParams }), async (c) => {
      await unlockUser(staffCtx(c), c.req.valid('param').id);
      return c.json({ ok: true }, 200);
    })
    .openapi(apiRoute('post', '/users/{id}/reset-mfa', { tags: ['安全管理'], summary: '重置双因素认证', params: idParams }), async (c) => {
      await resetUserMfa(staffCtx(c), c.req.valid('param').id);
      return c.json({ ok: true }, 200);
    });

const auditFilter = z.object({
  from: z.string().refine(isLocalDate, '日期格式须为 YYYY-MM-DD').optional(),
  to: z.string().refine(isLocalDate, '日期格式须为 YYYY-MM-DD').optional(),
  actor: z.string().max(40).optional(),
  action: z.string().max(80).optional(),
  module: z.string().max(40).optional(),
});

const auditWhere = (q: z.infer<typeof auditFilter>) =>
  and(
    q.from ? sql`${auditLog.at} >= ${q.from}::date::timestamp at time zone 'Asia/Shanghai'` : undefined,
    q.to ? sql`${auditLog.at} < (${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'` : undefined,
    q.actor ? ilike(auditLog.actorName, `%${q.actor}%`) : undefined,
    q.action ? ilike(auditLog.action, `${q.action}%`) : undefined,
    q.module ? eq(auditLog.module, q.module) : undefined,
  );

const EXPORT_LIMIT = 50_000;
const xlsxResponse = (data: Buffer, fileName: string) => fileResponse(data, fileName, MIME_XLSX);

/** 审计管理员: the audit log and its chain check. */
export const auditRoutes = () =>
  createRouter()
    .openapi(
      apiRoute('get', '/logs', { tags: ['审计'], summary: '审计日志', query: auditFilter.extend(pageQuery) }),
      async (c) => {
        const ctx = staffCtx(c);
        requirePermission(ctx, 'audit:read');
        const q = c.req.valid('query');
        const where = auditWhere(q);
        const [{ total }] = (await ctx.db.select({ total: count() }).from(auditLog).where(where)) as [{ total: number }];
        const items = await ctx.db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.seq))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize);
        await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'audit.read', module: 'audit', reason: JSON.stringify(q) }));
        return c.json({ items, total: Number(total) }, 200);
      },
    )
    .openapi(apiRoute('get', '/logs/export', { tags: ['审计'], summary: '按筛选条件导出审计日志（Excel）', query: auditFilter }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, 'audit:read');
      const q = c.req.valid('query');
      const items = await ctx.db.select().from(auditLog).where(auditWhere(q)).orderBy(desc(auditLog.seq)).limit(EXPORT_LIMIT);
      const data = await writeXlsx<(typeof items)[number]>('审计日志', [
        { header: '序号', value: (r) => r.seq },
        { header: '时间', width: 22, value: (r) => r.at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
        { header: '操作人', width: 18, value: (r) => r.actorName },
        { header: '操作', width: 28, value: (r) => r.action },
        { header: '模块', value: (r) => r.module },
        { header: '对象', width: 24, value: (r) => (r.entityType ? `${r.entityType}#${r.entityId ?? ''}` : '') },
        { header: '结果', value: (r) => (r.result === 'success' ? '成功' : '失败') },
        { header: '说明', width: 30, value: (r) => r.reason },
        { header: 'IP', width: 16, value: (r) => r.ip },
        { header: '请求号', width: 38, value: (r) => r.requestId },
      ], items);
      await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'audit.export', module: 'audit', reason: JSON.stringify(q), after: { rows: items.length } }));
      return xlsxResponse(data, '审计日志.xlsx') as never;
    })
    .openapi(apiRoute('post', '/verify', { tags: ['审计'], summary: '校验审计链' }), async (c) => {
      const ctx = staffCtx(c);
      requirePermission(ctx, 'audit:read');
      const result = await verifyAuditChain(ctx.db, ctx.services.keys.audit);
      await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'audit.verify', module: 'audit', after: result, result: result.ok ? 'success' : 'failure' }));
      return c.json(result, 200);
    });
