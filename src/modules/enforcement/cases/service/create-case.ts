import { and, eq, inArray, isNull, or, gte } from 'drizzle-orm';
import {
  AppError,
  encryptField,
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
} from '../../../../kernel';
import { enforcementBody, enforcementCertificate, enforcementItem, enforcementOfficer } from '../../registry/schema';
import { caseMachine } from '../case-machine';
import type { CreateCaseInput } from '../contract';
import { enforcementCase, type EnforcementCaseRow } from '../schema';
import { MODULE, PERM } from './access';

/**
 * 第四十二条: at least two officers with enforcement qualification. Each officer must belong to the case's body,
 * be in post, and hold a valid 行政执法证 (not suspended or revoked, not expired on the filing day).
 */
export const checkOfficers = async (tx: DbOrTx, bodyId: number, officerIds: readonly number[], on: string): Promise<{ id: number; name: string }[]> => {
  const officers = await tx
    .select({ id: enforcementOfficer.id, name: enforcementOfficer.name, bodyId: enforcementOfficer.bodyId, status: enforcementOfficer.status })
    .from(enforcementOfficer)
    .where(inArray(enforcementOfficer.id, [...officerIds]));
  const certs = await tx
    .select({ officerId: enforcementCertificate.officerId })
    .from(enforcementCertificate)
    .where(
      and(
        inArray(enforcementCertificate.officerId, [...officerIds]),
        eq(enforcementCertificate.kind, 'enforcement'),
        eq(enforcementCertificate.status, 'valid'),
        or(isNull(enforcementCertificate.expiresDate), gte(enforcementCertificate.expiresDate, on)),
      ),
    );
  const problems: { path: string; message: string }[] = [];
  officerIds.forEach((id, i) => {
    const o = officers.find((x) => x.id === id);
    const path = `officerIds.${i}`;
    if (!o || o.bodyId !== bodyId) problems.push({ path, message: '执法人员不属于本执法主体' });
    else if (o.status !== 'active') problems.push({ path, message: `${o.name}已不在执法岗位，不能承办案件` });
    else if (!certs.some((c) => c.officerId === id)) problems.push({ path, message: `${o.name}没有有效的行政执法证，不能承办案件（行政处罚法第四十二条：执法人员不得少于两人，且应具有行政执法资格）` });
  });
  if (problems.length) throw validationError(problems);
  return officerIds.map((id) => ({ id, name: officers.find((o) => o.id === id)!.name }));
};

/** 登记: a case of a body within the actor's report scope; 处罚 cases start the 90-day decision clock (第六十条). */
export const createCase = async (ctx: Ctx, input: CreateCaseInput): Promise<EnforcementCaseRow> => {
  const actor = requirePermission(ctx, PERM.report);
  const today = toLocalDate(ctx.now);
  return ctx.db.transaction(async (tx) => {
    const [body] = await tx
      .select({ id: enforcementBody.id, orgId: enforcementBody.orgId, name: enforcementBody.name, status: enforcementBody.status, path: orgUnit.path, shortName: orgUnit.shortName })
      .from(enforcementBody)
      .innerJoin(orgUnit, eq(orgUnit.id, enforcementBody.orgId))
      .where(eq(enforcementBody.id, input.bodyId));
    if (!body || !orgInScope(actor, PERM.report, { id: body.orgId, path: body.path })) throw validationError([{ path: 'bodyId', message: '只能为本人数据范围内的执法主体登记案件' }]);
    if (body.status !== 'active') throw validationError([{ path: 'bodyId', message: `${body.name}的执法主体资格已暂停或取消，不能办理新案件` }]);
    const [item] = await tx.select().from(enforcementItem).where(eq(enforcementItem.id, input.itemId));
    if (!item || (item.bodyId !== null ? item.bodyId !== body.id : item.orgId !== body.orgId)) throw validationError([{ path: 'itemId', message: '执法事项不在该主体的执法事项目录中' }]);
    if (item.status !== 'active') throw validationError([{ path: 'itemId', message: '该执法事项已废止' }]);
    if ((['penalty', 'licence', 'inspection', 'compulsory'] as string[]).includes(item.kind) && item.kind !== input.kind) {
      throw validationError([{ path: 'itemId', message: '执法事项的类别与案件类型不一致' }]);
    }
    if (input.filedDate > today) throw validationError([{ path: 'filedDate', message: '立案日期不能晚于今天' }]);
    await checkOfficers(tx, body.id, input.officerIds, input.filedDate);
    let caseNo = input.caseNo;
    if (!caseNo) {
      const year = Number(input.filedDate.slice(0, 4));
      const seq = await nextSequenceValue(tx, `${MODULE}.case`, body.orgId, year);
      caseNo = formatNumber(ctx.services.registry.sequence(MODULE, 'case').pattern, { unit: body.shortName, year, seq });
    }
    const [dup] = await tx.select({ id: enforcementCase.id }).from(enforcementCase).where(and(eq(enforcementCase.orgId, body.orgId), eq(enforcementCase.caseNo, caseNo)));
    if (dup) throw new AppError('CONFLICT', `案件编号“${caseNo}”已存在`, { details: { fields: [{ path: 'caseNo', message: '案件编号已存在' }] } });
    const keys = ctx.services.keys.field;
    const [row] = await tx
      .insert(enforcementCase)
      .values({
        orgId: body.orgId,
        bodyId: body.id,
        itemId: item.id,
        caseNo,
        kind: input.kind,
        title: input.title,
        partyName: input.partyName,
        partyKind: input.partyKind,
        partyIdNumber: input.partyIdNumber ? encryptField(keys, input.partyIdNumber) : null,
        partyPhone: input.partyPhone && input.partyKind === 'citizen' ? encryptField(keys, input.partyPhone) : null,
        enterpriseRelated: input.enterpriseRelated,
        isMajor: input.isMajor,
        majorGround: input.isMajor ? input.majorGround : null,
        riskClass: input.riskClass,
        officerIds: input.officerIds,
        filedDate: input.filedDate,
        status: caseMachine.initial,
        createdBy: actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    const created = row!;
    if (created.kind === 'penalty') await runClockEffects(tx, ctx, MODULE, caseMachine, created, [{ clock: 'decision', action: 'start', from: 'filedDate' }], { filedDate: created.filedDate });
    await syncStateTodo(tx, ctx, MODULE, caseMachine, created, `${created.caseNo} ${created.title}`, `/${MODULE}/cases/${created.id}`);
    await recordAudit(tx, ctx, {
      action: 'case.create',
      module: MODULE,
      entityType: caseMachine.entity,
      entityId: created.id,
      // Personal data stays out of the audit row.
      after: { caseNo, kind: created.kind, bodyId: body.id, itemId: item.id, isMajor: created.isMajor, enterpriseRelated: created.enterpriseRelated, officerIds: input.officerIds, filedDate: created.filedDate },
    });
    return created;
  });
};
