/** 执法主体: register, edit, list, export, detail, and the machine's actions (确认, 暂停, 恢复, 取消). */
import { and, asc, count, desc, eq, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { allowedTransitions, toTransitionView } from '../../../../kernel/shared/define-machine';
import { applyTransition, auditLog, type Ctx, historyOf, inOrgSubtree, orgUnit, recordAudit, requirePermission, toLocalDate, validationError, writeXlsx } from '../../../../kernel';
import type { BodyFilter, BodyInput, BodyPatch } from '../contract';
import { BODY_KIND_OPTIONS, bodyMachine, labelOfOption } from '../registry-machine';
import { enforcementBody, enforcementItem, enforcementOfficer } from '../schema';
import { bodyTable, currentYear, getBodyInScope, MODULE, mayActOn, orgNameSql, PERM, requireOrgForWrite, scopeOn, settingsForOrg, staleVersion, qc } from './access';

const validation = (path: string, message: string) => validationError([{ path, message }]);

/** The 委托机关 must be an existing active unit. */
const checkEntrusting = async (ctx: Ctx, input: BodyInput | BodyPatch) => {
  if (input.kind !== 'entrusted' || !input.entrustingOrgId) return;
  const [org] = await ctx.db.select({ id: orgUnit.id, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, input.entrustingOrgId));
  if (!org || !org.isActive) throw validation('entrustingOrgId', '委托机关不存在');
};

const bodyValues = (input: BodyInput | BodyPatch) => ({
  name: input.name,
  kind: input.kind,
  legalBasis: input.legalBasis,
  entrustingOrgId: input.kind === 'entrusted' ? input.entrustingOrgId : null,
  entrustScope: input.kind === 'entrusted' ? input.entrustScope : null,
  entrustFrom: input.kind === 'entrusted' ? input.entrustFrom : null,
  entrustUntil: input.kind === 'entrusted' ? input.entrustUntil : null,
});

/** 登记执法主体 in a unit within the actor's manage scope. */
export const createBody = async (ctx: Ctx, input: BodyInput) => {
  await requireOrgForWrite(ctx, input.orgId, PERM.manage, 'orgId');
  await checkEntrusting(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: enforcementBody.id }).from(enforcementBody).where(and(eq(enforcementBody.orgId, input.orgId), eq(enforcementBody.name, input.name)));
    if (dup) throw validation('name', '该单位已有同名执法主体');
    const [row] = await tx
      .insert(enforcementBody)
      .values({ orgId: input.orgId, ...bodyValues(input), createdBy: ctx.actor!.id })
      .returning();
    await recordAudit(tx, ctx, { action: 'body.create', module: MODULE, entityType: bodyMachine.entity, entityId: row!.id, after: row });
    return row!;
  });
};


/** 修改执法主体 (version → 409 on a stale edit). */
export const updateBody = async (ctx: Ctx, id: number, input: BodyPatch) => {
  const before = await getBodyInScope(ctx, id, PERM.manage);
  await checkEntrusting(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: enforcementBody.id })
      .from(enforcementBody)
      .where(and(eq(enforcementBody.orgId, before.orgId), eq(enforcementBody.name, input.name), sql`${qc(enforcementBody.id)} <> ${id}`));
    if (dup) throw validation('name', '该单位已有同名执法主体');
    const [row] = await tx
      .update(enforcementBody)
      .set({ ...bodyValues(input), version: sql`${qc(enforcementBody.version)} + 1`, updatedAt: ctx.now })
      .where(and(eq(enforcementBody.id, id), eq(enforcementBody.version, input.version)))
      .returning();
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, { action: 'body.update', module: MODULE, entityType: bodyMachine.entity, entityId: id, before, after: row });
    return row;
  });
};

/** The list conditions, always with the actor's scope for `permission`. */
export const bodyConditions = (ctx: Ctx, f: BodyFilter, permission: string): SQL => {
  const today = toLocalDate(ctx.now);
  return and(
    scopeOn(ctx, enforcementBody.orgId, permission),
    f.kind ? eq(enforcementBody.kind, f.kind) : undefined,
    f.status ? eq(enforcementBody.status, f.status) : undefined,
    f.orgId ? inOrgSubtree(enforcementBody.orgId, f.orgId) : undefined,
    f.unconfirmedYear
      ? and(eq(enforcementBody.status, 'active'), or(isNull(enforcementBody.confirmedDate), lt(enforcementBody.confirmedDate, `${f.unconfirmedYear}-01-01`)))
      : undefined,
    f.entrustExpired ? and(eq(enforcementBody.kind, 'entrusted'), lt(enforcementBody.entrustUntil, today), eq(enforcementBody.status, 'active')) : undefined,
    f.q ? or(ilike(enforcementBody.name, `%${f.q}%`), ilike(enforcementBody.legalBasis, `%${f.q}%`)) : undefined,
  )!;
};

const officerCount = sql<number>`(select count(*)::int from enforcement_officer o where o.body_id = ${qc(enforcementBody.id)} and o.status = 'active')`;
const reviewerCount = sql<number>`(select count(*)::int from enforcement_officer o where o.body_id = ${qc(enforcementBody.id)} and o.status = 'active' and o.is_legal_reviewer)`;
const validCertCount = sql<number>`(select count(*)::int from enforcement_certificate c join enforcement_officer o on o.id = c.officer_id where o.body_id = ${qc(enforcementBody.id)} and c.status = 'valid')`;
const itemCount = sql<number>`(select count(*)::int from enforcement_item i where i.body_id = ${qc(enforcementBody.id)} and i.status = 'active')`;

const listColumns = {
  id: enforcementBody.id,
  orgId: enforcementBody.orgId,
  orgName: orgNameSql(enforcementBody.orgId),
  name: enforcementBody.name,
  kind: enforcementBody.kind,
  legalBasis: enforcementBody.legalBasis,
  entrustingOrgId: enforcementBody.entrustingOrgId,
  entrustingOrgName: orgNameSql(enforcementBody.entrustingOrgId),
  entrustScope: enforcementBody.entrustScope,
  entrustFrom: enforcementBody.entrustFrom,
  entrustUntil: enforcementBody.entrustUntil,
  status: enforcementBody.status,
  statusReason: enforcementBody.statusReason,
  statusDate: enforcementBody.statusDate,
  confirmedDate: enforcementBody.confirmedDate,
  confirmedByName: enforcementBody.confirmedByName,
  version: enforcementBody.version,
  officers: officerCount,
  legalReviewers: reviewerCount,
  validCertificates: validCertCount,
  items: itemCount,
};

type BodyListRow = { [K in keyof typeof listColumns]: unknown } & {
  id: number;
  orgId: number;
  kind: string;
  status: string;
  entrustUntil: string | null;
  confirmedDate: string | null;
  officers: number;
  legalReviewers: number;
};

/** Adds the derived flags: 委托 expired, confirmed this year, the 法制审核 ratio against the setting. */
const withFlags = async <R extends BodyListRow>(ctx: Ctx, rows: R[]) => {
  const today = toLocalDate(ctx.now);
  const year = currentYear(ctx);
  const settings = new Map<number, Awaited<ReturnType<typeof settingsForOrg>>>();
  for (const orgId of new Set(rows.map((r) => r.orgId))) settings.set(orgId, await settingsForOrg(ctx.db, orgId));
  return rows.map((r) => {
    const s = settings.get(r.orgId)!;
    const ratio = r.officers > 0 ? Math.round((r.legalReviewers / r.officers) * 1000) / 10 : null;
    return {
      ...r,
      entrustExpired: r.kind === 'entrusted' && r.entrustUntil !== null && r.entrustUntil < today,
      confirmedThisYear: r.confirmedDate !== null && r.confirmedDate >= `${year}-01-01`,
      legalReviewerRatio: ratio,
      legalReviewerMinPercent: s.legalReviewerMinPercent,
      legalReviewerBelow: r.officers > 0 && (ratio ?? 0) < s.legalReviewerMinPercent,
    };
  });
};

export const findBodies = async (ctx: Ctx, f: BodyFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = bodyConditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(enforcementBody).where(where)) as [{ total: number }];
  const rows = (await ctx.db
    .select(listColumns)
    .from(enforcementBody)
    .where(where)
    .orderBy(asc(enforcementBody.orgId), asc(enforcementBody.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)) as unknown as BodyListRow[];
  return { total: Number(total), items: await withFlags(ctx, rows) };
};

export const exportBodies = async (ctx: Ctx, f: BodyFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items, total } = await findBodies(ctx, f, { page: 1, pageSize: 20_000 }, PERM.export);
  type Row = (typeof items)[number];
  const buf = await writeXlsx<Row>(
    '执法主体',
    [
      { header: '执法主体', width: 30, value: (r) => r.name as string },
      { header: '所属单位', width: 24, value: (r) => r.orgName as string },
      { header: '类别', value: (r) => labelOfOption(BODY_KIND_OPTIONS, r.kind) },
      { header: '依据', width: 40, value: (r) => r.legalBasis as string },
      { header: '委托机关', width: 24, value: (r) => (r.entrustingOrgName as string | null) ?? '' },
      { header: '委托期限至', width: 12, value: (r) => r.entrustUntil ?? '' },
      { header: '委托已到期', value: (r) => (r.entrustExpired ? '是' : '') },
      { header: '状态', value: (r) => bodyMachine.states[r.status as keyof typeof bodyMachine.states]?.label ?? r.status },
      { header: '最近确认日期', width: 12, value: (r) => r.confirmedDate ?? '' },
      { header: '在岗执法人员', value: (r) => r.officers },
      { header: '法制审核人员', value: (r) => r.legalReviewers },
      { header: '法制审核人员比例(%)', value: (r) => r.legalReviewerRatio ?? '' },
      { header: '有效执法证件', value: (r) => r.validCertificates as number },
      { header: '执法事项', value: (r) => r.items as number },
    ],
    items,
    total > items.length ? `仅导出前 ${items.length} 条，共 ${total} 条` : undefined,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'body.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};

/** 执法主体详情: the body with its figures, the actions the actor may take, its history. */
export const getBodyDetail = async (ctx: Ctx, id: number) => {
  await getBodyInScope(ctx, id);
  const [row] = (await ctx.db.select(listColumns).from(enforcementBody).where(eq(enforcementBody.id, id))) as unknown as BodyListRow[];
  const [record] = await withFlags(ctx, [row!]);
  const mayManage = await mayActOn(ctx, row!.orgId, PERM.manage);
  const transitions = allowedTransitions(bodyMachine, row!.status, () => mayManage).map(toTransitionView);
  const history = await historyOf(ctx.db, bodyMachine.entity, id);
  return { record: record!, transitions, history, mayManage };
};

export const getActivity = async (ctx: Ctx, entityType: string, id: number) =>
  ctx.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, reason: auditLog.reason, result: auditLog.result })
    .from(auditLog)
    .where(and(eq(auditLog.module, MODULE), eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.seq))
    .limit(200);

/** 确认 / 暂停 / 恢复 / 取消: one transition of the body machine (version → 409). */
export const transitionBody = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Record<string, unknown> }) => {
  return ctx.db.transaction(async (tx) => {
    // Loaded in the read scope: the kernel refuses (403) when the manage scope does not cover it.
    const current = await getBodyInScope(ctx, id, PERM.read, tx);
    const patch: Record<string, unknown> =
      name === 'confirm' ? { confirmedBy: ctx.actor!.id, confirmedByName: ctx.actor!.displayName } : { statusReason: typeof body.input.reason === 'string' ? body.input.reason : null };
    return applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: bodyMachine,
      target: bodyTable,
      row: current,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      patch,
      guard: ({ input }) => {
        const d = (input.confirmedDate ?? input.statusDate) as string | undefined;
        if (d && d > toLocalDate(ctx.now)) throw validation(input.confirmedDate ? 'confirmedDate' : 'statusDate', '日期不能晚于今天');
      },
    });
  });
};

/** Active officers of a body (for its detail tab). */
export const bodyOfficerCount = async (ctx: Ctx, bodyId: number) =>
  Number((await ctx.db.select({ n: count() }).from(enforcementOfficer).where(and(eq(enforcementOfficer.bodyId, bodyId), eq(enforcementOfficer.status, 'active'))))[0]?.n ?? 0);
export const bodyItemCount = async (ctx: Ctx, bodyId: number) =>
  Number((await ctx.db.select({ n: count() }).from(enforcementItem).where(eq(enforcementItem.bodyId, bodyId)))[0]?.n ?? 0);
