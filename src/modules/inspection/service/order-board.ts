import { sql } from 'drizzle-orm';
import { queryRows, requirePermission, toLocalDate, type Ctx } from '../../../kernel';
import { orderScope, PERM } from './access';

export interface BoardRow {
  orgId: number;
  orgName: string;
  issued: number;
  closedOnTime: number;
  closedLate: number;
  openOverdue: number;
  open: number;
}

/**
 * 督办看板: per ordered unit, the orders issued in the year (withdrawn ones excluded), those closed with the
 * rectification reported by the deadline, those closed after a late report, and those open past due.
 */
export const orderBoard = async (ctx: Ctx, year: number): Promise<{ year: number; items: BoardRow[] }> => {
  requirePermission(ctx, PERM.read);
  const today = toLocalDate(ctx.now);
  const items = await queryRows<BoardRow>(
    ctx.db,
    sql`select supervision_order.org_id as "orgId", u.name as "orgName",
          count(*)::int as issued,
          count(*) filter (where supervision_order.status = 'closed' and supervision_order.submitted_on <= supervision_order.due_date)::int as "closedOnTime",
          count(*) filter (where supervision_order.status = 'closed' and supervision_order.submitted_on > supervision_order.due_date)::int as "closedLate",
          count(*) filter (where supervision_order.status in ('issued', 'returned') and supervision_order.due_date < ${today})::int as "openOverdue",
          count(*) filter (where supervision_order.status in ('issued', 'submitted', 'returned'))::int as open
        from supervision_order join org_unit u on u.id = supervision_order.org_id
        where ${orderScope(ctx)} and supervision_order.status <> 'withdrawn'
          and supervision_order.issued_on between ${`${year}-01-01`} and ${`${year}-12-31`}
        group by supervision_order.org_id, u.name, u.path
        order by u.path`,
  );
  return { year, items };
};
