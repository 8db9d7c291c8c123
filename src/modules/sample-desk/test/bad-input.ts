/** Bad-input fixture of 示例台账: who calls its routes, its tables and valid records and values. */
import { defineBadInputFixture } from '../../../../test/support/bad-input/fixture';
import { recordBody, registerVia } from './fixtures';

export const fixture = defineBadInputFixture({
  users: [[/^\/api\/sample-desk\//, 'sampleDeskA']],
  tables: ['sample_desk_record'],
  setup: async (world, login) => {
    const r = await registerVia(await login('sampleDeskA'), world);
    return {
      pathValues: (route) => (route.startsWith('/api/sample-desk/records/{id}') ? { id: String(r.id), name: 'accept' } : undefined),
      validBody: (key) =>
        ({
          'POST /api/sample-desk/records': recordBody(world),
          'POST /api/sample-desk/records/{id}/transitions/{name}': { version: r.version, input: {} },
        })[key],
    };
  },
});
