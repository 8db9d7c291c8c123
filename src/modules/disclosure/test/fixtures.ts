import type { TestClient, TestWorld } from '../../../../test/support/test-platform';

/** A valid registration body for the given unit. */
export const requestBody = (orgId: number, over: Record<string, unknown> = {}) => ({
  orgId,
  channel: 'in_person',
  receivedDate: '2026-11-23',
  applicantType: 'citizen',
  applicantName: '张三',
  applicantIdNumber: '11010519491231002X',
  applicantPhone: '13800138000',
  applicantEmail: 'zhangsan@example.com',
  applicantAddress: '示范省测试市甲县城关镇人民路1号',
  content: '2025年本县城乡低保资金发放情况',
  purpose: '了解情况',
  deliveryMethod: 'email',
  ...over,
});

/** Registers a request through the API and returns its detail. */
export const registerVia = async (client: TestClient, orgId: number, over: Record<string, unknown> = {}) => {
  const res = await client.post('/api/disclosure/requests', requestBody(orgId, over));
  if (res.status !== 200) throw new Error(`登记失败: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; version: number; requestNo: string; receiptCode: string; status: string };
};

/** Applies a transition through the API with the record's current version. */
export const act = async (client: TestClient, id: number, name: string, input: Record<string, unknown> = {}) => {
  const detail = await client.get(`/api/disclosure/requests/${id}`);
  return client.post(`/api/disclosure/requests/${id}/transitions/${name}`, { version: detail.body.record.version, input });
};

/** The reply deadline of a request, as the detail page shows it. */
export const replyDeadline = async (client: TestClient, id: number) => {
  const detail = await client.get(`/api/disclosure/requests/${id}`);
  return (detail.body.deadlines as { clockKey: string; status: string; dueDate: string; tone: string }[]).find((d) => d.clockKey === 'reply' && d.status !== 'stopped');
};

export type { TestWorld };
