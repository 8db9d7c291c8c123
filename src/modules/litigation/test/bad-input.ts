/** Bad-input fixture of 行政应诉: who calls its routes, its tables and valid records and values. */
import { defineBadInputFixture } from '../../../../test/support/bad-input/fixture';
import { caseBody, hearingBody, registerVia } from './fixtures';

export const fixture = defineBadInputFixture({
  users: [[/^\/api\/litigation\//, 'litigationA']],
  tables: ['litigation_case', 'litigation_hearing', 'litigation_suggestion', 'litigation_observation', 'litigation_warning_rule'],
  setup: async (world, login) => {
    const h = await login('litigationA');
    const c = await registerVia(h, world, { filedDate: '2026-11-16', servedDate: '2026-11-20' });
    // A case waiting for its hearing (hearings may be recorded), with a scheduled hearing and a 司法建议.
    const waiting = await registerVia(h, world, { filedDate: '2026-11-16', servedDate: '2026-11-20', courtCaseNo: '（2026）测0102行初16号' });
    await h.post(`/api/litigation/cases/${waiting.id}/transitions/fileDefence`, { version: waiting.version, input: { defenceFiledDate: '2026-11-21', evidenceList: '1. 决定书' } });
    const scheduled = hearingBody({ hearingDate: '2026-12-01', noticeServedDate: '2026-11-21', identityFiledDate: null, attendance: null, headName: null, headPost: null, headSpoke: null });
    const hearing = (await h.post(`/api/litigation/cases/${waiting.id}/hearings`, scheduled)).body as { id: number };
    const suggestion = (await h.post(`/api/litigation/cases/${c.id}/suggestions`, { receivedDate: '2026-11-21', content: '建议规范送达程序', dueDate: '2026-12-21' })).body as { id: number };
    return {
      pathValues: (route): Record<string, string> | undefined => {
        if (route.startsWith('/api/litigation/cases/{id}')) return { id: String(route.includes('hearings') ? waiting.id : c.id), name: 'fileDefence' };
        if (route.startsWith('/api/litigation/hearings/{id}')) return { id: String(hearing.id) };
        if (route.startsWith('/api/litigation/suggestions/{id}')) return { id: String(suggestion.id), name: 'recordReply' };
        return undefined;
      },
      validBody: (key) =>
        ({
          'POST /api/litigation/cases': caseBody(world, { courtCaseNo: '（2026）测0102行初17号' }),
          'POST /api/litigation/cases/{id}/reveal': { reason: '核对原告联系方式' },
          'POST /api/litigation/cases/{id}/transitions/{name}': { version: 2, input: { defenceFiledDate: '2026-11-21', evidenceList: '1. 决定书' } },
          'POST /api/litigation/cases/{id}/hearings': scheduled,
          'PUT /api/litigation/hearings/{id}': { ...scheduled, version: 1 },
          'POST /api/litigation/cases/{id}/suggestions': { receivedDate: '2026-11-21', content: '建议规范送达程序', dueDate: '2026-12-21' },
          'POST /api/litigation/suggestions/{id}/transitions/{name}': { version: 1, input: { replyDate: '2026-11-22', replySummary: '已整改' } },
          'POST /api/litigation/observations': { orgId: world.units.countyAJustice, caseId: null, heldOn: '2026-11-20', kind: 'observe', title: '组织旁听行政案件庭审', participants: 20, note: null },
          'PUT /api/litigation/warning-rule': { year: 2026, redLossRate: 20, redAppearanceBelow: 80, redNoShow: 1, redOverdueDefence: 1, yellowLossRate: 10, yellowAppearanceBelow: 100, yellowOverdueSuggestion: 1, version: 0 },
        })[key],
    };
  },
});
