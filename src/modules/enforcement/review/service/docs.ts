import { and, count, desc, eq, gte, ilike, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  applyTransition,
  caseClock,
  cnDate,
  type Ctx,
  type DbOrTx,
  deadlinesOf,
  docPara,
  formatNumber,
  historyOf,
  nextSequenceValue,
  officialDocx,
  orgUnit,
  pageDeadlines,
  permissionCode,
  recordAudit,
  requirePermission,
  syncStateTodo,
  toLocalDate,
  validationError,
  writeXlsx,
} from '../../../../kernel';
import { allowedTransitions, toTransitionView } from '../../../../kernel/shared/define-machine';
import { enforcementCase } from '../../cases/schema';
import type { DocFilter, IssueDocInput } from '../contract';
import { DECISION_KINDS, DOC_CLOCK, DOC_KINDS, docMachine, type DocKind } from '../review-machine';
import { enforcementComplaint, enforcementReviewFile, enforcementReviewProblem, enforcementSupervisionDoc, type SupervisionDocRow } from '../schema';
import { actsOn, bodyForWrite, bodyNameOf, bodyNameSql, docScope, docTable, getDocInScope, labelOf, MODULE, orgNameOf, orgNameSql, PERM } from './access';
import { requireSupervisionCerts } from './supervision-certificates';

export const DOC_SEQUENCE: Record<DocKind, string> = { notice: 'supervisionNotice', opinion: 'supervisionOpinion', decision: 'supervisionDecision' };

/**
 * Starts the reply clock of a document from its service date with the document's own period (calendar days;
 * a last day on a rest day rolls to the next working day, 民法典第二百零三条).
 */
export const startReplyClock = async (tx: DbOrTx, ctx: Ctx, doc: Pick<SupervisionDocRow, 'id' | 'orgId' | 'kind' | 'servedDate' | 'periodDays'>) => {
  const key = DOC_CLOCK[doc.kind];
  const def = docMachine.clocks[key]!;
  const calendar = await ctx.services.calendar.get(tx);
  const { due, missingYears } = calendar.addPeriod(doc.servedDate, doc.periodDays, 'calendar_day');
  await tx.insert(caseClock).values({
    module: MODULE,
    entityType: docMachine.entity,
    entityId: doc.id,
    orgId: doc.orgId,
    clockKey: key,
    label: def.label,
    basis: doc.periodDays === def.period ? def.basis : `${def.basis}；本文书确定为${doc.periodDays}日`,
    status: 'running',
    startDate: doc.servedDate,
    period: doc.periodDays,
    unit: 'calendar_day',
    extensionDays: 0,
    excludedDays: 0,
    dueDate: due,
    missingYears,
  });
};

/** 签发执法监督文书 to a body in the actor's supervise scope; numbered by the issuing unit. */
export const issueDoc = async (ctx: Ctx, input: IssueDocInput) => {
  const actor = requirePermission(ctx, PERM.supervise);
  const today = toLocalDate(ctx.now);
  return ctx.db.transaction(async (tx) => {
    const body = await bodyForWrite(ctx, actor, input.bodyId, PERM.supervise, tx);
    const problems: { path: string; message: string }[] = [];
    if (input.issuedDate > today) problems.push({ path: 'issuedDate', message: '签发日期不能晚于今天' });
    if (input.servedDate > today) problems.push({ path: 'servedDate', message: '送达日期不能晚于今天' });
    if (input.problemId) {
      const [p] = await tx
        .select({ bodyId: enforcementReviewFile.bodyId })
        .from(enforcementReviewProblem)
        .innerJoin(enforcementReviewFile, eq(enforcementReviewFile.id, enforcementReviewProblem.fileId))
        .where(eq(enforcementReviewProblem.id, input.problemId));
      if (!p || p.bodyId !== body.id) problems.push({ path: 'problemId', message: '关联的评查问题不存在或不属于该执法主体' });
    }
    if (input.complaintId) {
      const [c] = await tx.select({ bodyId: enforcementComplaint.bodyId }).from(enforcementComplaint).where(eq(enforcementComplaint.id, input.complaintId));
      if (!c || c.bodyId !== body.id) problems.push({ path: 'complaintId', message: '关联的投诉举报不存在或不属于该执法主体' });
    }
    if (input.caseId) {
      const [c] = await tx.select({ bodyId: enforcementCase.bodyId }).from(enforcementCase).where(eq(enforcementCase.id, input.caseId));
      if (!c || c.bodyId !== body.id) problems.push({ path: 'caseId', message: '关联的执法案件不存在或不属于该执法主体' });
    }
    if (problems.length) throw validationError(problems);
    const signer = input.signerName.trim();
    const certNo = (await requireSupervisionCerts(tx, 'signerName', [signer], input.issuedDate, '执法监督文书签发人')).get(signer)!;
    const kind = DOC_KINDS.find((k) => k.value === input.kind)!;
    const sequence = ctx.services.registry.sequence(MODULE, DOC_SEQUENCE[input.kind]);
    const [issuer] = await tx.select({ shortName: orgUnit.shortName }).from(orgUnit).where(eq(orgUnit.id, actor.orgId));
    const year = Number(input.issuedDate.slice(0, 4));
    const seq = await nextSequenceValue(tx, `${MODULE}.${DOC_SEQUENCE[input.kind]}`, actor.orgId, year);
    const docNo = formatNumber(sequence.pattern, { unit: issuer?.shortName ?? '', year, seq });
    const [row] = await tx
      .insert(enforcementSupervisionDoc)
      .values({
        orgId: body.orgId,
        bodyId: body.id,
        issuerOrgId: actor.orgId,
        kind: input.kind,
        docNo,
        decisionKind: input.decisionKind,
        title: input.title,
        content: input.content,
        requiredAction: input.requiredAction,
        signerName: signer,
        signerCertNo: certNo,
        issuedDate: input.issuedDate,
        servedDate: input.servedDate,
        periodDays: input.periodDays ?? kind.defaultDays,
        problemId: input.problemId,
        complaintId: input.complaintId,
        caseId: input.caseId,
        status: docMachine.initial,
        createdBy: actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    const doc = row!;
    await startReplyClock(tx, ctx, doc);
    await syncStateTodo(tx, ctx, MODULE, docMachine, doc, `${doc.docNo} ${body.name}`, `/enforcement/supervision/${doc.id}`);
    await recordAudit(tx, ctx, { action: 'supervision.issue', module: MODULE, entityType: docMachine.entity, entityId: doc.id, after: { docNo, kind: input.kind, bodyId: body.id, periodDays: doc.periodDays } });
    return doc;
  });
};

/** 回复 (the body, report permission over its unit) / 办结 / 退回 (the supervisor). */
export const transitionDoc = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Record<string, unknown> }) =>
  ctx.db.transaction(async (tx) => {
    const doc = await getDocInScope(ctx, id, tx);
    const today = toLocalDate(ctx.now);
    return applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: docMachine,
      target: docTable,
      row: doc,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      todoTitle: `${doc.docNo}`,
      link: `/enforcement/supervision/${id}`,
      ...(name === 'reply' ? { patch: { returnReason: null } } : {}),
      guard: async ({ input }) => {
        const dateField = name === 'reply' ? 'replyDate' : name === 'accept' ? 'closedDate' : null;
        if (dateField) {
          const d = input[dateField] as string;
          if (d > today) throw validationError([{ path: dateField, message: '日期不能晚于今天' }]);
          const min = name === 'reply' ? doc.servedDate : (doc.replyDate ?? doc.servedDate);
          if (d < min) throw validationError([{ path: dateField, message: `日期不能早于${name === 'reply' ? '送达日期' : '回复日期'}（${min}）` }]);
        }
      },
    });
  });

const lateSql = (today: string): SQL =>
  sql`exists (select 1 from case_clock c where c.entity_type = 'enforcement_supervision_doc' and c.entity_id = ${sql.raw('"enforcement_supervision_doc"."id"')} and c.status = 'running' and c.due_date < ${today})`;

const docConditions = (ctx: Ctx, f: DocFilter, permission: string): SQL =>
  and(
    docScope(ctx, permission),
    f.kind ? eq(enforcementSupervisionDoc.kind, f.kind) : undefined,
    f.status ? eq(enforcementSupervisionDoc.status, f.status) : undefined,
    f.bodyId ? eq(enforcementSupervisionDoc.bodyId, f.bodyId) : undefined,
    f.orgId ? sql`${enforcementSupervisionDoc.orgId} in (select ou.id from org_unit ou where ou.path like (select p.path from org_unit p where p.id = ${f.orgId}) || '%')` : undefined,
    f.issuedFrom ? gte(enforcementSupervisionDoc.issuedDate, f.issuedFrom) : undefined,
    f.issuedTo ? lte(enforcementSupervisionDoc.issuedDate, f.issuedTo) : undefined,
    f.overdue ? lateSql(toLocalDate(ctx.now)) : undefined,
    f.q ? or(ilike(enforcementSupervisionDoc.docNo, `%${f.q}%`), ilike(enforcementSupervisionDoc.title, `%${f.q}%`)) : undefined,
  )!;

const docListColumns = {
  id: enforcementSupervisionDoc.id,
  docNo: enforcementSupervisionDoc.docNo,
  kind: enforcementSupervisionDoc.kind,
  decisionKind: enforcementSupervisionDoc.decisionKind,
  title: enforcementSupervisionDoc.title,
  orgId: enforcementSupervisionDoc.orgId,
  bodyId: enforcementSupervisionDoc.bodyId,
  bodyName: bodyNameSql(enforcementSupervisionDoc.bodyId),
  issuerName: orgNameSql(enforcementSupervisionDoc.issuerOrgId),
  issuedDate: enforcementSupervisionDoc.issuedDate,
  servedDate: enforcementSupervisionDoc.servedDate,
  periodDays: enforcementSupervisionDoc.periodDays,
  status: enforcementSupervisionDoc.status,
  replyDate: enforcementSupervisionDoc.replyDate,
  closedDate: enforcementSupervisionDoc.closedDate,
  version: enforcementSupervisionDoc.version,
};

export const findDocs = async (ctx: Ctx, f: DocFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = docConditions(ctx, f, permission);
  const [t] = await ctx.db.select({ n: count() }).from(enforcementSupervisionDoc).where(where);
  const rows = await ctx.db
    .select(docListColumns)
    .from(enforcementSupervisionDoc)
    .where(where)
    .orderBy(desc(enforcementSupervisionDoc.issuedDate), desc(enforcementSupervisionDoc.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const ids = rows.map((r) => r.id);
  const maps = await Promise.all(Object.values(DOC_CLOCK).map((k) => pageDeadlines(ctx, docMachine, k, ids, { includeStopped: true })));
  return { total: Number(t?.n ?? 0), items: rows.map((r) => ({ ...r, deadline: maps.map((m) => m.get(r.id)).find(Boolean) ?? null })) };
};

export const getDocDetail = async (ctx: Ctx, id: number) => {
  const doc = await getDocInScope(ctx, id);
  const calendar = await ctx.services.calendar.get();
  const deadlines = await deadlinesOf(ctx.db, calendar, docMachine.entity, id, ctx.now, docMachine.clocks);
  const history = await historyOf(ctx.db, docMachine.entity, id);
  const mayAct = new Map<string, boolean>();
  for (const p of ['report', 'supervise']) mayAct.set(p, await actsOn(ctx, permissionCode(MODULE, p), doc.orgId));
  const transitions = allowedTransitions(docMachine, doc.status, (p) => mayAct.get(p) ?? false).map(toTransitionView);
  const [bodyName, issuerName] = await Promise.all([bodyNameOf(ctx.db, doc.bodyId), orgNameOf(ctx.db, doc.issuerOrgId)]);
  const problem = doc.problemId ? (await ctx.db.select().from(enforcementReviewProblem).where(eq(enforcementReviewProblem.id, doc.problemId)))[0] ?? null : null;
  const linkedCase = doc.caseId ? (await ctx.db.select({ id: enforcementCase.id, caseNo: enforcementCase.caseNo, title: enforcementCase.title }).from(enforcementCase).where(eq(enforcementCase.id, doc.caseId)))[0] ?? null : null;
  const complaint = doc.complaintId
    ? (await ctx.db.select({ id: enforcementComplaint.id, complaintNo: enforcementComplaint.complaintNo, subject: enforcementComplaint.subject }).from(enforcementComplaint).where(eq(enforcementComplaint.id, doc.complaintId)))[0] ?? null
    : null;
  return { record: { ...doc, bodyName, issuerName }, transitions, deadlines, history, problem, linkedCase, complaint };
};

export const exportDocs = async (ctx: Ctx, f: DocFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items } = await findDocs(ctx, f, { page: 1, pageSize: 50_000 }, PERM.export);
  const buf = await writeXlsx<(typeof items)[number]>('执法监督文书', [
    { header: '文号', width: 26, value: (r) => r.docNo },
    { header: '种类', width: 20, value: (r) => labelOf(DOC_KINDS, r.kind) },
    { header: '决定类型', width: 14, value: (r) => labelOf(DECISION_KINDS, r.decisionKind) },
    { header: '标题', width: 36, value: (r) => r.title },
    { header: '执法主体', width: 28, value: (r) => r.bodyName },
    { header: '签发机关', width: 20, value: (r) => r.issuerName },
    { header: '签发日期', width: 12, value: (r) => r.issuedDate },
    { header: '送达日期', width: 12, value: (r) => r.servedDate },
    { header: '期限（日）', value: (r) => r.periodDays },
    { header: '回复期限', width: 12, value: (r) => r.deadline?.dueDate ?? '' },
    { header: '状态', value: (r) => docMachine.states[r.status as keyof typeof docMachine.states]?.label ?? r.status },
    { header: '回复日期', width: 12, value: (r) => r.replyDate ?? '' },
    { header: '办结日期', width: 12, value: (r) => r.closedDate ?? '' },
  ], items);
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'supervision.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};

const para = docPara;
const NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export const cnNumber = (n: number): string => {
  if (n < 10) return NUM[n]!;
  if (n < 20) return `十${n % 10 ? NUM[n % 10] : ''}`;
  if (n < 100) return `${NUM[Math.floor(n / 10)]}十${n % 10 ? NUM[n % 10] : ''}`;
  return String(n);
};

/** The printable document (.docx): heading, number, addressee, findings, requirement and the reply period. */
export const buildDocDocument = async (ctx: Ctx, id: number): Promise<{ fileName: string; data: Buffer }> => {
  const doc = await getDocInScope(ctx, id);
  const kind = DOC_KINDS.find((k) => k.value === doc.kind)!;
  const [issuerName, bodyName] = await Promise.all([orgNameOf(ctx.db, doc.issuerOrgId), bodyNameOf(ctx.db, doc.bodyId)]);
  const [clock] = await ctx.db
    .select({ dueDate: caseClock.dueDate })
    .from(caseClock)
    .where(and(eq(caseClock.entityType, docMachine.entity), eq(caseClock.entityId, id), ne(caseClock.clockKey, '')))
    .orderBy(desc(caseClock.id))
    .limit(1);
  const ask =
    doc.kind === 'opinion'
      ? `请你单位自收到本意见书之日起${cnNumber(doc.periodDays)}日内自行纠正，并将纠正情况书面报告本机关。`
      : doc.kind === 'decision'
        ? `请你单位自收到本决定书之日起${cnNumber(doc.periodDays)}日内执行，并将执行情况书面报告本机关。`
        : `请你单位自收到本通知书之日起${cnNumber(doc.periodDays)}日内按要求办理并书面回复本机关。`;
  const children = [
    para(issuerName ?? '', { center: true, size: 36, bold: true }),
    para(kind.label, { center: true, size: 44, bold: true }),
    para(doc.docNo, { center: true }),
    para(''),
    para(`${bodyName ?? ''}：`),
    para(doc.content, { indent: true }),
    ...(doc.kind === 'decision' && doc.decisionKind ? [para(`本机关决定：${labelOf(DECISION_KINDS, doc.decisionKind)}。`, { indent: true, bold: true })] : []),
    para(`具体要求：${doc.requiredAction}`, { indent: true }),
    para(ask, { indent: true }),
    ...(clock?.dueDate ? [para(`（本文书于${cnDate(doc.servedDate)}送达，回复期限至${cnDate(clock.dueDate)}。）`, { indent: true })] : []),
    para(''),
    para(issuerName ?? '', { right: true }),
    para(cnDate(doc.issuedDate), { right: true }),
  ];
  const data = await officialDocx(`${kind.label} ${doc.docNo}`, children);
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'supervision.document', module: MODULE, entityType: docMachine.entity, entityId: id, after: { docNo: doc.docNo } }));
  return { fileName: `${kind.label}-${doc.docNo}.docx`, data };
};
