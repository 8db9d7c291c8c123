/** Helpers for the reconsideration module's tests: valid bodies, registering and acting through HTTP or the use cases. */
import type { Ctx } from '../../../kernel/context';
import { registerCase } from '../service/register-case';
import { transitionCase } from '../service/transition-case';
import { getCaseDetail } from '../service/get-case-detail';
import type { RegisterCaseInput } from '../contract';
import type { TestClient, TestWorld } from '../../../../test/support/test-platform';

/** A valid registration body (JSON) for 甲县司法局 against 甲县自然资源局. */
export const caseBody = (world: TestWorld, over: Record<string, unknown> = {}) => ({
  orgId: world.units.countyAJustice,
  respondentOrgId: world.units.countyADept,
  channel: 'letter',
  receivedDate: '2026-11-23',
  applicants: [{ name: '张三', type: 'citizen', idNumber: '11010519491231002X', phone: '13800138000', address: '示范省测试市甲县城关镇人民路1号' }],
  thirdParties: [],
  agent: null,
  actName: '责令限期拆除违法建筑决定',
  actDocNo: '甲自然资罚〔2026〕12号',
  actDate: '2026-11-01',
  knewDate: '2026-11-05',
  notInformed: false,
  rightsKnownDate: null,
  obstacleDays: 0,
  realProperty: true,
  field: 'natural_resources',
  request: '请求撤销被申请人作出的责令限期拆除决定',
  factsReasons: '被申请人认定事实不清，未听取申请人陈述申辩。',
  ...over,
});

/** Registers a case through the API. */
export const registerCaseVia = async (client: TestClient, world: TestWorld, over: Record<string, unknown> = {}) => {
  const res = await client.post('/api/reconsideration/cases', caseBody(world, over));
  if (res.status !== 200) throw new Error(`登记失败: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; version: number; caseNo: string; receiptCode: string; status: string; applicationLate: boolean; applicationDeadline: string };
};

/** Applies a transition through the API with the case's current version. */
export const actVia = async (client: TestClient, id: number, name: string, input: Record<string, unknown> = {}) => {
  const detail = await client.get(`/api/reconsideration/cases/${id}`);
  return client.post(`/api/reconsideration/cases/${id}/transitions/${name}`, { version: detail.body.record.version, input });
};

/** Sets the clock to 09:00 of `day` and returns a use-case context acting as `username`. */
export const ctxAt = async (world: TestWorld, day: string, username: string): Promise<Ctx> => {
  world.clock.set(`${day}T09:00:00`);
  return world.ctxAs(username);
};

/** Registers a case through the use case, on the clock's day `day`. */
export const newCase = async (world: TestWorld, day: string, over: Partial<RegisterCaseInput> = {}, username = 'reconA') => {
  const ctx = await ctxAt(world, day, username);
  return registerCase(ctx, { ...(caseBody(world, { receivedDate: day, knewDate: day, actDate: null }) as RegisterCaseInput), ...over });
};

/** Applies a transition through the use case on `day` (version read fresh). */
export const step = async (world: TestWorld, day: string, id: number, name: string, input: Record<string, unknown> = {}, username = 'reconA') => {
  const ctx = await ctxAt(world, day, username);
  const d = await getCaseDetail(ctx, id);
  return transitionCase(ctx, id, name, { version: d.record.version, input });
};

/** The open (or latest) clock of a case by key, as the detail shows it. */
export const clockOf = async (world: TestWorld, id: number, key: string, username = 'reconA') => {
  const d = await getCaseDetail(await world.ctxAs(username), id);
  return d.deadlines.find((c) => c.clockKey === key && c.status !== 'stopped') ?? d.deadlines.find((c) => c.clockKey === key);
};
