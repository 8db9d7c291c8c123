import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
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
import { sampleDeskRecord, type SampleDeskRecordRow } from '../schema';

export const MODULE = manifest.key;
export const PERM = permissionCodes(manifest);

/** The workflow table: transitions act only on rows in the acting scope (by unit). */
export const recordTable = workflowTable(sampleDeskRecord, { label: '示例台账', owner: sampleDeskRecord.createdBy });

/** The data-scope condition for a permission (default: read), in SQL. */
export const recordScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: sampleDeskRecord.orgId, owner: sampleDeskRecord.createdBy });

const title = (row: SampleDeskRecordRow) => row.title;
const link = (id: number) => `/sample-desk/records/${id}`;

/** Loads one record through the actor's scope; outside scope it does not exist (404). */
export const getRecordInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<SampleDeskRecordRow> => {
  const [row] = await db.select().from(sampleDeskRecord).where(and(eq(sampleDeskRecord.id, id), recordScope(ctx, permission)));
  if (!row) throw notFound('示例台账');
  return row;
};

/** 登记: for a unit within the actor's register scope. */
export const registerRecord = async (ctx: Ctx, input: RegisterInput): Promise<SampleDeskRecordRow> => {
  const actor = requirePermission(ctx, PERM.register);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ id: orgUnit.id, path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
    if (!org || !orgInScope(actor, PERM.register, org)) throw validationError([{ path: 'orgId', message: '只能为本人数据范围内的单位登记' }]);
    const [row] = await tx
      .insert(sampleDeskRecord)
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
    filter.status ? eq(sampleDeskRecord.status, filter.status) : undefined,
    filter.q ? ilike(sampleDeskRecord.title, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const items = await ctx.db
    .select()
    .from(sampleDeskRecord)
    .where(where)
    .orderBy(desc(sampleDeskRecord.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(sampleDeskRecord).where(where);
  return { items, total: Number(total?.n ?? 0) };
};

/** 详情: the record, the actions the actor may take now, deadlines and history. */
export const getRecordDetail = async (ctx: Ctx, id: number) => {
  const row = await getRecordInScope(ctx, id);
  const calendar = await ctx.services.calendar.get();
  const [actable] = can(ctx.actor, PERM.handle)
    ? await ctx.db.select({ id: sampleDeskRecord.id }).from(sampleDeskRecord).where(and(eq(sampleDeskRecord.id, id), recordScope(ctx, PERM.handle)))
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
