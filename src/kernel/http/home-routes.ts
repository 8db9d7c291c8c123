import { z } from '@hono/zod-openapi';
import { and, asc, desc, isNull, or, sql, type SQL } from 'drizzle-orm';
import { caseClock, orgUnit, todo } from '../db/schema';
import { scopeWhere } from '../auth/data-scope';
import { permissionCode } from '../shared/define-manifest';
import { toLocalDate } from '../shared/local-date';
import { toDeadlineView } from '../workflow/clocks';
import { queryRows } from '../db/client';
import type { Actor } from '../context';
import { apiRoute, pageQuery } from './openapi-helpers';
import { findOpenDeadlines } from '../workflow/open-deadlines';
import { createRouter, staffCtx } from './router';

/** To-dos the actor may act on: for each permission held, the open to-dos within that permission's scope. */
const todoScope = (actor: Actor): SQL => {
  const parts = Object.keys(actor.grants).map((p) => sql`(${todo.permission} = ${p} and ${scopeWhere(actor, p, { org: todo.orgId })})`);
  return parts.length ? (or(...parts) as SQL) : sql`false`;
};

/** 首页: my to-dos and the deadlines coming due, both limited to my data scope. */
export const homeRoutes = () =>
  createRouter()
    .openapi(apiRoute('get', '/home', { tags: ['首页'], summary: '我的待办与临近期限' }), async (c) => {
      const ctx = staffCtx(c);
      const actor = ctx.actor!;
      const todos = await ctx.db
        .select({ id: todo.id, module: todo.module, title: todo.title, kind: todo.kind, link: todo.link, dueDate: todo.dueDate, createdAt: todo.createdAt })
        .from(todo)
        .where(and(isNull(todo.doneAt), todoScope(actor)))
        .orderBy(sql`case ${todo.kind} when 'overdue' then 0 when 'due_soon' then 1 else 2 end`, asc(todo.dueDate), desc(todo.id))
        .limit(50);

      const registry = ctx.services.registry;
      const calendar = await ctx.services.calendar.get();
      const today = toLocalDate(ctx.now);
      const deadlines = [];
      for (const { type, module, def } of registry.entityTypes()) {
        const permission = permissionCode(module, def.handlerPermission);
        if (!actor.grants[permission]) continue;
        const rows = await ctx.db
          .select({
            clock: caseClock,
            title: sql<string>`(select ${sql.raw(def.titleSql)} from ${sql.identifier(def.table)} r where r.id = ${caseClock.entityId})`,
          })
          .from(caseClock)
          .where(and(sql`${caseClock.entityType} = ${type}`, sql`${caseClock.status} = 'running'`, scopeWhere(actor, permission, { org: caseClock.orgId })))
          .orderBy(asc(caseClock.dueDate))
          .limit(20);
        for (const r of rows) {
          const view = toDeadlineView(r.clock, calendar, today, registry.clockDef(type, r.clock.clockKey)?.dueSoonWorkingDays);
          deadlines.push({ ...view, module, entityType: type, entityId: r.clock.entityId, title: r.title, link: `/${module}/${def.path}/${r.clock.entityId}` });
        }
      }
      deadlines.sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
      return c.json({ todos, deadlines: deadlines.slice(0, 30) }, 200);
    })
    .openapi(
      apiRoute('get', '/deadlines', {
        tags: ['首页'],
        summary: '逾期与临期清单（各模块的法定/交办期限，按数据权限）',
        query: z.object({
          tone: z.enum(['overdue', 'due_soon', 'open'], { error: '类型须为 overdue（已逾期）、due_soon（即将到期）或 open（全部未结）' }).default('overdue'),
          module: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '模块键无效').optional(),
          orgId: z.coerce.number({ error: '单位须为数字' }).int().positive('单位无效').optional(),
          ...pageQuery,
        }),
      }),
      async (c) => {
        const { page, pageSize, ...filter } = c.req.valid('query');
        return c.json(await findOpenDeadlines(staffCtx(c), filter, { page, pageSize }), 200);
      },
    )
    .openapi(
      apiRoute('get', '/risk-signals', {
        tags: ['首页'],
        summary: '风险预警清单（各模块判定存在风险的单位，按数据权限）',
        query: z.object({
          level: z.enum(['red', 'yellow', 'all'], { error: '等级须为 red（红色）、yellow（黄色）或 all（全部）' }).default('all'),
          module: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '模块键无效').optional(),
          orgId: z.coerce.number({ error: '单位须为数字' }).int().positive('单位无效').optional(),
        }),
      }),
      async (c) => {
        const ctx = staffCtx(c);
        const { level, module, orgId } = c.req.valid('query');
        const items = [];
        for (const m of ctx.services.registry.modules) {
          const source = m.riskSignals;
          if (!source || (module && m.manifest.key !== module)) continue;
          if (!ctx.actor!.grants[permissionCode(m.manifest.key, source.permission)]) continue;
          for (const s of await source.list({ ctx, orgId })) {
            if (level === 'all' || s.level === level) items.push({ ...s, module: m.manifest.key, moduleLabel: m.manifest.label, sourceLabel: source.label });
          }
        }
        items.sort((a, b) => (a.level === b.level ? a.orgName.localeCompare(b.orgName, 'zh-CN') : a.level === 'red' ? -1 : 1));
        return c.json({ items }, 200);
      },
    )
    .openapi(apiRoute('get', '/orgs/tree', { tags: ['首页'], summary: '我的数据范围内的单位（用于筛选与登记）', query: z.object({ permission: z.string().max(80).optional() }) }), async (c) => {
      const ctx = staffCtx(c);
      const actor = ctx.actor!;
      const { permission } = c.req.valid('query');
      // Without a permission: the units reachable under any permission the actor holds.
      const perms = permission ? [permission] : Object.keys(actor.grants);
      const cond = perms.length ? (or(...perms.map((p) => scopeWhere(actor, p, { org: orgUnit.id }))) as SQL) : sql`false`;
      const items = await queryRows<{ id: number; parentId: number | null; name: string; kind: string; path: string }>(
        ctx.db,
        sql`select id, parent_id as "parentId", name, kind, path from org_unit where is_active and ${cond} order by depth, sort_order, id`,
      );
      return c.json({ items }, 200);
    });
