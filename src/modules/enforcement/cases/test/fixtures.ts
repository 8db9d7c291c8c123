/** Helpers for the enforcement cases area's tests: a body with certified officers, items and a benchmark; cases through HTTP or the use cases. */
import type { Ctx } from '../../../../kernel/context';
import { enforcementCertificate } from '../../registry/schema';
import { createCase } from '../service/create-case';
import { getCaseDetail } from '../service/get-case-detail';
import { transitionCase, transitionPublication } from '../service/transition-case';
import type { CreateCaseInput } from '../contract';
import { insertBenchmark, insertBody, insertItem, insertOfficer } from '../../test/fixtures';
import type { TestClient, TestWorld } from '../../../../../test/support/test-platform';

let certNo = 0;
/** A 行政执法证 for an officer (valid, no expiry, unless overridden). */
export const insertCertificate = async (world: TestWorld, officer: { id: number; orgId: number }, over: Partial<typeof enforcementCertificate.$inferInsert> = {}) => {
  certNo += 1;
  const [row] = await world.platform.services.db
    .insert(enforcementCertificate)
    .values({ officerId: officer.id, orgId: officer.orgId, kind: 'enforcement', certNo: `TEST-ZF-${Date.now()}-${certNo}`, issuedDate: '2023-01-01', ...over })
    .returning();
  return row!;
};

export interface CaseSetup {
  body: { id: number; orgId: number; name: string };
  officers: { id: number; name: string }[];
  uncertified: { id: number; name: string };
  items: { penalty: number; licence: number; inspection: number; compulsory: number };
  benchmark: { id: number };
}

/** A body of `orgId` with three certified officers, one without a certificate, one item of each kind and an ordinary benchmark (1,000–5,000 元). */
export const setupBody = async (world: TestWorld, orgId: number, name?: string): Promise<CaseSetup> => {
  const body = await insertBody(world, orgId, name ? { name } : {});
  const officers = [];
  for (let i = 0; i < 3; i += 1) {
    const o = await insertOfficer(world, body);
    await insertCertificate(world, o);
    officers.push({ id: o.id, name: o.name });
  }
  const u = await insertOfficer(world, body);
  const penalty = await insertItem(world, body, { kind: 'penalty', name: '对未取得食品经营许可从事食品经营活动的处罚' });
  const licence = await insertItem(world, body, { kind: 'licence', name: '食品经营许可' });
  const inspection = await insertItem(world, body, { kind: 'inspection', name: '食品经营日常监督检查' });
  const compulsory = await insertItem(world, body, { kind: 'compulsory', name: '查封、扣押不符合食品安全标准的食品' });
  const benchmark = await insertBenchmark(world, penalty, { level: 'ordinary', fineMinFen: 100_000, fineMaxFen: 500_000 });
  return { body, officers, uncertified: { id: u.id, name: u.name }, items: { penalty: penalty.id, licence: licence.id, inspection: inspection.id, compulsory: compulsory.id }, benchmark };
};

/** A valid registration body (JSON). */
export const caseBody = (s: CaseSetup, over: Record<string, unknown> = {}) => ({
  bodyId: s.body.id,
  itemId: s.items.penalty,
  kind: 'penalty',
  caseNo: null,
  title: '某某食品店未取得食品经营许可从事食品经营案',
  partyName: '王建国',
  partyKind: 'citizen',
  partyIdNumber: '11010519491231002X',
  partyPhone: '13800138000',
  enterpriseRelated: false,
  isMajor: false,
  majorGround: null,
  riskClass: null,
  officerIds: [s.officers[0]!.id, s.officers[1]!.id],
  filedDate: '2026-11-23',
  ...over,
});

/** Sets the clock to 09:00 of `day` and returns a use-case context acting as `username`. */
export const ctxAt = async (world: TestWorld, day: string, username: string): Promise<Ctx> => {
  world.clock.set(`${day}T09:00:00`);
  return world.ctxAs(username);
};

/** Registers a case through the use case on `day`. */
export const newCase = async (world: TestWorld, s: CaseSetup, day: string, over: Record<string, unknown> = {}, username = 'staffA') =>
  createCase(await ctxAt(world, day, username), caseBody(s, { filedDate: day, ...over }) as CreateCaseInput);

/** Applies a transition through the use case on `day` (version read fresh). */
export const step = async (world: TestWorld, day: string, id: number, name: string, input: Record<string, unknown> = {}, username = 'staffA') => {
  const ctx = await ctxAt(world, day, username);
  const d = await getCaseDetail(ctx, id);
  return transitionCase(ctx, id, name, { version: d.record.version, input });
};

/** Applies a transition of the case's 公示 record on `day`. */
export const pubStep = async (world: TestWorld, day: string, caseId: number, name: string, input: Record<string, unknown>, username = 'staffA') => {
  const ctx = await ctxAt(world, day, username);
  const d = await getCaseDetail(ctx, caseId);
  return transitionPublication(ctx, d.publication!.record.id, name, { version: d.publication!.record.version, input });
};

/** Applies a transition through the API with the case's current version. */
export const actVia = async (client: TestClient, id: number, name: string, input: Record<string, unknown> = {}) => {
  const detail = await client.get(`/api/enforcement/cases/${id}`);
  return client.post(`/api/enforcement/cases/${id}/transitions/${name}`, { version: detail.body.record.version, input });
};

/** The clock of a case (or of its 公示 with `pub`) by key. */
export const clockOf = async (world: TestWorld, id: number, key: string, pub = false, username = 'staffA') => {
  const d = await getCaseDetail(await world.ctxAs(username), id);
  const list = pub ? (d.publication?.deadlines ?? []) : d.deadlines;
  return list.find((c) => c.clockKey === key && c.status !== 'stopped') ?? list.find((c) => c.clockKey === key);
};

export const DECIDE = (day: string, over: Record<string, unknown> = {}) => ({
  decidedDate: day,
  decisionType: 'punish',
  decisionNo: '甲市监罚决〔2026〕1号',
  decisionContent: '罚款人民币三千元，责令改正。',
  fineYuan: 3000,
  benchmarkLevel: 'ordinary',
  ...over,
});
/** 告知 on `day` with a 陈述、申辩 period of `statementDays` working days. */
export const NOTIFY = (day: string, hearing = false, statementDays = 5) => ({
  noticeDate: day,
  noticeFacts: '经查，当事人未取得食品经营许可从事食品经营活动。',
  proposedPenalty: '罚款三千元',
  hearingRightNotice: hearing ? 'yes' : 'no',
  statementDays,
});
/** The party's express waiver on `day` (of 陈述申辩 and, with `hearing`, of the hearing too): a decision may follow that day (第六十二条). */
export const WAIVE = (day: string, hearing = false) => ({
  waiverDate: day,
  waiverScope: hearing ? 'statement_and_hearing' : 'statement',
  waiverNote: hearing ? '当事人当场签署书面声明，明确放弃陈述、申辩和听证权利。' : '当事人当场签署书面声明，明确放弃陈述、申辩权利。',
});
