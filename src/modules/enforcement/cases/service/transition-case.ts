import { and, eq, inArray } from 'drizzle-orm';
import { addDays, AppError, appUser, applyTransition, can, type Ctx, type DbOrTx, fieldError, permissionCode, recordAudit, requireDateInRange, runClockEffects, syncStateTodo, toLocalDate } from '../../../../kernel';
import type { WorkingCalendar } from '../../../../kernel/calendar/working-calendar';
import { discretionBenchmark, enforcementBody, enforcementOfficer } from '../../registry/schema';
import { caseMachine, DECISION_TYPES, KIND_ONLY, KINDS, publicationMachine, STATEMENT_DAYS_DEFAULT, UNPUBLISHED_DECISIONS, type CaseKind } from '../case-machine';
import { enforcementPublication, type EnforcementCaseRow } from '../schema';
import { caseTable, getCaseInScope, getPublicationInScope, MODULE, PERM, publicationTable, publicTargetName } from './access';

type Input = Record<string, unknown>;

interface GuardArgs {
  row: EnforcementCaseRow;
  input: Input;
  today: string;
  tx: DbOrTx;
  ctx: Ctx;
  calendar: WorkingCalendar;
  patch: Record<string, unknown>;
}

const fail = fieldError;
/** A date input that must lie in [min, today]. */
const within = (input: Input, name: string, min: string | null | undefined, minLabel: string, today: string): string =>
  requireDateInRange(name, input[name] as string, min, minLabel, today);

/** 第六十四条第一项: the last day the party may ask for a hearing (5 working days after the notice). */
export const hearingRequestDue = (calendar: WorkingCalendar, noticeDate: string): string => calendar.addPeriod(noticeDate, 5, 'working_day').due;

/** 第四十五条: the last day of the 陈述、申辩 period set in the 告知书 (working days from its service, 第八十五条). */
export const statementDue = (calendar: WorkingCalendar, noticeDate: string, statementDays: number | null): string =>
  calendar.addPeriod(noticeDate, statementDays ?? STATEMENT_DAYS_DEFAULT, 'working_day').due;

/**
 * 第四十四条、第四十五条、第六十二条、第六十四条第一项: while the party may still state a case and defend (the
 * 告知书's period) or ask for a hearing (5 working days, where the hearing right was notified and no hearing
 * was asked for), no penalty decision. A window ends the day after its last day, or on the day the party
 * expressly waived it. Returns the refusal's text for `decidedDate`, or null when a decision may be made.
 */
export const noticeWindowRefusal = (calendar: WorkingCalendar, row: EnforcementCaseRow, decidedDate: string): string | null => {
  const notice = row.noticeDate!;
  const windows: { until: string; waivedFrom: string | null; text: string; basis: string }[] = [];
  const statementDays = row.statementDays ?? STATEMENT_DAYS_DEFAULT;
  const sUntil = statementDue(calendar, notice, row.statementDays);
  windows.push({ until: sUntil, waivedFrom: row.waiverDate, text: `陈述、申辩期限（${notice} 告知书送达起 ${statementDays} 个工作日，至 ${sUntil}）`, basis: '第四十五条、第六十二条' });
  if (row.hearingRight && !row.hearingRequestDate) {
    const hUntil = hearingRequestDue(calendar, notice);
    windows.push({ until: hUntil, waivedFrom: row.waiverScope === 'statement_and_hearing' ? row.waiverDate : null, text: `听证申请期限（五个工作日，至 ${hUntil}）`, basis: '第六十四条第一项' });
  }
  const open = windows.filter((w) => decidedDate <= w.until && !(w.waivedFrom && decidedDate >= w.waivedFrom));
  if (!open.length) return null;
  const earliest = windows.map((w) => (w.waivedFrom && w.waivedFrom <= addDays(w.until, 1) ? w.waivedFrom : addDays(w.until, 1))).sort().at(-1)!;
  return `${open.map((w) => w.text).join('、')}内不得作出行政处罚决定，当事人明确放弃的除外（行政处罚法第四十四条、${[...new Set(open.flatMap((w) => w.basis.split('、')))].join('、')}）：最早可于 ${earliest} 作出决定`;
};

/** Rules of the law the machine's field types cannot state (statutes.md §8.1). */
const guards: Record<string, (a: GuardArgs) => void | Promise<void>> = {
  notify: (a) => {
    within(a.input, 'noticeDate', a.row.filedDate, '立案日期', a.today);
    if (!Number.isInteger(a.input.statementDays)) fail('statementDays', '陈述、申辩期限须为整数个工作日');
    a.patch.hearingRight = a.input.hearingRightNotice === 'yes';
    // A new 告知 opens a new window: a waiver of an earlier notice does not carry over.
    Object.assign(a.patch, { waiverDate: null, waiverScope: null, waiverNote: null });
  },
  waive: (a) => {
    if (a.row.waiverDate) fail('waiverDate', `已记录当事人于 ${a.row.waiverDate} 明确放弃`);
    within(a.input, 'waiverDate', a.row.hearingHeldDate ?? a.row.noticeDate, a.row.hearingHeldDate ? '听证日期' : '告知日期', a.today);
    if (a.input.waiverScope === 'statement_and_hearing' && !a.row.hearingRight) fail('waiverScope', '本案未告知听证权利，请选择“放弃陈述、申辩权利”');
  },
  requestHearing: (a) => {
    if (!a.row.hearingRight || !a.row.noticeDate) fail('hearingRequestDate', '本案未告知听证权利（不属于第六十三条规定的情形），不能申请听证');
    if (a.row.waiverScope === 'statement_and_hearing') fail('hearingRequestDate', `当事人已于 ${a.row.waiverDate} 明确放弃听证权利`);
    if (a.row.hearingHeldDate) fail('hearingRequestDate', '本案已举行听证');
    const d = within(a.input, 'hearingRequestDate', a.row.noticeDate, '告知日期', a.today);
    const due = hearingRequestDue(a.calendar, a.row.noticeDate!);
    if (d > due) fail('hearingRequestDate', `当事人应在告知后五个工作日内（${due} 前）提出听证申请，逾期视为放弃（行政处罚法第六十四条第一项）`);
  },
  scheduleHearing: async (a) => {
    await presiderGuard(a);
    const notice = within(a.input, 'hearingNoticeDate', a.row.hearingRequestDate, '听证申请日期', a.today);
    const hearing = a.input.hearingDate as string;
    if (a.calendar.countWorkingDays(notice, hearing) < 7) {
      fail('hearingDate', `应在举行听证的七个工作日前通知当事人（行政处罚法第六十四条第二项）：${notice} 通知的，听证日期不早于 ${a.calendar.addPeriod(notice, 7, 'working_day').due}`);
    }
  },
  holdHearing: (a) => {
    within(a.input, 'hearingHeldDate', a.row.hearingDate, '通知的听证日期', a.today);
  },
  reviewPass: async (a) => review(a, 'passed'),
  reviewReturn: async (a) => review(a, 'returned'),
  decide: async (a) => decideGuard(a),
  serve: (a) => {
    within(a.input, 'servedDate', a.row.decidedDate, '决定日期', a.today);
  },
  execute: (a) => {
    if (!(a.row.fineFen ?? 0)) fail('executionMode', '本案决定没有罚款，送达后直接结案');
    if (a.input.paidDate) within(a.input, 'paidDate', a.row.servedDate, '送达日期', a.today);
    if (a.input.executionMode === 'paid' && !a.input.paidDate) fail('paidDate', '请填写缴纳日期');
  },
  close: (a) => {
    within(a.input, 'closedDate', a.row.paidDate ?? a.row.servedDate ?? a.row.decidedDate, '决定、送达或缴纳日期', a.today);
  },
};

/** The names a free-text name field holds: the whole text and its parts split at spaces and punctuation ("法规科 周明" → 周明). */
const namesIn = (text: string): string[] => [text.trim(), ...text.split(/[\s、，,；;：:（）()/]+/)].map((t) => t.trim()).filter(Boolean);

/**
 * 第六十四条第四项: the hearing is presided over by someone the agency designates who did not investigate the
 * case. The presider is free text, so it is compared by name with the case's 承办执法人员 (its officerIds in the
 * register) and the user who registered it.
 */
const presiderGuard = async (a: GuardArgs) => {
  const presider = String(a.input.hearingPresider ?? '');
  const officers = a.row.officerIds.length
    ? await a.tx.select({ id: enforcementOfficer.id, name: enforcementOfficer.name }).from(enforcementOfficer).where(inArray(enforcementOfficer.id, a.row.officerIds))
    : [];
  const [registrant] = a.row.createdBy ? await a.tx.select({ name: appUser.displayName }).from(appUser).where(eq(appUser.id, a.row.createdBy)) : [];
  const handlers = [...officers.map((o) => o.name), ...(registrant ? [registrant.name] : [])];
  const hit = namesIn(presider).find((n) => handlers.includes(n));
  if (hit) fail('hearingPresider', `听证由行政机关指定的非本案调查人员主持（行政处罚法第六十四条第四项）：${hit} 是本案的承办（调查）人员，请另行指定主持人`);
};

/** 法制审核: by someone who did not handle the case (neither its registrant nor one of its officers). */
const review = async (a: GuardArgs, result: 'passed' | 'returned') => {
  const actor = a.ctx.actor!;
  if (actor.id === a.row.createdBy) fail('legalReviewOpinion', '法制审核人员不能是本案的承办人员');
  const officers = a.row.officerIds.length
    ? await a.tx.select({ name: enforcementOfficer.name, id: enforcementOfficer.id }).from(enforcementOfficer).where(eq(enforcementOfficer.bodyId, a.row.bodyId))
    : [];
  const handlerNames = officers.filter((o) => a.row.officerIds.includes(o.id)).map((o) => o.name);
  if (handlerNames.includes(actor.displayName)) fail('legalReviewOpinion', '法制审核人员不能是本案的承办人员');
  within(a.input, 'legalReviewDate', a.row.filedDate, '立案日期', a.today);
  Object.assign(a.patch, { legalReviewResult: result, legalReviewerId: actor.id, legalReviewerName: actor.displayName });
};

/**
 * 决定: by kind and state (处罚 after 告知, 许可/强制 after 审查, 检查 directly); 重大 cases only after a passed
 * 法制审核 (第五十八条); the fine against the item's 裁量基准 (flag and reason when outside); 不予处罚 with its
 * 第三十三条 ground and the 教育 record.
 */
const decideGuard = async (a: GuardArgs) => {
  const { row, input, patch } = a;
  const kind = row.kind as CaseKind;
  const type = DECISION_TYPES.find((t) => t.value === input.decisionType)!;
  if (type.kind !== kind) fail('decisionType', `${KINDS.find((k) => k.value === kind)!.label}案件的决定类型须为：${DECISION_TYPES.filter((t) => t.kind === kind).map((t) => t.label).join('、')}`);
  if (kind === 'inspection' && row.status !== 'registered') fail('decisionType', '检查案件在检查后直接记录结果');
  if (kind !== 'inspection' && row.status === 'registered') throw new AppError('INVALID_STATE', '请先调查取证（审查）再作出决定', { details: { reason: 'wrong_state', state: row.status } });
  if (row.isMajor && row.legalReviewResult !== 'passed') {
    throw new AppError('INVALID_STATE', '重大执法决定未经法制审核或者审核未通过的，不得作出决定（行政处罚法第五十八条）', { details: { reason: 'legal_review_required' } });
  }
  if (kind === 'penalty' && type.value === 'punish' && !row.noticeDate) {
    throw new AppError('INVALID_STATE', '作出行政处罚决定前，应当告知当事人拟作出的处罚及其陈述、申辩、听证权利（行政处罚法第四十四条、第六十二条）', { details: { reason: 'notice_required' } });
  }
  within(input, 'decidedDate', row.hearingHeldDate ?? row.noticeDate ?? row.filedDate, row.hearingHeldDate ? '听证日期' : row.noticeDate ? '告知日期' : '立案日期', a.today);
  if (kind === 'penalty' && type.value === 'punish') {
    const refusal = noticeWindowRefusal(a.calendar, row, input.decidedDate as string);
    if (refusal) fail('decidedDate', refusal);
  }
  const fine = input.fineYuan === undefined || input.fineYuan === null ? null : Number(input.fineYuan);
  if (type.value !== 'punish') {
    if (fine) fail('fineYuan', '只有给予行政处罚的决定才填写罚款金额');
    Object.assign(patch, { fineFen: null, benchmarkId: null, discretionOutside: false });
  }
  if (type.value === 'no_penalty') {
    if (!input.noPenaltyBasis) fail('noPenaltyBasis', '请选择不予处罚的情形（第三十三条）');
    if (!input.educationRecord) fail('educationRecord', '对当事人不予处罚的，应当对当事人进行教育（第三十三条第三款），请记录教育情况');
  } else if (input.noPenaltyBasis) fail('noPenaltyBasis', '只有不予处罚的决定才选择第三十三条的情形');
  if (type.value === 'punish') {
    patch.fineFen = fine === null ? null : fine * 100;
    if (input.benchmarkLevel) {
      const rows = await a.tx
        .select()
        .from(discretionBenchmark)
        .where(and(eq(discretionBenchmark.itemId, row.itemId ?? 0), eq(discretionBenchmark.level, input.benchmarkLevel as never), eq(discretionBenchmark.status, 'active')));
      const b = rows[0];
      if (!b) fail('benchmarkLevel', '本执法事项没有该裁量阶次的有效裁量基准');
      patch.benchmarkId = b!.id;
      const outside = fine !== null && ((b!.fineMinFen !== null && fine * 100 < b!.fineMinFen) || (b!.fineMaxFen !== null && fine * 100 > b!.fineMaxFen));
      patch.discretionOutside = outside;
      if (outside && !input.discretionReason) {
        const range = `${b!.fineMinFen === null ? '—' : b!.fineMinFen / 100} 至 ${b!.fineMaxFen === null ? '—' : b!.fineMaxFen / 100} 元`;
        fail('discretionReason', `罚款金额超出裁量基准（${b!.circumstance}：${range}），请说明理由`);
      }
    } else if (fine !== null) fail('benchmarkLevel', '请选择适用的裁量阶次（行政处罚法第三十四条）');
  }
};

/** Applies a transition of the case machine; decisions create the 公示 record and start the service clock. */
export const transitionCase = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Input }) =>
  ctx.db.transaction(async (tx) => {
    const row = await getCaseInScope(ctx, id, tx, PERM.read);
    const def = Object.hasOwn(caseMachine.transitions, name) ? caseMachine.transitions[name] : undefined;
    const permission = def ? permissionCode(MODULE, def.permission) : null;
    const only = KIND_ONLY[name];
    if (def && only && !only.includes(row.kind as CaseKind) && def.from.includes(row.status as never) && can(ctx.actor, permission!)) {
      throw new AppError('INVALID_STATE', `${KINDS.find((k) => k.value === row.kind)!.label}案件不能${def.label}`, { details: { reason: 'wrong_kind' } });
    }
    const today = toLocalDate(ctx.now);
    const calendar = await ctx.services.calendar.get(tx);
    const patch: Record<string, unknown> = {};
    const updated = await applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: caseMachine,
      target: caseTable,
      row,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      patch,
      guard: async ({ input }) => guards[name]?.({ row, input, today, tx, ctx, calendar, patch }),
      todoTitle: `${row.caseNo} ${row.title}`,
      link: `/${MODULE}/cases/${row.id}`,
    });
    // Clocks that depend on the record, not only on the transition.
    if (name === 'notify' && updated.hearingRight) {
      await runClockEffects(tx, ctx, MODULE, caseMachine, row, [{ clock: 'hearingRequest', action: 'start', from: 'noticeDate' }], { noticeDate: updated.noticeDate });
    }
    if (name === 'decide') {
      const type = String(updated.decisionType);
      if (updated.kind !== 'inspection' && type !== 'revoke_filing' && type !== 'transfer') {
        await runClockEffects(tx, ctx, MODULE, caseMachine, row, [{ clock: 'service', action: 'start', from: 'decidedDate' }], { decidedDate: updated.decidedDate });
      }
      if (!UNPUBLISHED_DECISIONS.includes(type)) await createPublication(tx, ctx, updated);
    }
    if (name === 'serve' && (updated.fineFen ?? 0) > 0) {
      await runClockEffects(tx, ctx, MODULE, caseMachine, row, [{ clock: 'payment', action: 'start', from: 'servedDate' }], { servedDate: updated.servedDate });
    }
    return updated;
  });

/** The 公示 record of a decision and its clock (许可、处罚: 7 working days; others: 20). */
const createPublication = async (tx: DbOrTx, ctx: Ctx, c: EnforcementCaseRow) => {
  const [body] = await tx.select({ name: enforcementBody.name }).from(enforcementBody).where(eq(enforcementBody.id, c.bodyId));
  const [pub] = await tx
    .insert(enforcementPublication)
    .values({
      caseId: c.id,
      orgId: c.orgId,
      bodyId: c.bodyId,
      bodyName: body?.name ?? '',
      category: c.kind,
      targetName: publicTargetName(c),
      decisionNo: c.decisionNo,
      decidedDate: c.decidedDate!,
      status: publicationMachine.initial,
      createdBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  const clock = c.kind === 'penalty' || c.kind === 'licence' ? 'publishQuick' : 'publishOther';
  await runClockEffects(tx, ctx, MODULE, publicationMachine, pub!, [{ clock, action: 'start', from: 'decidedDate' }], { decidedDate: c.decidedDate });
  await syncStateTodo(tx, ctx, MODULE, publicationMachine, pub!, `${c.caseNo} ${c.title}`, `/${MODULE}/cases/${c.id}`);
  await recordAudit(tx, ctx, { action: 'publication.create', module: MODULE, entityType: caseMachine.entity, entityId: c.id, after: { publicationId: pub!.id, clock } });
  return pub!;
};

/** 公示 / 撤回: a transition of the publication machine (report scope over the case's unit). */
export const transitionPublication = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Input }) =>
  ctx.db.transaction(async (tx) => {
    const pub = await getPublicationInScope(ctx, id, tx, PERM.read);
    const today = toLocalDate(ctx.now);
    return applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: publicationMachine,
      target: publicationTable,
      row: pub,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      guard: ({ input }) => {
        if (name === 'publish') within(input, 'publishedDate', pub.decidedDate, '决定日期', today);
        if (name === 'requestWithdrawal') within(input, 'changedDate', pub.publishedDate, '公示日期', today);
        if (name === 'withdraw') within(input, 'withdrawnDate', pub.changedDate, '决定变更之日', today);
      },
      link: `/${MODULE}/cases/${pub.caseId}`,
    });
  });
