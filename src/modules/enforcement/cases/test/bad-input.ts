/** Bad-input fixture of the enforcement cases area: who calls its routes, its tables and valid records and values. */
import { defineBadInputFixture } from '../../../../../test/support/bad-input/fixture';
import { caseBody, DECIDE, NOTIFY, setupBody, WAIVE } from './fixtures';

export const fixture = defineBadInputFixture({
  users: [
    [/^\/api\/enforcement\/cases\/import/, 'supervisorA'],
    [/^\/api\/enforcement\/(cases|publications)/, 'staffA'],
    [/^\/api\/public\/enforcement\/publications/, 'staffA'],
  ],
  tables: ['enforcement_case', 'enforcement_publication'],
  setup: async (world, login) => {
    const s = await setupBody(world, world.units.countyADept);
    const h = await login('staffA');
    const created = await h.post('/api/enforcement/cases', caseBody(s));
    const c = created.body as { id: number; version: number };
    // A decided case (its 公示 record exists).
    const d = (await h.post('/api/enforcement/cases', caseBody(s))).body as { id: number };
    const act = async (name: string, input: Record<string, unknown>) => {
      const v = (await h.get(`/api/enforcement/cases/${d.id}`)).body.record.version as number;
      await h.post(`/api/enforcement/cases/${d.id}/transitions/${name}`, { version: v, input });
    };
    await act('investigate', {});
    await act('notify', NOTIFY('2026-11-23'));
    // Decided the same day: after the party's express waiver (行政处罚法第六十二条).
    await act('waive', WAIVE('2026-11-23'));
    await act('decide', DECIDE('2026-11-23'));
    const pub = (await h.get(`/api/enforcement/cases/${d.id}`)).body.publication.record as { id: number; version: number };
    return {
      pathValues: (route): Record<string, string> | undefined => {
        if (route.startsWith('/api/enforcement/cases/{id}')) return { id: String(c.id), name: 'investigate' };
        if (route.startsWith('/api/enforcement/publications/{id}')) return { id: String(pub.id), name: 'publish' };
        return undefined;
      },
      validBody: (key) =>
        ({
          'POST /api/enforcement/cases': caseBody(s),
          'POST /api/enforcement/cases/{id}/reveal': { reason: '送达文书核对联系方式' },
          'POST /api/enforcement/cases/{id}/transitions/{name}': { version: c.version, input: {} },
          'POST /api/enforcement/publications/{id}/transitions/{name}': { version: pub.version, input: { publishedDate: '2026-11-23', conclusion: '罚款三千元' } },
        })[key],
    };
  },
});
