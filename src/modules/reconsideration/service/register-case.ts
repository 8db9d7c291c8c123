import { eq } from 'drizzle-orm';
import {
  encryptField,
  newReceiptCode,
  formatNumber,
  nextSequenceValue,
  orgInScope,
  orgUnit,
  recordAudit,
  requirePermission,
  runClockEffects,
  syncStateTodo,
  toLocalDate,
  validationError,
  type Ctx,
  type DbOrTx,
} from '../../../kernel';
import { caseMachine } from '../case-machine';
import type { ApplicationInput, PartyInput, RegisterCaseInput } from '../contract';
import { reconsiderationCase, type ReconsiderationCaseRow, type StoredParty } from '../schema';
import { MODULE, PERM } from './access';
import { applicationWindow } from './application-window';


/** Units that act as 行政复议机构 (the portal offers these). */
export const BODY_ORG_KINDS: string[] = ['justice_bureau'];

/** Date rules of an application the schema cannot state. */
const checkDates = (input: RegisterCaseInput, today: string): void => {
  const problems: { path: string; message: string }[] = [];
  if (input.receivedDate > today) problems.push({ path: 'receivedDate', message: '收到申请日期不能晚于今天' });
  if (input.knewDate > input.receivedDate) problems.push({ path: 'knewDate', message: '知道行政行为之日不能晚于收到申请日期' });
  if (input.actDate && input.actDate > input.knewDate) problems.push({ path: 'actDate', message: '行政行为作出日期不能晚于知道该行为之日' });
  if (input.notInformed && !input.rightsKnownDate) problems.push({ path: 'rightsKnownDate', message: '未告知申请权利的，请填写知道申请权利和期限之日' });
  if (input.rightsKnownDate && (input.rightsKnownDate < input.knewDate || input.rightsKnownDate > input.receivedDate)) {
    problems.push({ path: 'rightsKnownDate', message: '知道申请权利之日应在知道行政行为之日与收到申请日期之间' });
  }
  if (input.respondentOrgId === input.orgId) problems.push({ path: 'respondentOrgId', message: '被申请人不能是行政复议机构本身' });
  if (problems.length) throw validationError(problems);
};

/**
 * Inserts a case with its 案号, checks the application window (第二十条、第二十一条: a warning, not a block),
 * starts the Art. 30 review clock and raises the review to-do, inside the caller's transaction.
 */
export const insertCase = async (tx: DbOrTx, ctx: Ctx, input: RegisterCaseInput): Promise<ReconsiderationCaseRow> => {
  const [org] = await tx.select({ id: orgUnit.id, shortName: orgUnit.shortName, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
  if (!org || !org.isActive) throw validationError([{ path: 'orgId', message: '行政复议机构不存在' }]);
  const [respondent] = await tx.select({ id: orgUnit.id, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, input.respondentOrgId));
  if (!respondent || !respondent.isActive) throw validationError([{ path: 'respondentOrgId', message: '被申请人不存在' }]);
  checkDates(input, toLocalDate(ctx.now));
  const calendar = await ctx.services.calendar.get(tx);
  const window = applicationWindow(calendar, input);
  const year = Number(input.receivedDate.slice(0, 4));
  const seq = await nextSequenceValue(tx, `${MODULE}.case`, org.id, year);
  const caseNo = formatNumber(ctx.services.registry.sequence(MODULE, 'case').pattern, { unit: org.shortName, year, seq });
  const keys = ctx.services.keys.field;
  const enc = (v: string | null) => (v ? encryptField(keys, v) : null);
  const store = (p: PartyInput): StoredParty => ({ name: p.name, type: p.type, idNumber: enc(p.idNumber), phone: enc(p.phone), address: enc(p.address) });
  const [row] = await tx
    .insert(reconsiderationCase)
    .values({
      caseNo,
      receiptCode: newReceiptCode(),
      orgId: org.id,
      respondentOrgId: respondent.id,
      channel: input.channel,
      applicantName: input.applicants.map((a) => a.name).join('、').slice(0, 200),
      applicants: input.applicants.map(store),
      thirdParties: input.thirdParties.map(store),
      agent: input.agent ? store(input.agent) : null,
      actName: input.actName,
      actDocNo: input.actDocNo,
      actDate: input.actDate,
      knewDate: input.knewDate,
      notInformed: input.notInformed,
      rightsKnownDate: input.rightsKnownDate,
      obstacleDays: input.obstacleDays,
      realProperty: input.realProperty,
      field: input.field,
      request: input.request,
      factsReasons: input.factsReasons,
      receivedDate: input.receivedDate,
      applicationDeadline: window.deadline,
      applicationLate: window.late,
      applicationNote: window.note,
      status: caseMachine.initial,
      createdBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  const created = row!;
  await runClockEffects(tx, ctx, MODULE, caseMachine, created, caseMachine.onCreate?.clocks ?? [], { receivedDate: created.receivedDate });
  await syncStateTodo(tx, ctx, MODULE, caseMachine, created, `${created.caseNo} ${created.applicantName}`, `/${MODULE}/cases/${created.id}`);
  await recordAudit(tx, ctx, {
    action: 'case.register',
    module: MODULE,
    entityType: caseMachine.entity,
    entityId: created.id,
    // Personal data stays out of the audit row; it is encrypted in the record.
    after: { caseNo, orgId: org.id, respondentOrgId: respondent.id, channel: input.channel, receivedDate: input.receivedDate, applicantName: created.applicantName, applicationLate: window.late },
  });
  return created;
};

/** 登记: staff register an application for a 复议机构 within their scope. */
export const registerCase = async (ctx: Ctx, input: RegisterCaseInput): Promise<ReconsiderationCaseRow> => {
  const actor = requirePermission(ctx, PERM.register);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ id: orgUnit.id, path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
    if (!org || !orgInScope(actor, PERM.register, org)) throw validationError([{ path: 'orgId', message: '只能为本人数据范围内的行政复议机构登记' }]);
    return insertCase(tx, ctx, input);
  });
};

/** 网上申请 (第二十二条): the portal submits an application received today. */
export const submitPortalApplication = async (ctx: Ctx, input: ApplicationInput): Promise<ReconsiderationCaseRow> =>
  ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ kind: orgUnit.kind, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
    if (!org || !org.isActive || !BODY_ORG_KINDS.includes(org.kind)) throw validationError([{ path: 'orgId', message: '该单位不受理行政复议申请' }]);
    return insertCase(tx, ctx, { ...input, channel: 'online', receivedDate: toLocalDate(ctx.now) });
  });
