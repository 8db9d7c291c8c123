/** 执法证件: issue, list, export, detail, 暂扣 / 发还 / 注销 / 吊销, 年审, and the 清理 view with its bulk 注销. */
import { and, count, desc, eq, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { allowedTransitions, toTransitionView } from '../../../../kernel/shared/define-machine';
import { addMonthsClamped } from '../../../../kernel/shared/local-date';
import {
  AppError,
  applyTransition,
  caseTransition,
  type Ctx,
  type DbOrTx,
  historyOf,
  inOrgSubtree,
  recordAudit,
  requirePermission,
  toLocalDate,
  validationError,
  writeXlsx,
} from '../../../../kernel';
import type { CertificateFilter, CertificateInput } from '../contract';
import { CERT_KIND_OPTIONS, certificateMachine, labelOfOption, officerMachine } from '../registry-machine';
import { enforcementCertificate, enforcementCertReview, enforcementOfficer, enforcementTraining } from '../schema';
import { bodyNameSql, certificateTable, currentYear, getCertificateInScope, getOfficerInScope, MODULE, mayActOn, orgNameSql, PERM, scopeOn, settingsForOrg, staleVersion, qc } from './access';

const validation = (path: string, message: string) => validationError([{ path, message }]);

/**
 * 有效期: the last valid day is the same-numbered day `years` later, or that month's last day when it has
 * none (民法典第二百零二条). A certificate's validity is not a procedural period: it is not moved off a holiday.
 */
export const certificateExpiry = (issuedDate: string, years: number): string => addMonthsClamped(issuedDate, years * 12);

/** Inserts one certificate for an officer (the officer must be in service and the number unused). */
export const insertCertificate = async (tx: DbOrTx, ctx: Ctx, officer: { id: number; orgId: number; status: string }, input: Omit<CertificateInput, 'officerId'>, validityYears: number) => {
  if (officer.status !== 'active') throw validation('officerId', '该人员不在岗，不能发证');
  if (input.issuedDate > toLocalDate(ctx.now)) throw validation('issuedDate', '发证日期不能晚于今天');
  const [dup] = await tx.select({ id: enforcementCertificate.id }).from(enforcementCertificate).where(eq(enforcementCertificate.certNo, input.certNo));
  if (dup) throw validation('certNo', `证件编号 ${input.certNo} 已被使用`);
  const [row] = await tx
    .insert(enforcementCertificate)
    .values({
      officerId: officer.id,
      orgId: officer.orgId,
      kind: input.kind,
      certNo: input.certNo,
      issuedDate: input.issuedDate,
      expiresDate: input.expiresDate ?? certificateExpiry(input.issuedDate, validityYears),
    })
    .returning();
  await recordAudit(tx, ctx, { action: 'certificate.issue', module: MODULE, entityType: certificateMachine.entity, entityId: row!.id, after: row });
  return row!;
};

/** 发证 (制发行政执法证 / 行政执法监督证) for an officer in the actor's manage scope. */
export const issueCertificate = async (ctx: Ctx, input: CertificateInput) => {
  const officer = await getOfficerInScope(ctx, input.officerId, PERM.manage).catch(() => {
    throw validation('officerId', '执法人员不存在或不在本人管理范围内');
  });
  const settings = await settingsForOrg(ctx.db, officer.orgId);
  return ctx.db.transaction((tx) => insertCertificate(tx, ctx, officer, input, settings.certValidityYears));
};

/**
 * 注销 of many certificates at once (清理, or an officer leaving): one conditional update of those still
 * valid or suspended, their history rows and one audit row. Returns the ids changed.
 */
export const cancelCertificates = async (tx: DbOrTx, ctx: Ctx, ids: number[], reason: string): Promise<number[]> => {
  if (ids.length === 0) return [];
  const today = toLocalDate(ctx.now);
  const open = await tx
    .select({ id: enforcementCertificate.id, status: enforcementCertificate.status })
    .from(enforcementCertificate)
    .where(and(inArray(enforcementCertificate.id, ids), inArray(enforcementCertificate.status, ['valid', 'suspended'])));
  const before = new Map<number, string>(open.map((o) => [o.id, o.status]));
  const changed = await tx
    .update(enforcementCertificate)
    .set({ status: 'revoked', revokeKind: 'cancelled', statusReason: reason, statusDate: today, version: sql`${qc(enforcementCertificate.version)} + 1`, updatedAt: ctx.now })
    .where(and(inArray(enforcementCertificate.id, ids), inArray(enforcementCertificate.status, ['valid', 'suspended'])))
    .returning({ id: enforcementCertificate.id });
  if (changed.length === 0) return [];
  for (let i = 0; i < changed.length; i += 1000) {
    await tx.insert(caseTransition).values(
      changed.slice(i, i + 1000).map((c) => ({
        entityType: certificateMachine.entity,
        entityId: c.id,
        transition: 'cancel',
        fromState: before.get(c.id) ?? 'valid',
        toState: 'revoked',
        actorId: ctx.actor?.id ?? null,
        actorName: ctx.actor?.displayName ?? null,
        actorOrgId: ctx.actor?.orgId ?? null,
        at: ctx.now,
        reason,
        data: { reason },
      })),
    );
  }
  await recordAudit(tx, ctx, { action: 'certificate.bulk_cancel', module: MODULE, entityType: certificateMachine.entity, reason, after: { ids: changed.map((c) => c.id) } });
  return changed.map((c) => c.id);
};

/** 暂扣 / 发还 / 注销 / 吊销 of one certificate (version → 409). */
export const transitionCertificate = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Record<string, unknown> }) => {
  return ctx.db.transaction(async (tx) => {
    // Loaded in the read scope: the kernel refuses (403) when the manage scope does not cover it.
    const row = await getCertificateInScope(ctx, id, PERM.read, tx);
    const revokeKind = name === 'cancel' ? 'cancelled' : name === 'withdraw' ? 'withdrawn' : row.revokeKind;
    return applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: certificateMachine,
      target: certificateTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      patch: { statusReason: typeof body.input.reason === 'string' ? body.input.reason : null, statusDate: toLocalDate(ctx.now), revokeKind },
    });
  });
};

/** The year's training hours of an officer. */
export const trainingHours = async (db: DbOrTx, officerId: number, year: number): Promise<number> => {
  const [r] = await db
    .select({ h: sql<number>`coalesce(sum(${qc(enforcementTraining.hours)}), 0)::int` })
    .from(enforcementTraining)
    .where(and(eq(enforcementTraining.officerId, officerId), eq(enforcementTraining.year, year)));
  return Number(r?.h ?? 0);
};

/**
 * 年审 for `year`: passes when the certificate is valid (not 暂扣), the officer in service and the year's
 * training hours reach the target (a setting, 60 学时 by default). One result per certificate and year.
 */
export const annualReview = async (ctx: Ctx, id: number, input: { version: number; year: number }) => {
  await getCertificateInScope(ctx, id, PERM.read);
  const cert = await getCertificateInScope(ctx, id, PERM.manage);
  if (cert.status === 'revoked') throw new AppError('INVALID_STATE', '证件已注销或吊销，不能年审', { details: { reason: 'wrong_state', state: cert.status } });
  if (input.year > currentYear(ctx)) throw validation('year', '年审年度不能晚于今年');
  const [officer] = await ctx.db.select().from(enforcementOfficer).where(eq(enforcementOfficer.id, cert.officerId));
  const settings = await settingsForOrg(ctx.db, cert.orgId);
  const hours = await trainingHours(ctx.db, cert.officerId, input.year);
  const reasons: string[] = [];
  if (hours < settings.trainingHoursTarget) reasons.push(`${input.year} 年培训 ${hours} 学时，未达到 ${settings.trainingHoursTarget} 学时`);
  if (cert.status === 'suspended') reasons.push('证件处于暂扣状态');
  if (officer?.status !== 'active') reasons.push(`人员已${officerMachine.states[officer?.status as keyof typeof officerMachine.states]?.label ?? '离岗'}`);
  const passed = reasons.length === 0;
  return ctx.db.transaction(async (tx) => {
    const [done] = await tx.select({ id: enforcementCertReview.id }).from(enforcementCertReview).where(and(eq(enforcementCertReview.certificateId, id), eq(enforcementCertReview.year, input.year)));
    if (done) throw new AppError('CONFLICT', `该证件 ${input.year} 年度已年审`, { details: { reason: 'already_reviewed' } });
    const [updated] = await tx
      .update(enforcementCertificate)
      .set({ ...(passed ? { lastReviewYear: input.year } : {}), version: sql`${qc(enforcementCertificate.version)} + 1`, updatedAt: ctx.now })
      .where(and(eq(enforcementCertificate.id, id), eq(enforcementCertificate.version, input.version)))
      .returning();
    if (!updated) throw staleVersion();
    const [review] = await tx
      .insert(enforcementCertReview)
      .values({ certificateId: id, orgId: cert.orgId, year: input.year, passed, hours, targetHours: settings.trainingHoursTarget, reason: passed ? null : reasons.join('；'), reviewedDate: toLocalDate(ctx.now), reviewedBy: ctx.actor!.id })
      .returning();
    await recordAudit(tx, ctx, { action: passed ? 'certificate.review_passed' : 'certificate.review_failed', module: MODULE, entityType: certificateMachine.entity, entityId: id, reason: review!.reason, after: review });
    return { certificate: updated, review: review! };
  });
};

const failedReviewSql = sql`exists (select 1 from enforcement_cert_review r where r.certificate_id = ${qc(enforcementCertificate.id)} and not r.passed
  and not exists (select 1 from enforcement_cert_review r2 where r2.certificate_id = r.certificate_id and r2.year > r.year and r2.passed))`;
const officerGoneSql = sql`exists (select 1 from enforcement_officer o where o.id = ${qc(enforcementCertificate.officerId)} and o.status <> 'active')`;

/** Why a certificate should be cleaned (清理): its holder left, it expired, or it failed its last 年审. */
const cleanupReasonSql = (today: string) => sql<string>`concat_ws('；',
  case when ${officerGoneSql} then '持证人已不在岗' end,
  case when ${qc(enforcementCertificate.expiresDate)} < ${today} then '已超过有效期' end,
  case when ${failedReviewSql} then '年审未通过' end)`;

export const certificateConditions = (ctx: Ctx, f: CertificateFilter & { cleanup?: boolean }, permission: string): SQL => {
  const today = toLocalDate(ctx.now);
  return and(
    scopeOn(ctx, enforcementCertificate.orgId, permission),
    f.kind ? eq(enforcementCertificate.kind, f.kind) : undefined,
    f.status ? eq(enforcementCertificate.status, f.status) : undefined,
    f.officerId ? eq(enforcementCertificate.officerId, f.officerId) : undefined,
    f.bodyId ? sql`${qc(enforcementCertificate.officerId)} in (select o.id from enforcement_officer o where o.body_id = ${f.bodyId})` : undefined,
    f.orgId ? inOrgSubtree(enforcementCertificate.orgId, f.orgId) : undefined,
    f.expired ? and(ne(enforcementCertificate.status, 'revoked'), lt(enforcementCertificate.expiresDate, today)) : undefined,
    f.cleanup ? and(inArray(enforcementCertificate.status, ['valid', 'suspended']), or(officerGoneSql, lt(enforcementCertificate.expiresDate, today), failedReviewSql)) : undefined,
    f.q
      ? or(
          ilike(enforcementCertificate.certNo, `%${f.q}%`),
          sql`${qc(enforcementCertificate.officerId)} in (select o.id from enforcement_officer o where o.name ilike ${`%${f.q}%`})`,
        )
      : undefined,
  )!;
};

const listColumns = (today: string) => ({
  id: enforcementCertificate.id,
  officerId: enforcementCertificate.officerId,
  officerName: sql<string>`(select o.name from enforcement_officer o where o.id = ${qc(enforcementCertificate.officerId)})`,
  officerStatus: sql<string>`(select o.status from enforcement_officer o where o.id = ${qc(enforcementCertificate.officerId)})`,
  bodyName: sql<string>`(select b.name from enforcement_body b join enforcement_officer o on o.body_id = b.id where o.id = ${qc(enforcementCertificate.officerId)})`,
  orgId: enforcementCertificate.orgId,
  orgName: orgNameSql(enforcementCertificate.orgId),
  kind: enforcementCertificate.kind,
  certNo: enforcementCertificate.certNo,
  issuedDate: enforcementCertificate.issuedDate,
  expiresDate: enforcementCertificate.expiresDate,
  status: enforcementCertificate.status,
  revokeKind: enforcementCertificate.revokeKind,
  statusReason: enforcementCertificate.statusReason,
  statusDate: enforcementCertificate.statusDate,
  lastReviewYear: enforcementCertificate.lastReviewYear,
  version: enforcementCertificate.version,
  cleanupReason: cleanupReasonSql(today),
});

export const findCertificates = async (ctx: Ctx, f: CertificateFilter & { cleanup?: boolean }, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = certificateConditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(enforcementCertificate).where(where)) as [{ total: number }];
  const items = await ctx.db
    .select(listColumns(toLocalDate(ctx.now)))
    .from(enforcementCertificate)
    .where(where)
    .orderBy(desc(enforcementCertificate.issuedDate), desc(enforcementCertificate.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items };
};

const statusLabel = (r: { status: string; revokeKind: string | null }) => (r.status === 'revoked' ? (r.revokeKind === 'withdrawn' ? '吊销' : '注销') : certificateMachine.states[r.status as 'valid']?.label ?? r.status);

export const exportCertificates = async (ctx: Ctx, f: CertificateFilter & { cleanup?: boolean }): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items, total } = await findCertificates(ctx, f, { page: 1, pageSize: 50_000 }, PERM.export);
  type Row = (typeof items)[number];
  const buf = await writeXlsx<Row>(
    f.cleanup ? '应清理证件' : '执法证件',
    [
      { header: '证件编号', width: 22, value: (r) => r.certNo },
      { header: '证件类型', width: 16, value: (r) => labelOfOption(CERT_KIND_OPTIONS, r.kind) },
      { header: '持证人', value: (r) => r.officerName },
      { header: '执法主体', width: 30, value: (r) => r.bodyName },
      { header: '发证日期', width: 12, value: (r) => r.issuedDate },
      { header: '有效期至', width: 12, value: (r) => r.expiresDate ?? '' },
      { header: '状态', value: statusLabel },
      { header: '状态原因', width: 30, value: (r) => r.statusReason ?? '' },
      { header: '最近年审', value: (r) => r.lastReviewYear ?? '' },
      { header: '应清理原因', width: 30, value: (r) => (r.status === 'revoked' ? '' : r.cleanupReason) },
    ],
    items,
    total > items.length ? `仅导出前 ${items.length} 条，共 ${total} 条` : undefined,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'certificate.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};

/** 清理 action: 注销 the chosen certificates that are within the actor's manage scope and should be cleaned. */
export const bulkCancel = async (ctx: Ctx, input: { ids: number[]; reason: string }) => {
  requirePermission(ctx, PERM.manage);
  return ctx.db.transaction(async (tx) => {
    const inScope = await tx
      .select({ id: enforcementCertificate.id })
      .from(enforcementCertificate)
      .where(and(inArray(enforcementCertificate.id, input.ids), scopeOn(ctx, enforcementCertificate.orgId, PERM.manage)));
    if (inScope.length !== new Set(input.ids).size) throw new AppError('NOT_FOUND', '部分证件不存在或不在本人管理范围内');
    const cancelled = await cancelCertificates(tx, ctx, input.ids, input.reason);
    return { cancelled: cancelled.length };
  });
};

/** 证件详情: the certificate, its actions, reviews and history. */
export const getCertificateDetail = async (ctx: Ctx, id: number) => {
  await getCertificateInScope(ctx, id);
  const [record] = await ctx.db.select(listColumns(toLocalDate(ctx.now))).from(enforcementCertificate).where(eq(enforcementCertificate.id, id));
  const mayManage = await mayActOn(ctx, record!.orgId, PERM.manage);
  const transitions = allowedTransitions(certificateMachine, record!.status, () => mayManage).map(toTransitionView);
  const reviews = await ctx.db.select().from(enforcementCertReview).where(eq(enforcementCertReview.certificateId, id)).orderBy(desc(enforcementCertReview.year));
  const history = await historyOf(ctx.db, certificateMachine.entity, id);
  return { record: { ...record!, bodyName: record!.bodyName }, transitions, reviews, history, mayManage };
};

export { bodyNameSql };
