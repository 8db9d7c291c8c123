/** Bad-input fixture of the enforcement registry area (执法主体、人员、证件、事项、裁量基准、清单). */
import { defineBadInputFixture } from '../../../../../test/support/bad-input/fixture';
import { createBodyVia, createOfficerVia, itemBody, officerBody } from './fixtures';

export const fixture = defineBadInputFixture({
  users: [[/^\/api\/enforcement\/(bodies|officers|certificates|items|benchmarks|lists)/, 'supervisorA']],
  tables: [
    'enforcement_body',
    'enforcement_officer',
    'enforcement_certificate',
    'enforcement_item',
    'discretion_benchmark',
    'enforcement_training',
    'enforcement_exam',
    'enforcement_cert_review',
    'enforcement_item_transfer',
    'enforcement_list_entry',
    'enforcement_registry_setting',
  ],
  setup: async (world, login) => {
    const h = await login('supervisorA');
    const body = await createBodyVia(h, world, { name: '错误输入测试执法主体' });
    const other = await createBodyVia(h, world, { name: '错误输入测试划入主体' });
    const { officer, certificate } = await createOfficerVia(h, body.id);
    const item = (await h.post('/api/enforcement/items', itemBody(body.id))).body as { id: number; version: number };
    const bench = (
      await h.post('/api/enforcement/benchmarks', { itemId: item.id, circumstance: '违法情节一般的', level: 'ordinary', fineMinFen: 100, fineMaxFen: 200, measures: null, madeBy: '甲县自然资源局', madeDate: '2026-06-01' })
    ).body as { id: number; version: number };
    const entry = (await h.post('/api/enforcement/lists', { itemId: item.id, listKind: 'no_penalty', condition: '违法行为轻微并及时改正', basis: '行政处罚法第三十三条', published: true })).body as { id: number; version: number };
    const idOf: [RegExp, number, string?][] = [
      [/^\/api\/enforcement\/bodies\/\{id\}/, body.id, 'confirm'],
      [/^\/api\/enforcement\/officers\/\{id\}/, officer.id, 'retire'],
      [/^\/api\/enforcement\/certificates\/\{id\}/, certificate!.id, 'suspend'],
      [/^\/api\/enforcement\/items\/\{id\}/, item.id],
      [/^\/api\/enforcement\/benchmarks\/\{id\}/, bench.id],
      [/^\/api\/enforcement\/lists\/\{id\}/, entry.id],
    ];
    const benchBody = { circumstance: '违法情节一般的', level: 'ordinary', fineMinFen: 100, fineMaxFen: 200, measures: null, madeBy: '甲县自然资源局', madeDate: '2026-06-01' };
    const listBody = { listKind: 'no_penalty', condition: '违法行为轻微并及时改正', basis: '行政处罚法第三十三条', published: true };
    return {
      pathValues: (route) => {
        const hit = idOf.find(([re]) => re.test(route));
        return hit ? { id: String(hit[1]), name: hit[2] ?? 'x' } : undefined;
      },
      validBody: (key) =>
        ({
          'PUT /api/enforcement/bodies/settings': { orgId: world.units.countyA, trainingHoursTarget: 60, legalReviewerMinPercent: 5, certValidityYears: 3, version: null },
          'POST /api/enforcement/bodies': { orgId: world.units.countyADept, name: '新执法主体', kind: 'statutory', legalBasis: '《土地管理法》' },
          'PATCH /api/enforcement/bodies/{id}': { version: body.version, name: body.name, kind: 'statutory', legalBasis: '《土地管理法》' },
          'POST /api/enforcement/bodies/{id}/transitions/{name}': { version: body.version, input: { confirmedDate: '2026-11-23' } },
          'POST /api/enforcement/officers': officerBody(body.id),
          'PATCH /api/enforcement/officers/{id}': { version: officer.version, name: '改名执法员', post: '科员', isLegalReviewer: false },
          'POST /api/enforcement/officers/{id}/transitions/{name}': { version: officer.version, input: { statusDate: '2026-11-23' } },
          'POST /api/enforcement/officers/{id}/trainings': { trainedDate: '2026-11-01', course: '行政处罚法专题培训', hours: 8 },
          'POST /api/enforcement/officers/{id}/exams': { subject: 'general', examDate: '2026-10-01', attended: true, passed: true, score: 88 },
          'POST /api/enforcement/certificates/cleanup': { ids: [certificate!.id], reason: '全面核查清理' },
          'POST /api/enforcement/certificates': { officerId: officer.id, kind: 'supervision', certNo: 'JD-BAD-0001', issuedDate: '2026-11-01', expiresDate: null },
          'POST /api/enforcement/certificates/{id}/transitions/{name}': { version: certificate!.version, input: { reason: '未按规定出示证件' } },
          'POST /api/enforcement/certificates/{id}/annual-review': { version: certificate!.version, year: 2026 },
          'POST /api/enforcement/items/transfer': { itemIds: [item.id], toBodyId: other.id, transferDate: '2026-11-20', reason: '综合执法改革' },
          'POST /api/enforcement/items': itemBody(body.id),
          'PATCH /api/enforcement/items/{id}': { version: item.version, code: 'ZR-CF-X1', name: '对非法占用土地的处罚', kind: 'penalty', legalBasis: '《土地管理法》第七十七条' },
          'POST /api/enforcement/items/{id}/abolish': { version: item.version, abolishedDate: '2026-11-20' },
          'POST /api/enforcement/benchmarks': { itemId: item.id, ...benchBody },
          'PATCH /api/enforcement/benchmarks/{id}': { version: bench.version, ...benchBody },
          'POST /api/enforcement/benchmarks/{id}/abolish': { version: bench.version, abolishedDate: '2026-11-20' },
          'POST /api/enforcement/lists': { itemId: item.id, ...listBody },
          'PATCH /api/enforcement/lists/{id}': { version: entry.version, ...listBody },
          'POST /api/enforcement/lists/{id}/abolish': { version: entry.version, abolishedDate: '2026-11-20' },
        })[key],
    };
  },
});
