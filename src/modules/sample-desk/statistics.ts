import { and, count, gte, lte, type SQL } from 'drizzle-orm';
import { inOrgSubtree, type Ctx, type StatisticDef } from '../../kernel';
import { sampleDeskRecord } from './schema';
import { recordScope } from './service/records';

const within = (ctx: Ctx, orgId: number | undefined): SQL => and(recordScope(ctx), orgId === undefined ? undefined : inOrgSubtree(sampleDeskRecord.orgId, orgId))!;

export const statistics: readonly StatisticDef[] = [
  {
    id: 'sample-desk.received',
    section: '示例台账',
    label: '登记件数',
    unit: '件',
    compute: async ({ ctx, year, orgId }) => {
      const [row] = await ctx.db
        .select({ n: count() })
        .from(sampleDeskRecord)
        .where(and(within(ctx, orgId), gte(sampleDeskRecord.receivedOn, `${year}-01-01`), lte(sampleDeskRecord.receivedOn, `${year}-12-31`)));
      return Number(row?.n ?? 0);
    },
  },
];
