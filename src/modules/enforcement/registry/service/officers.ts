/** 执法人员: register (with a certificate), edit, list, export, detail, 退休 / 调离 / 辞退 (清理 of certificates), training and exams. */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { allowedTransitions, toTransitionView } from '../../../../kernel/shared/define-machine';
import {
  applyTransition,
  blindIndex,
  caseTransition,
  decryptField,
  encryptField,
  inOrgSubtree,
  maskIdNumber,
  recordAudit,
  requirePermission,
  toLocalDate,
  validationError,
  writeXlsx,
  type Ctx,
} from '../../../../kernel';
import type { ExamInput, OfficerFilter, OfficerInput, OfficerPatch, TrainingInput } from '../contract';
import { certificateMachine, EXAM_SUBJECT_OPTIONS, labelOfOption, officerMachine } from '../registry-machine';
import { enforcementBody, enforcementCertificate, enforcementExam, enforcementOfficer, enforcementTraining } from '../schema';
import { bodyNameSql, currentYear, getBodyInScope, getOfficerInScope, MODULE, mayActOn, officerTable, orgNameSql, PERM, scopeOn, settingsForOrg, staleVersion, qc } from './access';
import { cancelCertificates, insertCertificate, trainingHours } from './certificates';

const validation = (path: string, message: string) => validationError([{ path, message }]);

/** 登记执法人员 (ID number encrypted, unique by its blind index), optionally with a first certificate. */
export const createOfficer = async (ctx: Ctx, input: OfficerInput) => {
  const body = await getBodyInScope(ctx, input.bodyId, PERM.manage).catch(() => {
    throw validation('bodyId', '执法主体不存在或不在本人管理范围内');
  });
  if (body.status !== 'active') throw validation('bodyId', '该执法主体已暂停或取消，不能登记人员');
  const { keys } = ctx.services;
  const hash = blindIndex(keys, input.idNumber);
  const settings = await settingsForOrg(ctx.db, body.orgId);
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ name: enforcementOfficer.name, bodyName: bodyNameSql(enforcementOfficer.bodyId) })
      .from(enforcementOfficer)
      .where(eq(enforcementOfficer.idNumberHash, hash));
    if (dup) throw validation('idNumber', `该身份证号码已登记（${dup.bodyName} ${dup.name}）`);
    const [row] = await tx
      .insert(enforcementOfficer)
      .values({
        orgId: body.orgId,
        bodyId: body.id,
        name: input.name,
        idNumber: encryptField(keys.field, input.idNumber),
        idNumberHash: hash,
        post: input.post,
        isLegalReviewer: input.isLegalReviewer,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'officer.create', module: MODULE, entityType: officerMachine.entity, entityId: row!.id, after: { ...row, idNumber: maskIdNumber(input.idNumber) } });
    const certificate = input.certificate ? await insertCertificate(tx, ctx, row!, input.certificate, settings.certValidityYears) : null;
    return { officer: toOfficerView(ctx, row!), certificate };
  });
};

type OfficerRow = typeof enforcementOfficer.$inferSelect;
export const toOfficerView = (ctx: Ctx, row: OfficerRow) => {
  const { idNumberHash: _h, ...rest } = row;
  void _h;
  return { ...rest, idNumber: maskIdNumber(decryptField(ctx.services.keys.field, row.idNumber)) };
};

/** 修改人员信息 (name, post, 法制审核人员): version → 409. */
export const updateOfficer = async (ctx: Ctx, id: number, input: OfficerPatch) => {
  const before = await getOfficerInScope(ctx, id, PERM.manage);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(enforcementOfficer)
      .set({ name: input.name, post: input.post, isLegalReviewer: input.isLegalReviewer, version: sql`${qc(enforcementOfficer.version)} + 1`, updatedAt: ctx.now })
      .where(and(eq(enforcementOfficer.id, id), eq(enforcementOfficer.version, input.version)))
      .returning();
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: 'officer.update',
      module: MODULE,
      entityType: officerMachine.entity,
      entityId: id,
      before: { name: before.name, post: before.post, isLegalReviewer: before.isLegalReviewer },
      after: { name: row.name, post: row.post, isLegalReviewer: row.isLegalReviewer },
    });
    return toOfficerView(ctx, row);
  });
};

/**
 * 退休 / 调离 / 辞退: the officer leaves the service and, in the same transaction, every certificate of
 * theirs still valid or suspended is cancelled (注销).
 */
export const transitionOfficer = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Record<string, unknown> }) => {
  return ctx.db.transaction(async (tx) => {
    // Loaded in the read scope: the kernel refuses (403) when the manage scope does not cover it.
    const row = await getOfficerInScope(ctx, id, PERM.read, tx);
    const after = await applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: officerMachine,
      target: officerTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      guard: ({ input }) => {
        if (typeof input.statusDate === 'string' && input.statusDate > toLocalDate(ctx.now)) throw validation('statusDate', '日期不能晚于今天');
      },
    });
    const open = await tx
      .select({ id: enforcementCertificate.id })
      .from(enforcementCertificate)
      .where(and(eq(enforcementCertificate.officerId, id), inArray(enforcementCertificate.status, ['valid', 'suspended'])));
    const label = officerMachine.transitions[name]!.label;
    const cancelled = await cancelCertificates(tx, ctx, open.map((c) => c.id), `持证人${label}，证件注销`);
    return { officer: toOfficerView(ctx, after as OfficerRow), cancelledCertificates: cancelled.length };
  });
};

export const officerConditions = (ctx: Ctx, f: OfficerFilter, permission: string): SQL =>
  and(
    scopeOn(ctx, enforcementOfficer.orgId, permission),
    f.bodyId ? eq(enforcementOfficer.bodyId, f.bodyId) : undefined,
    f.orgId ? inOrgSubtree(enforcementOfficer.orgId, f.orgId) : undefined,
    f.status ? eq(enforcementOfficer.status, f.status) : undefined,
    f.legalReviewer !== undefined ? eq(enforcementOfficer.isLegalReviewer, f.legalReviewer) : undefined,
    f.q ? or(ilike(enforcementOfficer.name, `%${f.q}%`), ilike(sql`coalesce(${qc(enforcementOfficer.post)}, '')`, `%${f.q}%`)) : undefined,
  )!;

const listColumns = (year: number) => ({
  id: enforcementOfficer.id,
  orgId: enforcementOfficer.orgId,
  orgName: orgNameSql(enforcementOfficer.orgId),
  bodyId: enforcementOfficer.bodyId,
  bodyName: bodyNameSql(enforcementOfficer.bodyId),
  name: enforcementOfficer.name,
  idNumber: enforcementOfficer.idNumber,
  post: enforcementOfficer.post,
  isLegalReviewer: enforcementOfficer.isLegalReviewer,
  status: enforcementOfficer.status,
  statusDate: enforcementOfficer.statusDate,
  version: enforcementOfficer.version,
  hoursThisYear: sql<number>`(select coalesce(sum(t.hours), 0)::int from enforcement_training t where t.officer_id = ${qc(enforcementOfficer.id)} and t.year = ${year})`,
  certNos: sql<string>`(select string_agg(c.cert_no, '、' order by c.id) from enforcement_certificate c where c.officer_id = ${qc(enforcementOfficer.id)} and c.status = 'valid')`,
});

export const findOfficers = async (ctx: Ctx, f: OfficerFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = officerConditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(enforcementOfficer).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select(listColumns(currentYear(ctx)))
    .from(enforcementOfficer)
    .where(where)
    .orderBy(asc(enforcementOfficer.bodyId), asc(enforcementOfficer.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const key = ctx.services.keys.field;
  return { total: Number(total), items: rows.map((r) => ({ ...r, idNumber: maskIdNumber(decryptField(key, r.idNumber)) })) };
};

export const exportOfficers = async (ctx: Ctx, f: OfficerFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items, total } = await findOfficers(ctx, f, { page: 1, pageSize: 50_000 }, PERM.export);
  type Row = (typeof items)[number];
  const buf = await writeXlsx<Row>(
    '执法人员',
    [
      { header: '姓名', value: (r) => r.name },
      { header: '身份证号（脱敏）', width: 22, value: (r) => r.idNumber },
      { header: '执法主体', width: 30, value: (r) => r.bodyName },
      { header: '岗位', width: 16, value: (r) => r.post ?? '' },
      { header: '法制审核人员', value: (r) => (r.isLegalReviewer ? '是' : '') },
      { header: '状态', value: (r) => officerMachine.states[r.status as 'active']?.label ?? r.status },
      { header: '本年培训学时', value: (r) => r.hoursThisYear },
      { header: '有效证件编号', width: 30, value: (r) => r.certNos ?? '' },
    ],
    items,
    total > items.length ? `仅导出前 ${items.length} 条，共 ${total} 条` : undefined,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'officer.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};

/** 人员详情: the officer (ID masked), certificates, training by year against the target, exams, actions, history. */
export const getOfficerDetail = async (ctx: Ctx, id: number) => {
  const row = await getOfficerInScope(ctx, id);
  const year = currentYear(ctx);
  const [body] = await ctx.db.select({ name: enforcementBody.name }).from(enforcementBody).where(eq(enforcementBody.id, row.bodyId));
  const settings = await settingsForOrg(ctx.db, row.orgId);
  const mayManage = await mayActOn(ctx, row.orgId, PERM.manage);
  const transitions = allowedTransitions(officerMachine, row.status, () => mayManage).map(toTransitionView);
  const certificates = await ctx.db.select().from(enforcementCertificate).where(eq(enforcementCertificate.officerId, id)).orderBy(desc(enforcementCertificate.issuedDate));
  const trainings = await ctx.db.select().from(enforcementTraining).where(eq(enforcementTraining.officerId, id)).orderBy(desc(enforcementTraining.trainedDate));
  const exams = await ctx.db.select().from(enforcementExam).where(eq(enforcementExam.officerId, id)).orderBy(desc(enforcementExam.examDate));
  const history = await ctx.db
    .select()
    .from(caseTransition)
    .where(and(inArray(caseTransition.entityType, [officerMachine.entity, certificateMachine.entity]), sql`(${caseTransition.entityType} = ${officerMachine.entity} and ${caseTransition.entityId} = ${id})
      or (${caseTransition.entityType} = ${certificateMachine.entity} and ${caseTransition.entityId} in (select c.id from enforcement_certificate c where c.officer_id = ${id}))`))
    .orderBy(asc(caseTransition.id));
  return {
    record: { ...toOfficerView(ctx, row), bodyName: body?.name ?? '' },
    training: { year, hours: await trainingHours(ctx.db, id, year), target: settings.trainingHoursTarget, targetNote: '年度培训学时目标为可配置设置（依据：法治政府建设实施纲要，待核实）' },
    certificates: certificates.map((c) => ({
      ...c,
      transitions: allowedTransitions(certificateMachine, c.status, () => mayManage).map(toTransitionView),
    })),
    trainings,
    exams: exams.map((e) => ({ ...e, subjectLabel: labelOfOption(EXAM_SUBJECT_OPTIONS, e.subject) })),
    transitions,
    history,
    mayManage,
  };
};

/** 培训记录: one course with its 学时, in the year of its date. */
export const addTraining = async (ctx: Ctx, officerId: number, input: TrainingInput) => {
  const officer = await getOfficerInScope(ctx, officerId, PERM.manage);
  if (input.trainedDate > toLocalDate(ctx.now)) throw validation('trainedDate', '培训日期不能晚于今天');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(enforcementTraining)
      .values({ officerId, orgId: officer.orgId, year: Number(input.trainedDate.slice(0, 4)), trainedDate: input.trainedDate, course: input.course, hours: input.hours })
      .returning();
    await recordAudit(tx, ctx, { action: 'officer.training', module: MODULE, entityType: officerMachine.entity, entityId: officerId, after: row });
    return row!;
  });
};

/** 考试记录: 综合 / 专业法律知识, attended, passed, score. */
export const addExam = async (ctx: Ctx, officerId: number, input: ExamInput) => {
  const officer = await getOfficerInScope(ctx, officerId, PERM.manage);
  if (input.examDate > toLocalDate(ctx.now)) throw validation('examDate', '考试日期不能晚于今天');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(enforcementExam).values({ officerId, orgId: officer.orgId, ...input }).returning();
    await recordAudit(tx, ctx, { action: 'officer.exam', module: MODULE, entityType: officerMachine.entity, entityId: officerId, after: row });
    return row!;
  });
};
