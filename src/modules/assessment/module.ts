import { defineModule } from '../../kernel';
import { demoSeed } from './demo-seed';
import { manifest } from './manifest';
import { roles } from './roles';
import { assessmentRoutes } from './routes';
import { getDutyReportInScope } from './service/duty-reports';
import { PERM } from './service/access';
import { statistics } from './statistics';
import { and, eq } from 'drizzle-orm';
import { notFound, requirePermission, scopeWhere, type Ctx } from '../../kernel';
import { assessmentScore } from './schema';

/** 法治考核 (`assessment`): 考核方案与评分、述职述法、领导干部学法与学法考试. */
const scoreInScope = async (ctx: Ctx, ownerId: number, permission: string): Promise<void> => {
  requirePermission(ctx, permission);
  const [row] = await ctx.db
    .select({ id: assessmentScore.id })
    .from(assessmentScore)
    .where(and(eq(assessmentScore.id, ownerId), scopeWhere(ctx.actor, permission, { org: assessmentScore.orgId })));
  if (!row) throw notFound('评分');
};

export const assessmentModule = defineModule({
  manifest,
  ...roles,
  routes: assessmentRoutes,
  attachmentOwners: {
    // 述职述法报告原文: the reporting unit uploads; readers of the report download.
    duty_report: {
      read: async ({ ctx, ownerId }) => void (await getDutyReportInScope(ctx, ownerId, ctx.db, PERM.read)),
      write: async ({ ctx, ownerId }) => {
        requirePermission(ctx, PERM.report);
        await getDutyReportInScope(ctx, ownerId, ctx.db, PERM.report);
      },
    },
    // 评分依据: the office uploads; the assessed unit may read its own.
    assessment_score: {
      read: async ({ ctx, ownerId }) => scoreInScope(ctx, ownerId, PERM.read),
      write: async ({ ctx, ownerId }) => scoreInScope(ctx, ownerId, PERM.manage),
    },
  },
  entities: {
    duty_report: {
      path: 'duty-reports',
      handlerPermission: 'manage',
      table: 'duty_report',
      titleSql: "(select o.name from org_unit o where o.id = r.org_id) || ' ' || r.year || '年度述职述法'",
    },
  },
  statistics,
  seedDemo: demoSeed,
  seedDemoAfter: ['disclosure'],
});
