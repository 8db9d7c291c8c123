/**
 * Helpers for the demonstration module's tests: a small indicator edition (2 一级, 3 二级, 4 三级 with
 * scores), tasks created through the API, and transitions with the record's current version.
 */
import type { TestClient, TestWorld } from '../../../../test/support/test-platform';
import { createEdition } from '../service/editions';
import { createIndicator } from '../service/save-indicator';

export interface DemoEdition {
  editionId: number;
  /** Indicator ids by code. */
  ids: Record<string, number>;
}

/** Creates a current edition: 1 → 1.1 → 1.1.1 (3分), 1.1.2 (4分); 1.2 → 1.2.1 (2分); 2 → 2.1 → 2.1.1 (5分). */
export const seedEdition = async (world: TestWorld, code = '2021'): Promise<DemoEdition> => {
  const ctx = await world.ctxAs('office');
  const edition = await createEdition(ctx, { code, name: `示范指标体系 ${code}`, note: null, isCurrent: true });
  const ids: Record<string, number> = {};
  const rows: [string, string, number | null][] = [
    ['1', '政府职能依法全面履行', null],
    ['1.1', '加大简政放权力度', null],
    ['1.1.1', '政务服务便利化', 3],
    ['1.1.2', '依法实施行政许可', 4],
    ['1.2', '优化营商环境', null],
    ['1.2.1', '公平竞争审查', 2],
    ['2', '依法行政制度体系', null],
    ['2.1', '规范性文件管理', null],
    ['2.1.1', '规范性文件备案审查', 5],
  ];
  for (const [c, name, score] of rows) {
    const parent = c.includes('.') ? ids[c.split('.').slice(0, -1).join('.')]! : null;
    const row = await createIndicator(ctx, {
      editionId: edition.id,
      parentId: parent,
      code: c,
      name,
      standard: c.length === 5 ? `${name}的评价标准` : null,
      evidenceRequired: null,
      maxScore: score,
      confirmed: c.startsWith('1.1') || c === '1',
      statisticId: null,
      sortOrder: 0,
    });
    ids[c] = row.id;
  }
  return { editionId: edition.id, ids };
};

/** Creates a task through the API; returns the task and its assignments. */
export const createTaskVia = async (client: TestClient, body: Record<string, unknown>) => {
  const res = await client.post('/api/demonstration/tasks', body);
  if (res.status !== 200) throw new Error(`分解任务失败: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { task: { id: number }; assignments: { id: number; orgId: number; role: string; status: string; version: number }[] };
};

/** Applies a transition with the assignment's current version. */
export const actOn = async (client: TestClient, id: number, name: string, input: Record<string, unknown> = {}) => {
  const detail = await client.get(`/api/demonstration/assignments/${id}`);
  if (detail.status !== 200) return detail;
  return client.post(`/api/demonstration/assignments/${id}/transitions/${name}`, { version: detail.body.record.version, input });
};

/** Uploads a small PDF as evidence of an assignment. */
export const uploadEvidence = async (client: TestClient, assignmentId: number, name = '佐证材料.pdf') => {
  const f = new FormData();
  f.set('ownerType', 'task_assignment');
  f.set('ownerId', String(assignmentId));
  f.set('file', new File([new TextEncoder().encode('%PDF-1.4\n% 佐证材料\n')], name, { type: 'application/pdf' }));
  return client.request('POST', '/api/attachments', f);
};

export const REPORT = { progressSummary: '已制定工作方案并印发', progressPercent: 60, selfScore: 85 };
