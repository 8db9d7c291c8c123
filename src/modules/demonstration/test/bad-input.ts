/** Bad-input fixture of 示范创建: an edition with indicators and one assignment in 待审核. */
import { defineBadInputFixture, type BadInputValues } from '../../../../test/support/bad-input/fixture';
import { actOn, createTaskVia, REPORT, seedEdition } from './fixtures';

export const fixture = defineBadInputFixture({
  users: [
    [/^\/api\/demonstration\/assignments\/\{id\}\/transitions/, 'office'],
    [/^\/api\/demonstration\//, 'office'],
  ],
  tables: ['indicator_edition', 'indicator', 'demo_task', 'task_assignment', 'task_progress'],
  setup: async (world, login) => {
    const office = await login('office');
    const liaison = await login('liaisonA');
    const ed = await seedEdition(world, 'bad-input');
    const { assignments } = await createTaskVia(office, { indicatorId: ed.ids['1.1.1'], title: '错误输入测试任务', dueDate: '2026-12-31', leadOrgId: world.units.countyADept });
    const id = assignments[0]!.id;
    await actOn(liaison, id, 'report', REPORT);
    const version = (await office.get(`/api/demonstration/assignments/${id}`)).body.record.version as number;
    const ind = (await office.get(`/api/demonstration/indicators/${ed.ids['1.1.2']}`)).body as { id: number; version: number };
    const edition = (await office.get('/api/demonstration/editions')).body.items[0] as { id: number; version: number };
    const values: BadInputValues = {
      pathValues: (route): Record<string, string> | undefined => {
        if (route.startsWith('/api/demonstration/assignments/{id}')) return { id: String(id), name: 'close' };
        if (route.startsWith('/api/demonstration/indicators/{id}')) return { id: String(ind.id) };
        if (route.startsWith('/api/demonstration/editions/{id}')) return { id: String(edition.id) };
        return undefined;
      },
      validQuery: (key) => (key === 'DELETE /api/demonstration/indicators/{id}' ? { version: String(ind.version + 100) } : undefined),
      validBody: (key) =>
        (({
          'POST /api/demonstration/editions': { code: 'bad-2', name: '新版本', note: '说明', isCurrent: false },
          'POST /api/demonstration/editions/{id}/make-current': { version: edition.version + 100 },
          'POST /api/demonstration/indicators': { editionId: ed.editionId, parentId: ed.ids['1.1'], code: '1.1.9', name: '新指标', standard: '标准', evidenceRequired: '材料', maxScore: 2, confirmed: false, statisticId: 'disclosure.received', sortOrder: 1 },
          'PATCH /api/demonstration/indicators/{id}': { version: ind.version, name: '改名', standard: '标准', evidenceRequired: '材料', maxScore: 3, confirmed: true, statisticId: 'disclosure.received', sortOrder: 1 },
          'POST /api/demonstration/tasks': { indicatorId: ed.ids['1.1.1'], title: '任务', measures: '措施', evidenceRequired: '材料', dueDate: '2026-12-31', leadOrgId: world.units.countyADept, coOrgIds: [world.units.countyBGov] },
          'POST /api/demonstration/assignments/{id}/transitions/{name}': { version, input: { score: 90, comment: '销号' } },
        }) as Record<string, Record<string, unknown>>)[key],
    };
    return values;
  },
});
