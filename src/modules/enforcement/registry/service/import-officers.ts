/**
 * 导入执法人员 (with their certificate numbers) from Excel: every row is checked (format, 执法主体 within the
 * actor's import scope, duplicate ID numbers in the file or already registered — found by blind index —,
 * duplicate certificate numbers, dates), and then all rows are written in one short transaction with
 * batched multi-row inserts, or none.
 */
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { blindIndex, encryptField, isLocalDate, orgUnit, readXlsx, recordAudit, requirePermission, scopeWhere, toLocalDate, writeXlsx, type Ctx, type RowError } from '../../../../kernel';
import { idNumberSchema, certNoSchema } from '../contract';
import { CERT_KIND_OPTIONS } from '../registry-machine';
import { enforcementBody, enforcementCertificate, enforcementOfficer } from '../schema';
import { loadSettingRows, MODULE, PERM, settingsFor } from './access';
import { certificateExpiry } from './certificates';

export const OFFICER_IMPORT_COLUMNS = [
  { header: '执法主体', key: 'bodyName', required: true },
  { header: '姓名', key: 'name', required: true },
  { header: '身份证号码', key: 'idNumber', required: true },
  { header: '岗位', key: 'post' },
  { header: '法制审核人员', key: 'legalReviewer' },
  { header: '证件类型', key: 'certKind' },
  { header: '证件编号', key: 'certNo' },
  { header: '发证日期', key: 'issuedDate' },
  { header: '有效期至', key: 'expiresDate' },
];

const date = (what: string) => z.string().refine(isLocalDate, `${what}须为 YYYY-MM-DD`).optional();
const rowSchema = z.object({
  bodyName: z.string({ error: '请填写执法主体' }).trim().min(1, '请填写执法主体').max(100, '执法主体不能超过 100 字'),
  name: z.string({ error: '请填写姓名' }).trim().min(2, '姓名至少 2 个字').max(30, '姓名不能超过 30 字'),
  idNumber: idNumberSchema,
  post: z.string().trim().max(60, '岗位不能超过 60 字').optional(),
  legalReviewer: z.enum(['是', '否'], { error: '法制审核人员须填“是”或“否”' }).optional(),
  certKind: z
    .string()
    .optional()
    .transform((v, c) => {
      if (!v) return undefined;
      const hit = CERT_KIND_OPTIONS.find((o) => o.label === v || o.value === v);
      if (!hit) {
        c.addIssue({ code: 'custom', message: '证件类型须为行政执法证或行政执法监督证' });
        return z.NEVER;
      }
      return hit.value;
    }),
  certNo: certNoSchema.optional(),
  issuedDate: date('发证日期'),
  expiresDate: date('有效期至'),
});

/** The empty template with the column headers (and one example row). */
export const officerImportTemplate = () =>
  writeXlsx<Record<string, string>>(
    '执法人员导入模板',
    OFFICER_IMPORT_COLUMNS.map((c) => ({ header: c.header, width: 18, value: (r) => r[c.key] })),
    [{ bodyName: '青山县市场监督管理局', name: '张三', idNumber: '330921199001011234', post: '执法队员', legalReviewer: '否', certKind: '行政执法证', certNo: 'ZJ3309210001', issuedDate: '2026-01-10', expiresDate: '' }],
    '示例行请删除；证件类型：行政执法证 / 行政执法监督证；有效期至可空（按设置的有效期年数计算）',
  );

export const importOfficers = async (ctx: Ctx, file: Buffer): Promise<{ created: number; certificates: number; errors: RowError[] }> => {
  const actor = requirePermission(ctx, PERM.import);
  const { rows, errors } = await readXlsx(file, OFFICER_IMPORT_COLUMNS, rowSchema, 10_000);
  const { keys } = ctx.services;
  const today = toLocalDate(ctx.now);
  // Bodies within the actor's import scope, by name.
  const bodies = await ctx.db
    .select({ id: enforcementBody.id, name: enforcementBody.name, orgId: enforcementBody.orgId, status: enforcementBody.status, path: orgUnit.path })
    .from(enforcementBody)
    .innerJoin(orgUnit, eq(orgUnit.id, enforcementBody.orgId))
    .where(scopeWhere(actor, PERM.import, { org: enforcementBody.orgId }));
  const byName = new Map(bodies.map((b) => [b.name, b]));
  const hashes = rows.map((r) => blindIndex(keys, r.value.idNumber));
  const certNos = rows.map((r) => r.value.certNo).filter((v): v is string => Boolean(v));
  const known = new Set<string>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const part = hashes.slice(i, i + 1000);
    for (const r of await ctx.db.select({ h: enforcementOfficer.idNumberHash }).from(enforcementOfficer).where(inArray(enforcementOfficer.idNumberHash, part))) known.add(r.h);
  }
  const usedCertNos = new Set<string>();
  for (let i = 0; i < certNos.length; i += 1000) {
    const part = certNos.slice(i, i + 1000);
    for (const r of await ctx.db.select({ n: enforcementCertificate.certNo }).from(enforcementCertificate).where(inArray(enforcementCertificate.certNo, part))) usedCertNos.add(r.n);
  }
  const settingRows = await loadSettingRows(ctx.db);
  const seenHash = new Map<string, number>();
  const seenCert = new Map<string, number>();
  const resolved: { officer: typeof enforcementOfficer.$inferInsert; cert: Omit<typeof enforcementCertificate.$inferInsert, 'officerId'> | null; hash: string }[] = [];
  rows.forEach(({ row, value }, i) => {
    const before = errors.length;
    const hash = hashes[i]!;
    const body = byName.get(value.bodyName);
    if (!body) errors.push({ row, path: 'bodyName', message: `执法主体“${value.bodyName}”不存在或不在本人数据范围内` });
    else if (body.status !== 'active') errors.push({ row, path: 'bodyName', message: `执法主体“${value.bodyName}”已暂停或取消` });
    if (known.has(hash)) errors.push({ row, path: 'idNumber', message: '该身份证号码已登记' });
    else if (seenHash.has(hash)) errors.push({ row, path: 'idNumber', message: `身份证号码与第 ${seenHash.get(hash)} 行重复` });
    seenHash.set(hash, seenHash.get(hash) ?? row);
    const hasCert = Boolean(value.certNo || value.certKind || value.issuedDate);
    if (hasCert) {
      if (!value.certNo) errors.push({ row, path: 'certNo', message: '请填写证件编号' });
      if (!value.certKind) errors.push({ row, path: 'certKind', message: '请填写证件类型' });
      if (!value.issuedDate) errors.push({ row, path: 'issuedDate', message: '请填写发证日期' });
      if (value.issuedDate && value.issuedDate > today) errors.push({ row, path: 'issuedDate', message: '发证日期不能晚于今天' });
      if (value.issuedDate && value.expiresDate && value.expiresDate <= value.issuedDate) errors.push({ row, path: 'expiresDate', message: '有效期至须晚于发证日期' });
      if (value.certNo) {
        if (usedCertNos.has(value.certNo)) errors.push({ row, path: 'certNo', message: `证件编号 ${value.certNo} 已被使用` });
        else if (seenCert.has(value.certNo)) errors.push({ row, path: 'certNo', message: `证件编号与第 ${seenCert.get(value.certNo)} 行重复` });
        seenCert.set(value.certNo, seenCert.get(value.certNo) ?? row);
      }
    }
    if (errors.length > before || !body) return;
    resolved.push({
      hash,
      officer: {
        orgId: body.orgId,
        bodyId: body.id,
        name: value.name,
        idNumber: encryptField(keys.field, value.idNumber),
        idNumberHash: hash,
        post: value.post ?? null,
        isLegalReviewer: value.legalReviewer === '是',
      },
      cert: hasCert
        ? {
            orgId: body.orgId,
            kind: value.certKind!,
            certNo: value.certNo!,
            issuedDate: value.issuedDate!,
            expiresDate: value.expiresDate ?? certificateExpiry(value.issuedDate!, settingsFor(settingRows, body.path).certValidityYears),
          }
        : null,
    });
  });
  if (errors.length > 0 || resolved.length === 0) {
    if (resolved.length === 0 && errors.length === 0) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
    return { created: 0, certificates: 0, errors: errors.sort((a, b) => a.row - b.row) };
  }
  let certificates = 0;
  await ctx.db.transaction(async (tx) => {
    const idByHash = new Map<string, number>();
    for (let i = 0; i < resolved.length; i += 1000) {
      const inserted = await tx
        .insert(enforcementOfficer)
        .values(resolved.slice(i, i + 1000).map((r) => r.officer))
        .returning({ id: enforcementOfficer.id, hash: enforcementOfficer.idNumberHash });
      for (const r of inserted) idByHash.set(r.hash, r.id);
    }
    const certs = resolved.filter((r) => r.cert).map((r) => ({ ...r.cert!, officerId: idByHash.get(r.hash)! }));
    for (let i = 0; i < certs.length; i += 1000) await tx.insert(enforcementCertificate).values(certs.slice(i, i + 1000));
    certificates = certs.length;
    await recordAudit(tx, ctx, { action: 'officer.import', module: MODULE, after: { officers: resolved.length, certificates } });
  });
  return { created: resolved.length, certificates, errors: [] };
};
