import { eq } from 'drizzle-orm';
import {
  AppError,
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
import type { PortalRequestInput, RegisterRequestInput } from '../contract';
import { requestMachine } from '../request-machine';
import { disclosureRequest, type DisclosureRequestRow } from '../schema';
import { MODULE, PERM } from './request-access';


/**
 * Inserts a request with its registration number, starts the reply and 补正 clocks (条例第三十、
 * 三十三条) and raises the review to-do, inside the caller's transaction.
 */
export const insertRequest = async (tx: DbOrTx, ctx: Ctx, input: RegisterRequestInput): Promise<DisclosureRequestRow> => {
  const [org] = await tx.select({ id: orgUnit.id, shortName: orgUnit.shortName, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
  if (!org || !org.isActive) throw validationError([{ path: 'orgId', message: '承办单位不存在' }]);
  const today = toLocalDate(ctx.now);
  if (input.receivedDate > today) throw validationError([{ path: 'receivedDate', message: '收到申请日期不能晚于今天' }]);
  const year = Number(input.receivedDate.slice(0, 4));
  const seq = await nextSequenceValue(tx, `${MODULE}.request`, org.id, year);
  const requestNo = formatNumber(ctx.services.registry.sequence(MODULE, 'request').pattern, { unit: org.shortName, year, seq });
  const keys = ctx.services.keys.field;
  const enc = (v: string | null) => (v ? encryptField(keys, v) : null);
  const [row] = await tx
    .insert(disclosureRequest)
    .values({
      requestNo,
      receiptCode: newReceiptCode(),
      orgId: org.id,
      channel: input.channel,
      applicantType: input.applicantType,
      applicantName: input.applicantName,
      applicantIdNumber: enc(input.applicantIdNumber),
      applicantPhone: enc(input.applicantPhone),
      applicantAddress: enc(input.applicantAddress),
      applicantEmail: enc(input.applicantEmail),
      content: input.content,
      purpose: input.purpose,
      deliveryMethod: input.deliveryMethod,
      receivedDate: input.receivedDate,
      status: requestMachine.initial,
      createdBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  const created = row!;
  await runClockEffects(tx, ctx, MODULE, requestMachine, created, requestMachine.onCreate?.clocks ?? [], { receivedDate: created.receivedDate });
  await syncStateTodo(tx, ctx, MODULE, requestMachine, created, `${created.requestNo} ${created.applicantName}`, `/${MODULE}/requests/${created.id}`);
  await recordAudit(tx, ctx, {
    action: 'request.register',
    module: MODULE,
    entityType: requestMachine.entity,
    entityId: created.id,
    // Personal data stays out of the audit row; it is encrypted in the record.
    after: { requestNo, orgId: org.id, channel: input.channel, receivedDate: input.receivedDate, applicantName: input.applicantName },
  });
  return created;
};

/** 登记申请: staff register a request for a unit within their scope. */
export const registerRequest = async (ctx: Ctx, input: RegisterRequestInput): Promise<DisclosureRequestRow> => {
  const actor = requirePermission(ctx, PERM.register);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ id: orgUnit.id, path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
    if (!org || !orgInScope(actor, PERM.register, org)) throw validationError([{ path: 'orgId', message: '只能为本人数据范围内的单位登记' }]);
    return insertRequest(tx, ctx, input);
  });
};

/** 网上申请: the public portal submits a request received today (条例第三十一条: 双方确认之日). */
export const submitPortalRequest = async (ctx: Ctx, input: PortalRequestInput): Promise<DisclosureRequestRow> => {
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ kind: orgUnit.kind, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
    if (!org || !org.isActive || !PORTAL_ORG_KINDS.includes(org.kind)) throw new AppError('VALIDATION_FAILED', '请选择受理机关', { details: { fields: [{ path: 'orgId', message: '该单位不受理政府信息公开申请' }] } });
    return insertRequest(tx, ctx, { ...input, channel: 'online', receivedDate: toLocalDate(ctx.now) });
  });
};

/** Units that accept disclosure requests on the portal. */
export const PORTAL_ORG_KINDS: string[] = ['city', 'county', 'town', 'department', 'justice_bureau'];
