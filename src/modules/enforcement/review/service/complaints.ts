import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  applyTransition,
  type Ctx,
  type DbOrTx,
  deadlinesOf,
  decryptField,
  encryptField,
  formatNumber,
  historyOf,
  isLocalDate,
  maskName,
  maskPhone,
  newReceiptCode,
  nextSequenceValue,
  notFound,
  orgInScope,
  orgUnit,
  pageDeadlines,
  permissionCode,
  readXlsx,
  recordAudit,
  requirePermission,
  type RowError,
  syncStateTodo,
  toLocalDate,
  validationError,
  writeXlsx,
} from '../../../../kernel';
import { allowedTransitions, toTransitionView } from '../../../../kernel/shared/define-machine';
import { enforcementBody } from '../../registry/schema';
import type { ComplaintFilter, PortalComplaintInput, RegisterComplaintInput } from '../contract';
import { COMPLAINT_CHANNELS, COMPLAINT_RESULTS, complaintMachine } from '../review-machine';
import { enforcementComplaint, type ComplaintRow } from '../schema';
import { actsOn, bodyForWrite, bodyNameOf, bodyNameSql, complaintScope, complaintTable, getComplaintInScope, labelOf, MODULE, PERM } from './access';

type NewComplaint = RegisterComplaintInput & { orgId: number };

/** Inserts complaints (one multi-row statement), numbering each by its body's unit; raises the 分办 to-do. */
const insertComplaints = async (tx: DbOrTx, ctx: Ctx, list: NewComplaint[]): Promise<ComplaintRow[]> => {
  if (list.length === 0) return [];
  const orgIds = [...new Set(list.map((c) => c.orgId))];
  const shorts = new Map((await tx.select({ id: orgUnit.id, shortName: orgUnit.shortName }).from(orgUnit).where(inArray(orgUnit.id, orgIds))).map((o) => [o.id, o.shortName]));
  const pattern = ctx.services.registry.sequence(MODULE, 'complaint').pattern;
  const values = [];
  for (const c of list) {
    const year = Number(c.receivedDate.slice(0, 4));
    const seq = await nextSequenceValue(tx, `${MODULE}.complaint`, c.orgId, year);
    values.push({
      orgId: c.orgId,
      bodyId: c.bodyId,
      complaintNo: formatNumber(pattern, { unit: shorts.get(c.orgId) ?? '', year, seq }),
      receiptCode: newReceiptCode(),
      channel: c.channel,
      receivedDate: c.receivedDate,
      complainantName: c.complainantName,
      complainantPhone: c.complainantPhone ? encryptField(ctx.services.keys.field, c.complainantPhone) : null,
      subject: c.subject,
      content: c.content,
      status: complaintMachine.initial,
      createdBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
  }
  const rows: ComplaintRow[] = [];
  for (let i = 0; i < values.length; i += 1000) rows.push(...(await tx.insert(enforcementComplaint).values(values.slice(i, i + 1000)).returning()));
  for (const r of rows) await syncStateTodo(tx, ctx, MODULE, complaintMachine, r, `${r.complaintNo} ${r.subject}`, `/enforcement/complaints/${r.id}`);
  return rows;
};

/** 登记投诉举报 (12345、来信、来访) by the supervisor, against a body in its supervise scope. */
export const registerComplaint = async (ctx: Ctx, input: RegisterComplaintInput) => {
  const actor = requirePermission(ctx, PERM.supervise);
  if (input.receivedDate > toLocalDate(ctx.now)) throw validationError([{ path: 'receivedDate', message: '收到日期不能晚于今天' }]);
  return ctx.db.transaction(async (tx) => {
    const body = await bodyForWrite(ctx, actor, input.bodyId, PERM.supervise, tx);
    const [row] = await insertComplaints(tx, ctx, [{ ...input, orgId: body.orgId }]);
    await recordAudit(tx, ctx, { action: 'complaint.register', module: MODULE, entityType: complaintMachine.entity, entityId: row!.id, after: { complaintNo: row!.complaintNo, channel: input.channel } });
    return row!;
  });
};

/** 网上投诉 on the public portal: against an active body; answered with a receipt code. */
export const submitPortalComplaint = async (ctx: Ctx, input: PortalComplaintInput) =>
  ctx.db.transaction(async (tx) => {
    const [body] = await tx.select({ orgId: enforcementBody.orgId, status: enforcementBody.status }).from(enforcementBody).where(eq(enforcementBody.id, input.bodyId));
    if (!body || body.status !== 'active') throw validationError([{ path: 'bodyId', message: '请选择被投诉的执法主体' }]);
    const [row] = await insertComplaints(tx, ctx, [{ ...input, channel: 'online', receivedDate: toLocalDate(ctx.now), orgId: body.orgId }]);
    await recordAudit(tx, ctx, { action: 'complaint.portal', module: MODULE, entityType: complaintMachine.entity, entityId: row!.id, after: { complaintNo: row!.complaintNo } });
    return row!;
  });

/** Bodies the public may complain about (the published list of active 执法主体). */
export const listPortalBodies = async (ctx: Ctx) => ({
  items: await ctx.db
    .select({ id: enforcementBody.id, name: enforcementBody.name })
    .from(enforcementBody)
    .where(eq(enforcementBody.status, 'active'))
    .orderBy(asc(enforcementBody.name))
    .limit(2000),
});

/** 查询办理进度 by receipt code (no personal data, the body's name and the outcome once concluded). */
export const getPortalComplaintStatus = async (ctx: Ctx, receiptCode: string) => {
  const [row] = await ctx.db.select().from(enforcementComplaint).where(eq(enforcementComplaint.receiptCode, receiptCode));
  if (!row) throw notFound('投诉举报');
  const state = complaintMachine.states[row.status as keyof typeof complaintMachine.states];
  return {
    complaintNo: row.complaintNo,
    complainantName: maskName(row.complainantName),
    bodyName: await bodyNameOf(ctx.db, row.bodyId),
    subject: row.subject,
    receivedDate: row.receivedDate,
    status: row.status,
    statusLabel: state?.label ?? row.status,
    resultLabel: row.status === 'concluded' ? labelOf(COMPLAINT_RESULTS, row.result) : null,
    conclusion: row.status === 'concluded' ? row.conclusion : row.status === 'dismissed' ? row.reason : null,
    concludedDate: row.concludedDate,
  };
};

/** 分办 / 不予受理 / 报送核查结果 (the body) / 退回 / 办结. */
export const transitionComplaint = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Record<string, unknown> }) =>
  ctx.db.transaction(async (tx) => {
    const row = await getComplaintInScope(ctx, id, tx);
    const today = toLocalDate(ctx.now);
    return applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: complaintMachine,
      target: complaintTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      todoTitle: `${row.complaintNo} ${row.subject}`,
      link: `/enforcement/complaints/${id}`,
      guard: async ({ input }) => {
        for (const f of ['verifiedDate', 'concludedDate'] as const) {
          const d = input[f] as string | undefined;
          if (d && d > today) throw validationError([{ path: f, message: '日期不能晚于今天' }]);
          if (d && d < row.receivedDate) throw validationError([{ path: f, message: `日期不能早于收到日期（${row.receivedDate}）` }]);
        }
        const due = input.verifyDueDate as string | undefined;
        if (due && due <= today) throw validationError([{ path: 'verifyDueDate', message: '核查完成时限须晚于今天' }]);
      },
    });
  });

const overdueSql = (today: string): SQL =>
  sql`exists (select 1 from case_clock c where c.entity_type = 'enforcement_complaint' and c.entity_id = ${sql.raw('"enforcement_complaint"."id"')} and c.status = 'running' and c.due_date < ${today})`;

const conditions = (ctx: Ctx, f: ComplaintFilter, permission: string): SQL =>
  and(
    complaintScope(ctx, permission),
    f.channel ? eq(enforcementComplaint.channel, f.channel) : undefined,
    f.status ? eq(enforcementComplaint.status, f.status) : undefined,
    f.result ? eq(enforcementComplaint.result, f.result) : undefined,
    f.bodyId ? eq(enforcementComplaint.bodyId, f.bodyId) : undefined,
    f.receivedFrom ? gte(enforcementComplaint.receivedDate, f.receivedFrom) : undefined,
    f.receivedTo ? lte(enforcementComplaint.receivedDate, f.receivedTo) : undefined,
    f.overdue ? overdueSql(toLocalDate(ctx.now)) : undefined,
    f.q ? or(ilike(enforcementComplaint.complaintNo, `%${f.q}%`), ilike(enforcementComplaint.subject, `%${f.q}%`), ilike(enforcementComplaint.complainantName, `%${f.q}%`)) : undefined,
  )!;

const listColumns = {
  id: enforcementComplaint.id,
  complaintNo: enforcementComplaint.complaintNo,
  channel: enforcementComplaint.channel,
  receivedDate: enforcementComplaint.receivedDate,
  complainantName: enforcementComplaint.complainantName,
  subject: enforcementComplaint.subject,
  orgId: enforcementComplaint.orgId,
  bodyId: enforcementComplaint.bodyId,
  bodyName: bodyNameSql(enforcementComplaint.bodyId),
  status: enforcementComplaint.status,
  result: enforcementComplaint.result,
  verifyDueDate: enforcementComplaint.verifyDueDate,
  concludedDate: enforcementComplaint.concludedDate,
  version: enforcementComplaint.version,
};

export const findComplaints = async (ctx: Ctx, f: ComplaintFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = conditions(ctx, f, permission);
  const [t] = await ctx.db.select({ n: count() }).from(enforcementComplaint).where(where);
  const rows = await ctx.db
    .select(listColumns)
    .from(enforcementComplaint)
    .where(where)
    .orderBy(desc(enforcementComplaint.receivedDate), desc(enforcementComplaint.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const deadlines = await pageDeadlines(ctx, complaintMachine, 'verify', rows.map((r) => r.id));
  return { total: Number(t?.n ?? 0), items: rows.map((r) => ({ ...r, complainantName: maskName(r.complainantName), deadline: deadlines.get(r.id) ?? null })) };
};

export const getComplaintDetail = async (ctx: Ctx, id: number) => {
  const row = await getComplaintInScope(ctx, id);
  const calendar = await ctx.services.calendar.get();
  const deadlines = await deadlinesOf(ctx.db, calendar, complaintMachine.entity, id, ctx.now, complaintMachine.clocks);
  const history = await historyOf(ctx.db, complaintMachine.entity, id);
  const mayAct = new Map<string, boolean>();
  for (const p of ['report', 'supervise']) mayAct.set(p, await actsOn(ctx, permissionCode(MODULE, p), row.orgId));
  const transitions = allowedTransitions(complaintMachine, row.status, (p) => mayAct.get(p) ?? false).map(toTransitionView);
  const phone = row.complainantPhone ? decryptField(ctx.services.keys.field, row.complainantPhone) : null;
  return {
    record: { ...row, complainantPhone: maskPhone(phone), bodyName: await bodyNameOf(ctx.db, row.bodyId) },
    transitions,
    deadlines,
    history,
    canIssue: mayAct.get('supervise') ?? false,
  };
};

export const exportComplaints = async (ctx: Ctx, f: ComplaintFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items } = await findComplaints(ctx, f, { page: 1, pageSize: 50_000 }, PERM.export);
  const buf = await writeXlsx<(typeof items)[number]>('执法投诉举报', [
    { header: '编号', width: 26, value: (r) => r.complaintNo },
    { header: '来源渠道', value: (r) => labelOf(COMPLAINT_CHANNELS, r.channel) },
    { header: '收到日期', width: 12, value: (r) => r.receivedDate },
    { header: '投诉人', value: (r) => r.complainantName },
    { header: '投诉事项', width: 36, value: (r) => r.subject },
    { header: '被投诉执法主体', width: 28, value: (r) => r.bodyName },
    { header: '状态', value: (r) => complaintMachine.states[r.status as keyof typeof complaintMachine.states]?.label ?? r.status },
    { header: '核查时限', width: 12, value: (r) => r.deadline?.dueDate ?? r.verifyDueDate ?? '' },
    { header: '核查结论', value: (r) => labelOf(COMPLAINT_RESULTS, r.result) },
    { header: '办结日期', width: 12, value: (r) => r.concludedDate ?? '' },
  ], items);
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'complaint.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};

/** Import template columns (12345 热线转办台账). */
export const COMPLAINT_IMPORT_COLUMNS = [
  { header: '来源渠道', key: 'channel', required: true },
  { header: '收到日期', key: 'receivedDate', required: true },
  { header: '被投诉执法主体', key: 'bodyName', required: true },
  { header: '投诉人', key: 'complainantName', required: true },
  { header: '联系电话', key: 'complainantPhone' },
  { header: '投诉事项', key: 'subject', required: true },
  { header: '投诉内容', key: 'content', required: true },
];

const byLabel = <T extends readonly { value: string; label: string }[]>(list: T, what: string) =>
  z.string({ error: `请填写${what}` }).transform((v, c) => {
    const hit = list.find((o) => o.label === v || o.value === v);
    if (!hit) {
      c.addIssue({ code: 'custom', message: `${what}须为：${list.map((o) => o.label).join('、')}` });
      return z.NEVER;
    }
    return hit.value as T[number]['value'];
  });
const rowSchema = z.object({
  channel: byLabel(COMPLAINT_CHANNELS, '来源渠道'),
  receivedDate: z.string({ error: '请填写收到日期' }).refine(isLocalDate, '收到日期须为 YYYY-MM-DD'),
  bodyName: z.string({ error: '请填写被投诉执法主体' }).trim().min(1, '请填写被投诉执法主体').max(100, '执法主体名称过长'),
  complainantName: z.string({ error: '请填写投诉人' }).trim().min(1, '请填写投诉人').max(50, '投诉人不能超过 50 字'),
  complainantPhone: z
    .string()
    .trim()
    .refine((v) => /^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(v), '联系电话格式无效')
    .optional(),
  subject: z.string({ error: '请填写投诉事项' }).trim().min(4, '投诉事项至少 4 个字').max(200, '投诉事项不能超过 200 字'),
  content: z.string({ error: '请填写投诉内容' }).trim().min(10, '投诉内容至少 10 个字').max(8000, '投诉内容不能超过 8000 字'),
});

/** 导入 (12345 转办台账): every row checked (channel, date, the body in scope); all rows or none; a per-row report. */
export const importComplaints = async (ctx: Ctx, file: Buffer): Promise<{ created: number; errors: RowError[] }> => {
  const actor = requirePermission(ctx, PERM.import);
  requirePermission(ctx, PERM.supervise);
  const { rows, errors } = await readXlsx(file, COMPLAINT_IMPORT_COLUMNS, rowSchema, 5000);
  const bodies = await ctx.db
    .select({ id: enforcementBody.id, name: enforcementBody.name, orgId: enforcementBody.orgId, path: orgUnit.path, status: enforcementBody.status })
    .from(enforcementBody)
    .innerJoin(orgUnit, eq(orgUnit.id, enforcementBody.orgId));
  const today = toLocalDate(ctx.now);
  const resolved: NewComplaint[] = [];
  for (const { row, value } of rows) {
    const before = errors.length;
    const matches = bodies.filter((b) => b.name === value.bodyName && b.status === 'active' && orgInScope(actor, PERM.supervise, { id: b.orgId, path: b.path }));
    if (matches.length !== 1) errors.push({ row, path: 'bodyName', message: `执法主体“${value.bodyName}”不存在、已撤销或不在您的监督范围内` });
    if (value.receivedDate > today) errors.push({ row, path: 'receivedDate', message: '收到日期不能晚于今天' });
    if (errors.length > before) continue;
    const b = matches[0]!;
    resolved.push({ bodyId: b.id, orgId: b.orgId, channel: value.channel, receivedDate: value.receivedDate, complainantName: value.complainantName, complainantPhone: value.complainantPhone ?? null, subject: value.subject, content: value.content });
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
  if (errors.length) return { created: 0, errors };
  const created = await ctx.db.transaction(async (tx) => {
    const list = await insertComplaints(tx, ctx, resolved);
    await recordAudit(tx, ctx, { action: 'complaint.import', module: MODULE, after: { rows: list.length } });
    return list.length;
  });
  return { created, errors: [] };
};

export const maskedName = (r: Pick<ComplaintRow, 'complainantName'>) => maskName(r.complainantName);
