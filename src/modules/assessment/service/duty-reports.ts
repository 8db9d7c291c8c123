import { and, count, desc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import {
  applyTransition,
  auditLog,
  can,
  cnDate,
  type Ctx,
  type DbOrTx,
  docPara,
  type DocParaOptions,
  FANGSONG_FONT,
  historyOf,
  notFound,
  officialDocx,
  orgInScope,
  orgUnit,
  permissionCode,
  queryRows,
  recordAudit,
  requirePermission,
  syncStateTodo,
  toLocalDate,
  validationError,
  writeXlsx,
} from '../../../kernel';
import { allowedTransitions, toTransitionView } from '../../../kernel/shared/define-machine';
import type { DutyReportFilter, DutyReportInput } from '../contract';
import { dutyReportMachine, RATINGS, REPORT_FORMS } from '../duty-report-machine';
import { assessmentScheme, dutyReport, type DutyReportRow } from '../schema';
import { dutyReportTable, MODULE, orgNameOf, orgScope, PERM, schemeScope, unitName } from './access';

const ENTITY = dutyReportMachine.entity;
const labelOf = (list: readonly { value: string; label: string }[], v: string | null) => list.find((o) => o.value === v)?.label ?? v ?? '';

export const getDutyReportInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<DutyReportRow> => {
  const [row] = await db.select().from(dutyReport).where(and(eq(dutyReport.id, id), orgScope(ctx, dutyReport.orgId, permission)));
  if (!row) throw notFound('述职述法报告');
  return row;
};

const inScopeFor = async (ctx: Ctx, id: number, permission: string, db: DbOrTx = ctx.db) => {
  if (!can(ctx.actor, permission)) return false;
  const [row] = await db.select({ id: dutyReport.id }).from(dutyReport).where(and(eq(dutyReport.id, id), orgScope(ctx, dutyReport.orgId, permission)));
  return Boolean(row);
};

/** 报送述职述法报告 (a unit, for itself): one report per unit and year; created 待审阅 with the office's to-do. */
export const submitDutyReport = async (ctx: Ctx, input: DutyReportInput): Promise<DutyReportRow> => {
  const actor = requirePermission(ctx, PERM.report);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ id: orgUnit.id, path: orgUnit.path, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
    if (!org || !org.isActive || !orgInScope(actor, PERM.report, org)) throw validationError([{ path: 'orgId', message: '只能报送本单位的述职述法报告' }]);
    if (input.reportDate > toLocalDate(ctx.now)) throw validationError([{ path: 'reportDate', message: '述法日期不能晚于今天' }]);
    if (Number(input.reportDate.slice(0, 4)) < input.year) throw validationError([{ path: 'reportDate', message: `述法日期不能早于 ${input.year} 年` }]);
    const [dup] = await tx.select({ id: dutyReport.id }).from(dutyReport).where(and(eq(dutyReport.orgId, input.orgId), eq(dutyReport.year, input.year)));
    if (dup) throw validationError([{ path: 'year', message: `本单位 ${input.year} 年度述职述法报告已报送，请在原报告上修改` }]);
    const [row] = await tx
      .insert(dutyReport)
      .values({ ...input, status: dutyReportMachine.initial, createdBy: actor.id, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    const created = row!;
    const title = `${await unitName(tx, created.orgId)} ${created.year}年度`;
    await syncStateTodo(tx, ctx, MODULE, dutyReportMachine, created, title, `/${MODULE}/duty-reports/${created.id}`);
    await recordAudit(tx, ctx, { action: 'duty_report.submit', module: MODULE, entityType: ENTITY, entityId: created.id, after: { orgId: created.orgId, year: created.year, reporterName: created.reporterName } });
    return created;
  });
};

/** 审阅 / 退回修改 / 重新报送 (the kernel checks the acting permission's scope). */
export const transitionDutyReport = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Record<string, unknown> }) =>
  ctx.db.transaction(async (tx) => {
    const row = await getDutyReportInScope(ctx, id, tx);
    return applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: dutyReportMachine,
      target: dutyReportTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      todoTitle: `${await unitName(tx, row.orgId)} ${row.year}年度`,
      link: `/${MODULE}/duty-reports/${row.id}`,
    });
  });

const conditions = (ctx: Ctx, f: DutyReportFilter, permission: string) =>
  and(
    orgScope(ctx, dutyReport.orgId, permission),
    f.year ? eq(dutyReport.year, f.year) : undefined,
    f.status ? eq(dutyReport.status, f.status) : undefined,
    f.orgId ? sql`${dutyReport.orgId} in (select id from org_unit where path like (select path from org_unit where id = ${f.orgId}) || '%')` : undefined,
    f.q ? or(ilike(dutyReport.reporterName, `%${f.q}%`), ilike(dutyReport.summary, `%${f.q}%`)) : undefined,
  );

/** 述职述法列表 within scope. */
export const findDutyReports = async (ctx: Ctx, f: DutyReportFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = conditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(dutyReport).where(where)) as [{ total: number }];
  const items = await ctx.db
    .select({
      id: dutyReport.id,
      orgId: dutyReport.orgId,
      orgName: orgNameOf(dutyReport.orgId),
      year: dutyReport.year,
      reporterName: dutyReport.reporterName,
      reporterTitle: dutyReport.reporterTitle,
      form: dutyReport.form,
      reportDate: dutyReport.reportDate,
      status: dutyReport.status,
      rating: dutyReport.rating,
      version: dutyReport.version,
    })
    .from(dutyReport)
    .where(where)
    .orderBy(desc(dutyReport.year), desc(dutyReport.reportDate), desc(dutyReport.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items };
};

/** 导出述职述法列表 (.xlsx); audited. */
export const exportDutyReports = async (ctx: Ctx, f: DutyReportFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items } = await findDutyReports(ctx, f, { page: 1, pageSize: 50_000 }, PERM.export);
  const buf = await writeXlsx<(typeof items)[number]>(
    '述职述法',
    [
      { header: '年度', width: 8, value: (r) => r.year },
      { header: '单位', width: 28, value: (r) => r.orgName },
      { header: '述法人', width: 12, value: (r) => r.reporterName },
      { header: '职务', width: 20, value: (r) => r.reporterTitle },
      { header: '形式', value: (r) => labelOf(REPORT_FORMS, r.form) },
      { header: '述法日期', width: 12, value: (r) => r.reportDate },
      { header: '状态', value: (r) => dutyReportMachine.states[r.status as keyof typeof dutyReportMachine.states]?.label ?? r.status },
      { header: '评价等次', value: (r) => labelOf(RATINGS, r.rating) },
    ],
    items,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'duty_report.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};

/** 报告详情: the record, the actions the actor may take now, and its history. */
export const getDutyReportDetail = async (ctx: Ctx, id: number) => {
  const row = await getDutyReportInScope(ctx, id);
  const history = await historyOf(ctx.db, ENTITY, id);
  const mayAct = new Map<string, boolean>();
  for (const p of new Set(Object.values(dutyReportMachine.transitions).map((t) => t.permission))) mayAct.set(p, await inScopeFor(ctx, id, permissionCode(MODULE, p)));
  const transitions = allowedTransitions(dutyReportMachine, row.status, (p) => mayAct.get(p) ?? false).map(toTransitionView);
  return { record: { ...row, orgName: await unitName(ctx.db, row.orgId) }, transitions, deadlines: [], history, canAttach: await inScopeFor(ctx, id, PERM.report) };
};

export const getDutyReportActivity = async (ctx: Ctx, id: number) => {
  await getDutyReportInScope(ctx, id);
  const items = await ctx.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, reason: auditLog.reason, result: auditLog.result })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, ENTITY), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.seq))
    .limit(200);
  return { items };
};

/**
 * 未报送单位: the assessed units (within scope) of the year's published scheme that have no 述职述法
 * report of that year — an anti-join of targets against reports — with the scheme's due date.
 */
export const findMissingDutyReports = async (ctx: Ctx, year: number) => {
  requirePermission(ctx, PERM.read);
  const [scheme] = await ctx.db
    .select({ id: assessmentScheme.id, title: assessmentScheme.title, dueDate: assessmentScheme.dutyReportDueDate })
    .from(assessmentScheme)
    .where(and(eq(assessmentScheme.year, year), ne(assessmentScheme.status, 'draft'), schemeScope(ctx)))
    .orderBy(desc(assessmentScheme.id))
    .limit(1);
  if (!scheme) return { year, scheme: null, overdue: false, units: [] };
  const units = await queryRows<{ orgId: number; orgName: string }>(
    ctx.db,
    sql`select t.org_id as "orgId", o.name as "orgName"
        from assessment_target t join org_unit o on o.id = t.org_id
        where t.scheme_id = ${scheme.id} and ${orgScope(ctx, sql`t.org_id`)}
          and not exists (select 1 from duty_report d where d.org_id = t.org_id and d.year = ${year})
        order by o.path`,
  );
  const today = toLocalDate(ctx.now);
  return { year, scheme, overdue: Boolean(scheme.dueDate && today > scheme.dueDate), units };
};

const para = (t: string, o: DocParaOptions = {}) => docPara(t, { ...o, font: FANGSONG_FONT });
const paras = (t: string | null) => (t ?? '').split(/\n+/).filter(Boolean).map((p) => para(p, { indent: true }));

/** 述职述法报告 (.docx): the report as filed, with the review when there is one; audited. */
export const buildDutyReportDocument = async (ctx: Ctx, id: number): Promise<{ fileName: string; data: Buffer }> => {
  const row = await getDutyReportInScope(ctx, id);
  const org = await unitName(ctx.db, row.orgId);
  const children = [
    para(`${org}`, { center: true, size: 36, bold: true }),
    para(`${row.year}年度履行推进法治建设第一责任人职责情况述职述法报告`, { center: true, size: 40, bold: true }),
    para(`述法人：${row.reporterName}（${row.reporterTitle}），形式：${labelOf(REPORT_FORMS, row.form)}`, { center: true }),
    para('一、履职情况', { bold: true }),
    ...paras(row.summary),
    para('二、存在问题', { bold: true }),
    ...(row.problems ? paras(row.problems) : [para('无。', { indent: true })]),
    para('三、下一步打算', { bold: true }),
    ...(row.plans ? paras(row.plans) : [para('无。', { indent: true })]),
    para(org, { right: true }),
    para(cnDate(row.reportDate), { right: true }),
  ];
  if (row.status === 'reviewed') children.push(para(`审阅意见（${labelOf(RATINGS, row.rating)}）：${row.reviewComment ?? ''}`, { indent: true }));
  const data = await officialDocx(`${org}${row.year}年度述职述法报告`, children);
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'duty_report.document', module: MODULE, entityType: ENTITY, entityId: id }));
  return { fileName: `${org}${row.year}年度述职述法报告.docx`, data };
};
