import { and, eq } from 'drizzle-orm';
import {
  applyTransition,
  encryptField,
  formatNumber,
  nextSequenceValue,
  orgInScope,
  orgUnit,
  recordAudit,
  requirePermission,
  syncStateTodo,
  toLocalDate,
  validationError,
  type Ctx,
  type DbOrTx,
} from '../../../kernel';
import { caseMachine } from '../case-machine';
import type { PlaintiffInput, RegisterCaseInput } from '../contract';
import { litigationCase, type LitigationCaseRow, type StoredPlaintiff } from '../schema';
import { caseScope, caseTable, checkWithin, MODULE, PERM } from './access';

/** Date and link rules the schema cannot state. */
const checkCase = async (tx: DbOrTx, ctx: Ctx, input: Omit<RegisterCaseInput, 'courtCaseNo'>, today: string): Promise<void> => {
  const problems: { path: string; message: string }[] = [];
  if (input.filedDate > today) problems.push({ path: 'filedDate', message: '立案日期不能晚于今天' });
  if (input.servedDate) {
    const p = checkWithin('servedDate', input.servedDate, input.filedDate, '立案日期', today);
    if (p) problems.push(p);
  }
  if (!input.afterReconsideration && input.reconsiderationDecisionNo) problems.push({ path: 'reconsiderationDecisionNo', message: '未经行政复议的案件不填写复议决定书文号' });
  if (input.instance === 'first' && input.parentCaseId) problems.push({ path: 'parentCaseId', message: '一审案件没有原审案件' });
  if (input.parentCaseId) {
    const [parent] = await tx
      .select({ id: litigationCase.id, orgId: litigationCase.orgId })
      .from(litigationCase)
      .where(and(eq(litigationCase.id, input.parentCaseId), caseScope(ctx)));
    if (!parent) problems.push({ path: 'parentCaseId', message: '原审案件不存在或不在本人数据范围内' });
    else if (parent.orgId !== input.orgId) problems.push({ path: 'parentCaseId', message: '原审案件的被告行政机关应与本案相同' });
  }
  if (problems.length) throw validationError(problems);
};

const storePlaintiff = (ctx: Ctx, p: PlaintiffInput): StoredPlaintiff => {
  const keys = ctx.services.keys.field;
  return { name: p.name, type: p.type, idNumber: p.idNumber ? encryptField(keys, p.idNumber) : null, phone: p.phone ? encryptField(keys, p.phone) : null };
};

export const caseTitle = (row: Pick<LitigationCaseRow, 'caseNo' | 'plaintiffName'>) => `${row.caseNo} ${row.plaintiffName}`;
export const caseLink = (id: number) => `/${MODULE}/cases/${id}`;

/**
 * Inserts a case with its internal number inside the caller's transaction; with the complaint copy's
 * service date it applies 收到起诉状副本 at once, which starts the 15-day defence clock (第六十七条).
 */
export const insertCase = async (
  tx: DbOrTx,
  ctx: Ctx,
  input: Omit<RegisterCaseInput, 'courtCaseNo'> & { courtCaseNo: string | null },
  opts: { checked?: boolean; storedPlaintiffs?: StoredPlaintiff[] } = {},
): Promise<LitigationCaseRow> => {
  const [org] = await tx.select({ id: orgUnit.id, shortName: orgUnit.shortName, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
  if (!org || !org.isActive) throw validationError([{ path: 'orgId', message: '被告行政机关不存在' }]);
  if (!opts.checked) await checkCase(tx, ctx, input, toLocalDate(ctx.now));
  const year = Number(input.filedDate.slice(0, 4));
  const seq = await nextSequenceValue(tx, `${MODULE}.case`, org.id, year);
  const caseNo = formatNumber(ctx.services.registry.sequence(MODULE, 'case').pattern, { unit: org.shortName, year, seq });
  const [row] = await tx
    .insert(litigationCase)
    .values({
      caseNo,
      courtName: input.courtName,
      courtCaseNo: input.courtCaseNo,
      instance: input.instance,
      procedure: input.procedure,
      parentCaseId: input.parentCaseId,
      orgId: org.id,
      plaintiffName: (opts.storedPlaintiffs ?? input.plaintiffs).map((p) => p.name).join('、').slice(0, 200),
      plaintiffs: opts.storedPlaintiffs ?? input.plaintiffs.map((p) => storePlaintiff(ctx, p)),
      thirdParties: input.thirdParties,
      cause: input.cause,
      contestedAct: input.contestedAct,
      afterReconsideration: input.afterReconsideration,
      reconsiderationDecisionNo: input.reconsiderationDecisionNo,
      filedDate: input.filedDate,
      status: caseMachine.initial,
      createdBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  let created = row!;
  await syncStateTodo(tx, ctx, MODULE, caseMachine, created, caseTitle(created), caseLink(created.id));
  await recordAudit(tx, ctx, {
    action: 'case.register',
    module: MODULE,
    entityType: caseMachine.entity,
    entityId: created.id,
    // Personal data stays out of the audit row.
    after: { caseNo, orgId: org.id, courtCaseNo: input.courtCaseNo, instance: input.instance, filedDate: input.filedDate, plaintiffName: created.plaintiffName },
  });
  if (input.servedDate) {
    created = await applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: caseMachine,
      target: caseTable,
      row: created,
      transition: 'receiveComplaint',
      input: { servedDate: input.servedDate },
      todoTitle: caseTitle(created),
      link: caseLink(created.id),
    });
  }
  return created;
};

/** 登记: a liaison registers a suit against its own agency; the 司法局 coordinator for any agency of its 辖区. */
export const registerCase = async (ctx: Ctx, input: RegisterCaseInput): Promise<LitigationCaseRow> => {
  const actor = requirePermission(ctx, PERM.register);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ id: orgUnit.id, path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
    if (!org || !orgInScope(actor, PERM.register, org)) throw validationError([{ path: 'orgId', message: '只能为本人数据范围内的行政机关登记案件' }]);
    return insertCase(tx, ctx, input);
  });
};
