import { and, eq, sql } from 'drizzle-orm';
import { AppError, inOrgSubtree, queryRows, recordAudit, requirePermission, toLocalDate, type Ctx, type RiskSignal } from '../../../kernel';
import { HEAD_ATTENDANCE } from '../case-machine';
import type { WarningRuleInput } from '../contract';
import { litigationCase, litigationWarningRule } from '../schema';
import { caseScope, MODULE, PERM } from './access';

export type WarningRule = Omit<WarningRuleInput, 'version'> & { version: number; updatedAt: string | null };

/** Default thresholds (used until a rule is saved for the year). Rates in %, counts fire at ≥ n; 0 = off. */
export const DEFAULT_RULE = {
  redLossRate: 20,
  redAppearanceBelow: 80,
  redNoShow: 1,
  redOverdueDefence: 1,
  yellowLossRate: 10,
  yellowAppearanceBelow: 100,
  yellowOverdueSuggestion: 1,
} as const;

/** The thresholds of `year` (the defaults, version 0, when none is saved). */
export const getWarningRule = async (ctx: Ctx, year: number): Promise<WarningRule> => {
  requirePermission(ctx, PERM.read);
  const [row] = await ctx.db.select().from(litigationWarningRule).where(eq(litigationWarningRule.year, year));
  if (!row) return { year, ...DEFAULT_RULE, version: 0, updatedAt: null };
  const { id: _id, updatedBy: _by, updatedAt, ...rest } = row;
  return { ...rest, updatedAt: updatedAt.toISOString() };
};

/** 设置阈值: insert (version 0) or a conditional update on the version seen; a stale version gets 409. */
export const saveWarningRule = async (ctx: Ctx, input: WarningRuleInput): Promise<WarningRule> => {
  requirePermission(ctx, PERM.configure);
  const { version, ...values } = input;
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(litigationWarningRule).where(eq(litigationWarningRule.year, input.year));
    const stale = () => new AppError('CONFLICT', '预警阈值已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    if (version === 0) {
      if (current) throw stale();
      const inserted = await tx.insert(litigationWarningRule).values({ ...values, version: 1, updatedBy: ctx.actor?.id ?? null, updatedAt: ctx.now }).onConflictDoNothing().returning();
      if (inserted.length === 0) throw stale();
    } else {
      const updated = await tx
        .update(litigationWarningRule)
        .set({ ...values, version: sql`${litigationWarningRule.version} + 1`, updatedBy: ctx.actor?.id ?? null, updatedAt: ctx.now })
        .where(and(eq(litigationWarningRule.year, input.year), eq(litigationWarningRule.version, version)))
        .returning();
      if (updated.length === 0) throw stale();
    }
    await recordAudit(tx, ctx, { action: 'warning_rule.save', module: MODULE, entityType: 'litigation_warning_rule', entityId: input.year, before: current ? { ...current } : null, after: values });
  });
  return getWarningRule(ctx, input.year);
};

export interface AgencyFigures {
  orgId: number;
  orgName: string;
  cases: number;
  judged: number;
  lost: number;
  lossRate: number | null;
  hearings: number;
  headHearings: number;
  appearanceRate: number | null;
  noShow: number;
  overdueDefence: number;
  overdueSuggestions: number;
  color: 'green' | 'yellow' | 'red';
  /** The rules that fired, in Chinese. */
  reasons: string[];
}

const HEADS = sql.join(HEAD_ATTENDANCE.map((a) => sql`${a}`), sql`, `);
const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** The colour of an agency and the rules that fired (red rules first; yellow only when no red fired). */
export const colorOf = (f: Omit<AgencyFigures, 'color' | 'reasons' | 'orgId' | 'orgName'>, r: Omit<WarningRule, 'year' | 'version' | 'updatedAt'>): Pick<AgencyFigures, 'color' | 'reasons'> => {
  const red: string[] = [];
  if (r.redLossRate > 0 && f.lossRate !== null && f.lossRate >= r.redLossRate) red.push(`败诉率 ${f.lossRate}% ≥ ${r.redLossRate}%`);
  if (f.appearanceRate !== null && f.appearanceRate < r.redAppearanceBelow) red.push(`负责人出庭率 ${f.appearanceRate}% < ${r.redAppearanceBelow}%`);
  if (r.redNoShow > 0 && f.noShow >= r.redNoShow) red.push(`仅委托律师或无人出庭 ${f.noShow} 次`);
  if (r.redOverdueDefence > 0 && f.overdueDefence >= r.redOverdueDefence) red.push(`逾期答辩举证 ${f.overdueDefence} 件`);
  if (red.length) return { color: 'red', reasons: red };
  const yellow: string[] = [];
  if (r.yellowLossRate > 0 && f.lossRate !== null && f.lossRate >= r.yellowLossRate) yellow.push(`败诉率 ${f.lossRate}% ≥ ${r.yellowLossRate}%`);
  if (f.appearanceRate !== null && f.appearanceRate < r.yellowAppearanceBelow) yellow.push(`负责人出庭率 ${f.appearanceRate}% < ${r.yellowAppearanceBelow}%`);
  if (r.yellowOverdueSuggestion > 0 && f.overdueSuggestions >= r.yellowOverdueSuggestion) yellow.push(`司法建议逾期回复 ${f.overdueSuggestions} 件`);
  return yellow.length ? { color: 'yellow', reasons: yellow } : { color: 'green', reasons: [] };
};

/**
 * 三色预警看板: per defendant agency in scope (and `orgId`'s subtree) with activity in `year` — cases filed,
 * judged and lost, hearings held and with a head, lawyer-only / no-show hearings, defence periods missed
 * (still open past due, or the defence filed after the last day; a suit withdrawn or dismissed before any
 * defence was due does not count) and 司法建议 replies missed — and its colour under the year's rule.
 */
export const agencyBoard = async (ctx: Ctx, year: number, orgId?: number): Promise<{ year: number; rule: WarningRule; items: AgencyFigures[] }> => {
  requirePermission(ctx, PERM.read);
  const rule = await getWarningRule(ctx, year);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const today = toLocalDate(ctx.now);
  const scope = and(caseScope(ctx), orgId === undefined ? undefined : inOrgSubtree(litigationCase.orgId, orgId))!;
  const rows = await queryRows<Omit<AgencyFigures, 'lossRate' | 'appearanceRate' | 'color' | 'reasons'>>(
    ctx.db,
    sql`with c as (select id, org_id, filed_date, judgment_date, outcome, lost, defence_filed_date from ${litigationCase} where ${scope}),
      h as (select h.* from litigation_hearing h join c on c.id = h.case_id where h.hearing_date between ${from} and ${to}),
      s as (select s.* from litigation_suggestion s join c on c.id = s.case_id where s.received_date between ${from} and ${to}),
      d as (select k.entity_id, c.org_id from case_clock k join c on c.id = k.entity_id
            where k.entity_type = 'litigation_case' and k.clock_key = 'defence' and k.start_date between ${from} and ${to}
              and ((k.status <> 'stopped' and k.due_date < ${today}) or (c.defence_filed_date > k.due_date))),
      so as (select s.org_id from case_clock k join s on s.id = k.entity_id
            where k.entity_type = 'litigation_suggestion' and k.clock_key = 'reply'
              and ((k.status <> 'stopped' and k.due_date < ${today}) or (k.status = 'stopped' and k.stop_reason = 'completed' and k.stopped_on > k.due_date))),
      a as (select org_id from c where filed_date between ${from} and ${to} or judgment_date between ${from} and ${to}
            union select org_id from h union select org_id from s union select org_id from d)
      select a.org_id as "orgId", o.name as "orgName",
        (select count(*) from c where c.org_id = a.org_id and c.filed_date between ${from} and ${to})::int as cases,
        (select count(*) from c where c.org_id = a.org_id and c.outcome is not null and c.judgment_date between ${from} and ${to})::int as judged,
        (select count(*) from c where c.org_id = a.org_id and c.lost and c.judgment_date between ${from} and ${to})::int as lost,
        (select count(*) from h where h.org_id = a.org_id and h.attendance is not null)::int as hearings,
        (select count(*) from h where h.org_id = a.org_id and h.attendance in (${HEADS}))::int as "headHearings",
        (select count(*) from h where h.org_id = a.org_id and h.attendance in ('lawyer_only', 'none'))::int as "noShow",
        (select count(*) from d where d.org_id = a.org_id)::int as "overdueDefence",
        (select count(*) from so where so.org_id = a.org_id)::int as "overdueSuggestions"
      from a join org_unit o on o.id = a.org_id
      order by o.path`,
  );
  const items = rows.map((r) => {
    const f = { ...r, lossRate: pct(r.lost, r.judged), appearanceRate: pct(r.headHearings, r.hearings) };
    return { ...f, ...colorOf(f, rule) };
  });
  // Worst first: red, yellow, green.
  const order = { red: 0, yellow: 1, green: 2 };
  items.sort((x, y) => order[x.color] - order[y.color]);
  return { year, rule, items };
};

/** 风险预警 for 督察: the red and yellow agencies of the current year within the actor's scope. */
export const listRiskSignals = async ({ ctx, orgId }: { ctx: Ctx; orgId?: number | undefined }): Promise<RiskSignal[]> => {
  const year = Number(toLocalDate(ctx.now).slice(0, 4));
  const { items } = await agencyBoard(ctx, year, orgId);
  return items
    .filter((i) => i.color !== 'green')
    .map((i) => ({
      key: `agency-color:${i.orgId}:${year}`,
      level: i.color as 'red' | 'yellow',
      orgId: i.orgId,
      orgName: i.orgName,
      title: `${i.orgName} 行政应诉${i.color === 'red' ? '红色' : '黄色'}预警（${year}年）`,
      reason: i.reasons.join('；'),
      link: `/${MODULE}/warnings?year=${year}&orgId=${i.orgId}`,
    }));
};
