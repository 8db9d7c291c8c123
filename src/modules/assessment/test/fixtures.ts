import type { TestClient, TestWorld } from '../../../../test/support/test-platform';

/** Items of a small scheme: 100 points, one automatic (按期答复率) and one 民主测评 item. */
export const ITEMS = [
  { sortOrder: 1, name: '第一责任人职责', maxScore: '30', scorer: 'office', rule: '专题研究法治建设不少于2次' },
  { sortOrder: 2, name: '执法三项制度', maxScore: '30', scorer: 'third_party', rule: '案卷评查' },
  { sortOrder: 3, name: '按期答复率', maxScore: '20', scorer: 'auto', statisticId: 'disclosure.on_time_rate', autoRule: 'rate' },
  { sortOrder: 4, name: '民主测评', maxScore: '20', scorer: 'democratic' },
] as const;

export const schemeBody = (over: Record<string, unknown> = {}) => ({
  year: 2026,
  title: '2026年度法治建设考核方案',
  weightInTarget: '15',
  dutyReportDueDate: '2026-11-30',
  note: '法治建设分值占目标责任制考核15%',
  ...over,
});

const ok = (res: { status: number; body: unknown }, what: string) => {
  if (res.status !== 200) throw new Error(`${what}失败: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies are checked by assertions
};

/** Creates a scheme with ITEMS and the given units through the API; published unless `draft`. */
export const createScheme = async (office: TestClient, orgIds: number[], opts: { draft?: boolean; items?: readonly Record<string, unknown>[] } = {}) => {
  const scheme = ok(await office.post('/api/assessment/schemes', schemeBody()), '新建方案');
  let version = scheme.version as number;
  const itemIds: number[] = [];
  for (const item of opts.items ?? ITEMS) {
    const r = ok(await office.post(`/api/assessment/schemes/${scheme.id}/items`, { item, version }), '新增项目');
    version = r.schemeVersion;
    itemIds.push(r.item.id);
  }
  version = ok(await office.request('PUT', `/api/assessment/schemes/${scheme.id}/targets`, { orgIds, version }), '设置单位').version;
  if (!opts.draft) version = ok(await office.post(`/api/assessment/schemes/${scheme.id}/publish`, { version }), '发布').version;
  return { id: scheme.id as number, version, itemIds };
};

/** The units of the test world assessed by default: 甲县自然资源局, 甲县政府办, 乙县政府办. */
export const defaultTargets = (world: TestWorld) => [world.units.countyADept, world.units.countyAGov, world.units.countyBGov];

/** A valid 述职述法 body for a unit. */
export const dutyReportBody = (orgId: number, over: Record<string, unknown> = {}) => ({
  orgId,
  year: 2026,
  reporterName: '张志强',
  reporterTitle: '党组书记、局长',
  form: 'written',
  reportDate: '2026-11-20',
  summary: '今年以来认真履行推进法治建设第一责任人职责，专题研究法治建设3次，组织集体学法6次。',
  problems: '执法人员法治意识有待提高',
  plans: '加强执法人员培训',
  ...over,
});

export const studyBody = (orgId: number, over: Record<string, unknown> = {}) => ({
  orgId,
  date: '2026-10-15',
  topic: '《行政复议法》解读',
  form: 'center_group',
  lecturer: '市司法局 许明',
  attendeeCount: 12,
  attendees: '领导班子成员',
  durationHours: '1.5',
  ...over,
});

export { ok };
