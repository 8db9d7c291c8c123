/**
 * Test support for the enforcement areas: rows of the core tables (bodies, officers, items, benchmarks,
 * cases) written directly, so that each area's tests stand on their own without going through another
 * area's API.
 */
import { blindIndex, encryptField } from '../../../kernel';
import { discretionBenchmark, enforcementBody, enforcementItem, enforcementOfficer } from '../registry/schema';
import { enforcementCase } from '../cases/schema';
import type { TestWorld } from '../../../../test/support/test-platform';

let serialNo = 0;
const next = (): number => (serialNo += 1);

export const insertBody = async (world: TestWorld, orgId: number, over: Partial<typeof enforcementBody.$inferInsert> = {}) => {
  const [row] = await world.platform.services.db
    .insert(enforcementBody)
    .values({ orgId, name: `测试执法主体${next()}`, kind: 'statutory', legalBasis: '《中华人民共和国行政处罚法》', confirmedDate: '2026-01-05', ...over })
    .returning();
  return row!;
};

export const insertOfficer = async (world: TestWorld, body: { id: number; orgId: number }, over: Partial<typeof enforcementOfficer.$inferInsert> & { idNumberPlain?: string } = {}) => {
  const { keys } = world.platform.services;
  const idNumber = over.idNumberPlain ?? `11010119900101${String(1000 + next()).slice(-4)}`;
  const { idNumberPlain: _ignored, ...rest } = over;
  void _ignored;
  const [row] = await world.platform.services.db
    .insert(enforcementOfficer)
    .values({ orgId: body.orgId, bodyId: body.id, name: `执法员${next()}`, idNumber: encryptField(keys.field, idNumber), idNumberHash: blindIndex(keys, idNumber), ...rest })
    .returning();
  return row!;
};

export const insertItem = async (world: TestWorld, body: { id: number; orgId: number }, over: Partial<typeof enforcementItem.$inferInsert> = {}) => {
  const n = next();
  const [row] = await world.platform.services.db
    .insert(enforcementItem)
    .values({ orgId: body.orgId, bodyId: body.id, code: `CF-${n}`, name: `测试处罚事项${n}`, kind: 'penalty', legalBasis: '《测试条例》第十条', ...over })
    .returning();
  return row!;
};

export const insertBenchmark = async (world: TestWorld, item: { id: number; orgId: number }, over: Partial<typeof discretionBenchmark.$inferInsert> = {}) => {
  const [row] = await world.platform.services.db
    .insert(discretionBenchmark)
    .values({ itemId: item.id, orgId: item.orgId, circumstance: '初次违法且情节一般', level: 'ordinary', fineMinFen: 100_000, fineMaxFen: 500_000, madeBy: '测试局', madeDate: '2025-06-01', ...over })
    .returning();
  return row!;
};

/** A case row in any state (default: decided and closed), for areas that read cases (案卷评查, 监督). */
export const insertCase = async (world: TestWorld, body: { id: number; orgId: number }, over: Partial<typeof enforcementCase.$inferInsert> = {}) => {
  const n = next();
  const [row] = await world.platform.services.db
    .insert(enforcementCase)
    .values({
      orgId: body.orgId,
      bodyId: body.id,
      caseNo: `测罚〔2026〕${n}号`,
      kind: 'penalty',
      title: `某公司违法经营案${n}`,
      partyName: `某某有限公司${n}`,
      partyKind: 'legal_person',
      enterpriseRelated: true,
      filedDate: '2026-03-02',
      decidedDate: '2026-04-10',
      closedDate: '2026-05-06',
      status: 'closed',
      ...over,
    })
    .returning();
  return row!;
};
