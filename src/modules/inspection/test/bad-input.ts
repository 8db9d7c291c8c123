import { defineBadInputFixture } from '../../../../test/support/bad-input/fixture';
import { findingBody, orderBody, planBody } from './fixtures';

/** 法治督察: the office manages, issues and verifies; liaisonA rectifies. */
export const fixture = defineBadInputFixture({
  users: [[/^\/api\/inspection\//, 'office']],
  tables: ['inspection_plan', 'inspection_target', 'inspection_finding', 'supervision_order'],
  setup: async (world, login) => {
    const office = await login('office');
    const plan = await office.post('/api/inspection/plans', planBody());
    const target = await office.post(`/api/inspection/plans/${plan.body.id}/targets`, { orgId: world.units.countyADept });
    const order = await office.post('/api/inspection/orders', orderBody(world.units.countyADept));
    if (plan.status !== 200 || target.status !== 200 || order.status !== 200) throw new Error(`法治督察测试数据准备失败 ${JSON.stringify([plan.body, target.body, order.body])}`);
    const planId = String(plan.body.id);
    const targetId = String(target.body.id);
    const orderId = String(order.body.id);
    const pathValues = (route: string): Record<string, string> | undefined => {
      if (route.startsWith('/api/inspection/plans/{id}/targets/{targetId}')) return { id: planId, targetId };
      if (route.startsWith('/api/inspection/plans/{id}')) return { id: planId };
      if (route.startsWith('/api/inspection/orders/{id}')) return { id: orderId, name: 'withdraw' };
      return undefined;
    };
    const bodies: Record<string, Record<string, unknown>> = {
      'POST /api/inspection/plans': planBody(),
      'PUT /api/inspection/plans/{id}': { ...planBody(), status: 'in_progress', version: 999 },
      'POST /api/inspection/plans/{id}/delete': { version: 999 },
      'POST /api/inspection/plans/{id}/targets': { orgId: world.units.countyBGov },
      'PUT /api/inspection/plans/{id}/targets/{targetId}': { inspectedOn: '2026-11-20', conclusion: '基本落实', version: 999 },
      'POST /api/inspection/findings': findingBody(world.units.countyADept),
      'POST /api/inspection/orders': orderBody(world.units.countyADept),
      'POST /api/inspection/orders/from-deadline': { clockId: 999999, requirement: '依法办结', dueDate: '2026-12-10' },
      'POST /api/inspection/orders/{id}/transitions/{name}': { version: 999, input: { reason: '撤销' } },
    };
    return { pathValues, validBody: (key: string) => bodies[key] };
  },
});
