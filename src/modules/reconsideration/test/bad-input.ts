/** Bad-input fixture of 行政复议: who calls its routes, its tables and valid records and values. */
import { defineBadInputFixture } from '../../../../test/support/bad-input/fixture';
import { caseBody, registerCaseVia } from './fixtures';

export const fixture = defineBadInputFixture({
  users: [
    [/^\/api\/reconsideration\/reports\//, 'office'],
    [/^\/api\/reconsideration\//, 'reconA'],
  ],
  tables: ['reconsideration_case', 'reconsideration_consultation', 'reconsideration_letter'],
  setup: async (world, login) => {
    const h = await login('reconA');
    const c = await registerCaseVia(h, world);
    // An accepted case (consultations may be recorded on it) and a decided one with a letter.
    const accepted = await registerCaseVia(h, world);
    const detail = async (id: number) => (await h.get(`/api/reconsideration/cases/${id}`)).body.record as { version: number };
    await h.post(`/api/reconsideration/cases/${accepted.id}/transitions/accept`, { version: (await detail(accepted.id)).version, input: { acceptedDate: '2026-11-23' } });
    const { channel: _c, receivedDate: _r, ...portal } = caseBody(world);
    return {
      pathValues: (route): Record<string, string> | undefined => {
        if (route.startsWith('/api/reconsideration/cases/{id}')) return { id: String(route.includes('consultations') ? accepted.id : c.id), name: 'accept' };
        if (route.startsWith('/api/reconsideration/letters/{id}')) return { id: String(c.id), name: 'recordReply' };
        if (route === '/api/public/reconsideration/cases/{receiptCode}') return { receiptCode: c.receiptCode };
        return undefined;
      },
      validBody: (key) =>
        ({
          'POST /api/reconsideration/cases': caseBody(world),
          'POST /api/reconsideration/cases/{id}/reveal': { reason: '核实申请人身份' },
          'POST /api/reconsideration/cases/{id}/transitions/{name}': { version: c.version, input: { acceptedDate: '2026-11-23' } },
          'POST /api/reconsideration/cases/{id}/consultations': { kind: 'committee', heldOn: '2026-11-23', participants: '委员甲、委员乙', opinion: '建议维持' },
          'POST /api/reconsideration/cases/{id}/letters': { kind: 'opinion', recipientOrgId: world.units.countyADept, issuedDate: '2026-11-23', servedDate: '2026-11-23', dueDate: null, content: '请依法纠正' },
          'POST /api/reconsideration/letters/{id}/transitions/{name}': { version: 1, input: { replyDate: '2026-11-23', replySummary: '已整改' } },
          'POST /api/public/reconsideration/cases': portal,
        })[key],
    };
  },
});
