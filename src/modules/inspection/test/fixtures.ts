import type { TestClient } from '../../../../test/support/test-platform';

/** A valid order body for the given unit. */
export const orderBody = (orgId: number, over: Record<string, unknown> = {}) => ({
  orgId,
  title: '行政执法案卷评查问题整改',
  content: '经督察发现，你单位5卷重大执法决定未附法制审核意见。',
  requirement: '补正法制审核意见，建立法制审核台账。',
  dueDate: '2026-12-10',
  ...over,
});

export const planBody = (over: Record<string, unknown> = {}) => ({
  year: 2026,
  title: '2026年度法治政府建设督察',
  kind: 'annual',
  method: 'on_site',
  startDate: '2026-11-01',
  endDate: '2026-12-31',
  items: ['第一责任人职责落实情况', '行政执法三项制度落实情况'],
  inspectors: ['陈主任'],
  ...over,
});

export const findingBody = (orgId: number, over: Record<string, unknown> = {}) => ({
  orgId,
  description: '行政处罚裁量基准未及时更新。',
  category: '行政执法',
  requirement: '修订裁量基准并公布。',
  dueDate: '2026-12-31',
  foundOn: '2026-11-20',
  source: 'inspection',
  ...over,
});

/** Issues an order through the API. */
export const issueVia = async (client: TestClient, orgId: number, over: Record<string, unknown> = {}) => {
  const res = await client.post('/api/inspection/orders', orderBody(orgId, over));
  if (res.status !== 200) throw new Error(`签发失败: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; version: number; orderNo: string; status: string; orgId: number };
};

/** Applies a transition with the order's current version (read by `reader`, default the actor). */
export const actOn = async (client: TestClient, id: number, name: string, input: Record<string, unknown> = {}, reader: TestClient = client) => {
  const detail = await reader.get(`/api/inspection/orders/${id}`);
  return client.post(`/api/inspection/orders/${id}/transitions/${name}`, { version: detail.body.record.version, input });
};

export const SUBMIT = { measures: '召开专题会研究整改，补正审核意见。', result: '已全部整改到位。', completedOn: '2026-11-23' };
export const CLOSE = { verificationOpinion: '经核查整改到位，同意销号。' };
