/** Annual-report figures of the registry area (section 行政执法), each SQL within the reader's scope and `orgId`. */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { inOrgSubtree, queryRows, type Ctx, type StatisticDef } from '../../../kernel';
import { DEFAULT_SETTINGS } from './registry-machine';
import { discretionBenchmark, enforcementBody, enforcementCertificate, enforcementOfficer } from './schema';
import { PERM, qc, scopeOn } from './service/access';

const SECTION = '行政执法';

const within = (ctx: Ctx, org: AnyPgColumn, orgId: number | undefined): SQL => sql`${scopeOn(ctx, org, PERM.read)} and ${orgId === undefined ? sql`true` : inOrgSubtree(org, orgId)}`;
const inYear = (col: AnyPgColumn, year: number): SQL => sql`${col} between ${`${year}-01-01`} and ${`${year}-12-31`}`;

const one = async (ctx: Ctx, query: SQL): Promise<number> => {
  const [row] = await queryRows<{ n: number | string | null }>(ctx.db, query);
  return Number(row?.n ?? 0);
};

/** The training target that applies to an officer's unit (deepest jurisdiction setting above it, else the default). */
export const targetHoursSql = (orgColumn: SQL | AnyPgColumn): SQL => sql`coalesce((select s.training_hours_target from enforcement_registry_setting s
  join org_unit so on so.id = s.org_id where (select ou.path from org_unit ou where ou.id = ${orgColumn}) like so.path || '%' order by length(so.path) desc limit 1), ${DEFAULT_SETTINGS.trainingHoursTarget})`;

export const registryStatistics: StatisticDef[] = [
  {
    id: 'enforcement.bodies',
    section: SECTION,
    label: '行政执法主体（有效）',
    unit: '个',
    compute: ({ ctx, orgId }) => one(ctx, sql`select count(*)::int as n from ${enforcementBody} where ${within(ctx, enforcementBody.orgId, orgId)} and ${qc(enforcementBody.status)} = 'active'`),
  },
  {
    id: 'enforcement.certificates_issued',
    section: SECTION,
    label: '制发行政执法证',
    unit: '本',
    compute: ({ ctx, year, orgId }) =>
      one(ctx, sql`select count(*)::int as n from ${enforcementCertificate} where ${within(ctx, enforcementCertificate.orgId, orgId)} and ${qc(enforcementCertificate.kind)} = 'enforcement' and ${inYear(enforcementCertificate.issuedDate, year)}`),
  },
  {
    id: 'enforcement.supervision_certificates_issued',
    section: SECTION,
    label: '制发行政执法监督证',
    unit: '本',
    compute: ({ ctx, year, orgId }) =>
      one(ctx, sql`select count(*)::int as n from ${enforcementCertificate} where ${within(ctx, enforcementCertificate.orgId, orgId)} and ${qc(enforcementCertificate.kind)} = 'supervision' and ${inYear(enforcementCertificate.issuedDate, year)}`),
  },
  {
    id: 'enforcement.certificates_revoked',
    section: SECTION,
    label: '清理（注销、吊销）执法证件',
    unit: '本',
    compute: ({ ctx, year, orgId }) =>
      one(ctx, sql`select count(*)::int as n from ${enforcementCertificate} where ${within(ctx, enforcementCertificate.orgId, orgId)} and ${qc(enforcementCertificate.status)} = 'revoked' and ${inYear(enforcementCertificate.statusDate, year)}`),
  },
  {
    id: 'enforcement.officers_trained',
    section: SECTION,
    label: '年度培训学时达标的执法人员',
    unit: '人',
    compute: ({ ctx, year, orgId }) =>
      one(
        ctx,
        sql`select count(*)::int as n from ${enforcementOfficer} where ${within(ctx, enforcementOfficer.orgId, orgId)} and ${qc(enforcementOfficer.status)} = 'active'
          and (select coalesce(sum(t.hours), 0) from enforcement_training t where t.officer_id = ${qc(enforcementOfficer.id)} and t.year = ${year}) >= ${targetHoursSql(enforcementOfficer.orgId)}`,
      ),
  },
  {
    id: 'enforcement.legal_reviewer_ratio',
    section: SECTION,
    label: '法制审核人员占执法人员比例',
    unit: '%',
    compute: async ({ ctx, orgId }) => {
      const [row] = await queryRows<{ total: number; reviewers: number }>(
        ctx.db,
        sql`select count(*)::int as total, count(*) filter (where ${qc(enforcementOfficer.isLegalReviewer)})::int as reviewers
            from ${enforcementOfficer} where ${within(ctx, enforcementOfficer.orgId, orgId)} and ${qc(enforcementOfficer.status)} = 'active'`,
      );
      if (!row || Number(row.total) === 0) return null;
      return Math.round((Number(row.reviewers) / Number(row.total)) * 1000) / 10;
    },
  },
  {
    id: 'enforcement.benchmarks_active',
    section: SECTION,
    label: '有效的行政裁量权基准',
    unit: '个',
    compute: ({ ctx, orgId }) => one(ctx, sql`select count(*)::int as n from ${discretionBenchmark} where ${within(ctx, discretionBenchmark.orgId, orgId)} and ${qc(discretionBenchmark.status)} = 'active'`),
  },
  {
    id: 'enforcement.benchmarks_abolished',
    section: SECTION,
    label: '清理（废止）行政裁量权基准',
    unit: '个',
    compute: ({ ctx, year, orgId }) =>
      one(ctx, sql`select count(*)::int as n from ${discretionBenchmark} where ${within(ctx, discretionBenchmark.orgId, orgId)} and ${qc(discretionBenchmark.status)} = 'abolished' and ${inYear(discretionBenchmark.abolishedDate, year)}`),
  },
];
