/** Test fixtures of 示例台账: a valid registration and registering through the API. */
import type { TestClient, TestWorld } from '../../../../test/support/test-platform';

export const recordBody = (world: TestWorld, over: Record<string, unknown> = {}) => ({
  title: '测试事项',
  orgId: world.units.countyAGov,
  receivedOn: '2026-11-20',
  content: '事项内容',
  ...over,
});

/** Registers a record as `client`; fails the test unless it succeeds. */
export const registerVia = async (client: TestClient, world: TestWorld, over: Record<string, unknown> = {}): Promise<{ id: number; version: number }> => {
  const res = await client.post('/api/sample-desk/records', recordBody(world, over));
  if (res.status !== 200) throw new Error(`登记失败：${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; version: number };
};
