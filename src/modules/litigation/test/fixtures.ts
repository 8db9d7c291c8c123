/** Helpers for the litigation module's tests: valid bodies, registering and acting through HTTP or the use cases. */
import type { Ctx } from '../../../kernel/context';
import { registerCase } from '../service/register-case';
import { transitionCase } from '../service/transition-case';
import { getCaseDetail } from '../service/get-case-detail';
import { addHearing } from '../service/case-records';
import type { HearingInput, RegisterCaseInput } from '../contract';
import type { TestClient, TestWorld } from '../../../../test/support/test-platform';
import { addDays } from '../../../kernel/shared/local-date';

/** A valid registration body (JSON): 张三 v. 甲县自然资源局, served on the filing day. */
export const caseBody = (world: TestWorld, over: Record<string, unknown> = {}) => ({
  orgId: world.units.countyADept,
  courtName: '甲县人民法院',
  courtCaseNo: '（2026）测0102行初15号',
  instance: 'first',
  procedure: 'ordinary',
  parentCaseId: null,
  plaintiffs: [{ name: '张三', type: 'citizen', idNumber: '11010519491231002X', phone: '13800138000' }],
  thirdParties: null,
  cause: 'penalty',
  contestedAct: '甲自然资罚〔2026〕12号行政处罚决定',
  afterReconsideration: false,
  reconsiderationDecisionNo: null,
  filedDate: '2026-11-16',
  servedDate: '2026-11-20',
  ...over,
});

export const registerVia = async (client: TestClient, world: TestWorld, over: Record<string, unknown> = {}) => {
  const res = await client.post('/api/litigation/cases', caseBody(world, over));
  if (res.status !== 200) throw new Error(`登记失败: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; version: number; caseNo: string; status: string };
};

export const actVia = async (client: TestClient, id: number, name: string, input: Record<string, unknown> = {}) => {
  const detail = await client.get(`/api/litigation/cases/${id}`);
  return client.post(`/api/litigation/cases/${id}/transitions/${name}`, { version: detail.body.record.version, input });
};

export const ctxAt = async (world: TestWorld, day: string, username: string): Promise<Ctx> => {
  world.clock.set(`${day}T09:00:00`);
  return world.ctxAs(username);
};

/** Registers a case through the use case on `day` (filed that day; served that day unless `servedDate: null`). */
export const newCase = async (world: TestWorld, day: string, over: Partial<RegisterCaseInput> = {}, username = 'liaisonA') => {
  const ctx = await ctxAt(world, day, username);
  return registerCase(ctx, { ...(caseBody(world, { filedDate: day, servedDate: day }) as RegisterCaseInput), ...over });
};

export const step = async (world: TestWorld, day: string, id: number, name: string, input: Record<string, unknown> = {}, username = 'liaisonA') => {
  const ctx = await ctxAt(world, day, username);
  const d = await getCaseDetail(ctx, id);
  return transitionCase(ctx, id, name, { version: d.record.version, input });
};

export const hearingBody = (over: Partial<HearingInput> = {}): HearingInput => ({
  hearingDate: '2026-11-20',
  courtRoom: '第一法庭',
  noticeServedDate: '2026-11-10',
  identityFiledDate: '2026-11-18',
  attendance: 'deputy',
  headName: '李副局长',
  headPost: '副局长',
  absenceReason: null,
  absenceProof: null,
  headSpoke: true,
  note: null,
  ...over,
});

export const hearingOn = async (world: TestWorld, day: string, id: number, over: Partial<HearingInput> = {}, username = 'liaisonA') =>
  addHearing(await ctxAt(world, day, username), id, hearingBody({ hearingDate: day, noticeServedDate: addDays(day, -7), identityFiledDate: addDays(day, -1), ...over }));

/** The open (or latest) clock of a case by key. */
export const clockOf = async (world: TestWorld, id: number, key: string, username = 'office') => {
  const d = await getCaseDetail(await world.ctxAs(username), id);
  return d.deadlines.find((c) => c.clockKey === key && c.status !== 'stopped') ?? d.deadlines.find((c) => c.clockKey === key);
};
