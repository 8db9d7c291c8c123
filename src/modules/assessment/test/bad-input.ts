/** Bad-input fixture of 法治考核: who calls its routes, its tables, and valid records to aim at. */
import { createScheme, defaultTargets, dutyReportBody, ok, schemeBody, studyBody } from './fixtures';
import { defineBadInputFixture } from '../../../../test/support/bad-input/fixture';

export const fixture = defineBadInputFixture({
  users: [
    // Units report 述职述法; the office does everything else.
    [/^\/api\/assessment\/duty-reports$/, 'liaisonA'],
    [/^\/api\/assessment\//, 'office'],
  ],
  tables: ['assessment_scheme', 'assessment_item', 'assessment_target', 'assessment_score', 'duty_report', 'study_session', 'law_exam', 'law_exam_result'],
  setup: async (world, login) => {
    const office = await login('office');
    const liaison = await login('liaisonA');
    const scheme = await createScheme(office, defaultTargets(world));
    const report = ok(await liaison.post('/api/assessment/duty-reports', dutyReportBody(world.units.countyADept)), '报送');
    const study = ok(await liaison.post('/api/assessment/study-sessions', studyBody(world.units.countyADept)), '学法');
    const exam = ok(await office.post('/api/assessment/exams', { title: '2026年度学法考试', year: 2026, examDate: '2026-10-20', orgId: world.units.cityOffice }), '考试');
    const item = { sortOrder: 9, name: '新项目', maxScore: '5', scorer: 'office', rule: '细则' };
    return {
      pathValues: (route): Record<string, string> | undefined => {
        if (route.startsWith('/api/assessment/schemes/{id}')) return { id: String(scheme.id), itemId: String(scheme.itemIds[0]) };
        if (route.startsWith('/api/assessment/duty-reports/{id}')) return { id: String(report.id), name: 'review' };
        if (route.startsWith('/api/assessment/study-sessions/{id}')) return { id: String(study.id) };
        if (route.startsWith('/api/assessment/exams/{id}')) return { id: String(exam.id) };
        return undefined;
      },
      validBody: (key) =>
        (
          ({
            'POST /api/assessment/schemes': schemeBody(),
            'PATCH /api/assessment/schemes/{id}': { ...schemeBody(), version: scheme.version },
            'POST /api/assessment/schemes/{id}/publish': { version: scheme.version },
            'POST /api/assessment/schemes/{id}/finalize': { version: scheme.version },
            'PUT /api/assessment/schemes/{id}/targets': { orgIds: [world.units.countyADept], version: scheme.version },
            'POST /api/assessment/schemes/{id}/items': { item, version: scheme.version },
            'PATCH /api/assessment/schemes/{id}/items/{itemId}': { item, version: scheme.version },
            'POST /api/assessment/schemes/{id}/items/{itemId}/delete': { version: scheme.version },
            'PUT /api/assessment/schemes/{id}/scores': { entries: [{ itemId: scheme.itemIds[0], orgId: world.units.countyADept, score: '20' }] },
            'POST /api/assessment/duty-reports': dutyReportBody(world.units.countyADept, { year: 2025 }),
            'POST /api/assessment/duty-reports/{id}/transitions/{name}': { version: report.version, input: { rating: 'good', reviewComment: '报告全面' } },
            'POST /api/assessment/study-sessions': studyBody(world.units.countyADept),
            'PATCH /api/assessment/study-sessions/{id}': { ...studyBody(world.units.countyADept), version: study.version },
            'POST /api/assessment/exams': { title: '学法考试', year: 2026, examDate: '2026-10-20', orgId: world.units.cityOffice },
            'PUT /api/assessment/exams/{id}/results': { orgId: world.units.countyADept, eligible: 10, participated: 10, passed: 10 },
          }) as Record<string, Record<string, unknown>>
        )[key],
    };
  },
});
