/** Bad-input fixture of 双随机一公开: who calls its routes, its tables and valid records and values. */
import { defineBadInputFixture } from '../../../../test/support/bad-input/fixture';
import { code, drawnPlan, planBody, resultsOf, seedPools } from './fixtures';

export const fixture = defineBadInputFixture({
  users: [
    [/^\/api\/random-inspection\/(plans|targets|inspectors|results)\/export/, 'supervisorA'],
    [/^\/api\/random-inspection\/results\//, 'staffA'],
    [/^\/api\/random-inspection\//, 'liaisonA'],
  ],
  tables: [
    'random_inspection_item',
    'random_inspection_inspector',
    'random_inspection_target',
    'random_inspection_rules',
    'random_inspection_plan',
    'random_inspection_plan_unit',
    'random_inspection_draw',
    'random_inspection_inspection',
    'random_inspection_result',
    'random_inspection_setting',
  ],
  setup: async (world) => {
    const pools = await seedPools(world, '2026-11-23');
    const plan = await drawnPlan(world, pools, '2026-11-23');
    const result = (await resultsOf(world, plan.id)).find((r) => r.orgId === world.units.countyADept)!;
    world.clock.set('2026-11-23T09:00:00');
    const body = planBody(world, pools);
    return {
      pathValues: (route): Record<string, string> | undefined => {
        if (route.startsWith('/api/random-inspection/plans/{id}')) return { id: String(plan.id), name: 'redraw' };
        if (route.startsWith('/api/random-inspection/results/{id}')) return { id: String(result.id), name: 'record' };
        if (route === '/api/random-inspection/items/{id}') return { id: String(pools.itemA) };
        if (route === '/api/random-inspection/inspectors/{id}') return { id: String(pools.inspectorsA[1]) };
        if (route === '/api/random-inspection/targets/{id}') return { id: '1' };
        return undefined;
      },
      validQuery: (key) => (key === 'GET /api/random-inspection/board/items' ? { orgId: String(world.units.countyADept) } : undefined),
      validBody: (key) =>
        ({
          'POST /api/random-inspection/items': { orgId: world.units.countyADept, name: '新事项', kind: 'key', legalBasis: '《土地管理法》', targetType: 'enterprise', ratioPercent: 10, frequencyPerYear: 2, active: true },
          'PUT /api/random-inspection/items/{id}': { orgId: world.units.countyADept, name: '改名事项', kind: 'key', legalBasis: '《土地管理法》', targetType: 'enterprise', ratioPercent: 10, frequencyPerYear: 2, active: true, version: 1 },
          'POST /api/random-inspection/inspectors': { orgId: world.units.countyADept, name: '新人员', certificateNo: 'JA-7777', expertise: '矿产', conflictCodes: [code(7)], active: true },
          'PUT /api/random-inspection/inspectors/{id}': { orgId: world.units.countyADept, name: '李检查', certificateNo: 'JA-0002', expertise: '矿产', conflictCodes: [], active: true, version: 1 },
          'POST /api/random-inspection/targets': { orgId: world.units.countyADept, name: '新企业', creditCode: code(8888), type: 'enterprise', industry: '', region: '', creditGrade: 'B', active: true },
          'PUT /api/random-inspection/targets/{id}': { orgId: world.units.countyADept, name: '改名企业', creditCode: code(1), type: 'enterprise', industry: '', region: '', creditGrade: 'B', active: true, version: 1 },
          'POST /api/random-inspection/rules': { orgId: world.units.countyADept, title: '抽查工作细则', content: '第一条 为规范双随机抽查工作，制定本细则。', effectiveDate: '2026-11-23' },
          'POST /api/random-inspection/plans': body,
          'POST /api/random-inspection/plans/{id}/transitions/{name}': { version: 3, input: { reason: '名录更新' } },
          'POST /api/random-inspection/plans/{id}/verify': {},
          'POST /api/random-inspection/results/{id}/transitions/{name}': { version: result.version, input: { outcome: 'no_problem', resultDate: '2026-11-23' } },
          'PUT /api/random-inspection/settings': { orgId: world.units.countyADept, gradedTarget: 80, jointTarget: 50 },
        })[key],
    };
  },
});
