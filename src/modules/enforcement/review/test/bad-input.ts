/** Bad-input fixture of the enforcement review area (案卷评查与执法监督): users, tables, valid records and values. */
import { defineBadInputFixture } from '../../../../../test/support/bad-input/fixture';
import { complaintBody, docBody, fullScores, ok, reviewBody, reviewInScoring, seedBodies } from './fixtures';

const D = '2026-11-23';

export const fixture = defineBadInputFixture({
  users: [
    [/^\/api\/enforcement\/(reviews\/files\/\{id\}\/self-score|campaigns\/\{id\}\/reports|supervision\/\{id\}\/transitions)/, 'liaisonA'],
    [/^\/api\/enforcement\/(reviews|supervision|complaints|campaigns|supervisors|supervision-board)/, 'supervisorA'],
  ],
  tables: [
    'enforcement_review',
    'enforcement_review_file',
    'enforcement_review_problem',
    'enforcement_supervision_doc',
    'enforcement_complaint',
    'enforcement_campaign',
    'enforcement_campaign_step',
    'enforcement_campaign_report',
    'enforcement_special_supervisor',
    'enforcement_supervisor_activity',
  ],
  setup: async (world, login) => {
    const rw = await seedBodies(world, 2);
    const sup = await login('supervisorA');
    const cross = await reviewInScoring(sup, [rw.bodyA.id], 1, { title: '错误输入测试评查' });
    const self = await reviewInScoring(sup, [rw.bodyA.id], 1, { kind: 'self', title: '错误输入测试自查' });
    const draft = ok(await sup.post('/api/enforcement/reviews', reviewBody([rw.bodyA.id], { title: '错误输入测试筹备中' })), '新建');
    const doc = ok(await sup.post('/api/enforcement/supervision', docBody(rw.bodyA.id, { issuedDate: D, servedDate: D })), '签发');
    const complaint = ok(await sup.post('/api/enforcement/complaints', complaintBody(rw.bodyA.id, { receivedDate: D })), '投诉');
    const campaign = ok(
      await sup.post('/api/enforcement/campaigns', { title: '道路交通安全专项整治', periodFrom: '2026-09-01', periodTo: '2026-12-31', bodyIds: [rw.bodyA.id], channels: ['12345热线'], summary: null }),
      '专项整治',
    );
    const step = ok(await sup.post(`/api/enforcement/campaigns/${campaign.id}/steps`, { title: '动员部署', startDate: '2026-09-01', endDate: '2026-09-07', note: null }), '步骤');
    const supervisor = ok(await sup.post('/api/enforcement/supervisors', { name: '周国平', workUnit: '县人大代表', termFrom: '2026-01-01', termTo: '2028-12-31', phone: null }), '监督员');
    const crossFile = cross.detail.files[0] as { id: number; version: number };
    const selfFile = self.detail.files[0] as { id: number; version: number };
    return {
      pathValues: (route): Record<string, string> | undefined => {
        if (route === '/api/enforcement/reviews/files/{id}/score') return { id: String(crossFile.id) };
        if (route === '/api/enforcement/reviews/files/{id}/self-score') return { id: String(selfFile.id) };
        if (route === '/api/enforcement/reviews/{id}/sheet') return { id: String(draft.id) };
        if (route.startsWith('/api/enforcement/reviews/{id}')) return { id: String(cross.id), name: 'finish' };
        if (route.startsWith('/api/enforcement/supervision/{id}')) return { id: String(doc.id), name: 'reply' };
        if (route.startsWith('/api/enforcement/complaints/{id}')) return { id: String(complaint.id), name: 'assign' };
        if (route === '/api/enforcement/campaigns/steps/{id}') return { id: String(step.id) };
        if (route.startsWith('/api/enforcement/campaigns/{id}')) return { id: String(campaign.id) };
        if (route.startsWith('/api/enforcement/supervisors/{id}')) return { id: String(supervisor.id) };
        if (route === '/api/public/enforcement/complaints/{receiptCode}') return { receiptCode: complaint.receiptCode };
        return undefined;
      },
      validBody: (key) =>
        ({
          'POST /api/enforcement/reviews': reviewBody([rw.bodyA.id]),
          'PUT /api/enforcement/reviews/{id}/sheet': { version: draft.version, sheet: [{ key: 'x1', category: 'subject', title: '主体合法', maxPoints: 100 }], excellentMin: 90, passMin: 70 },
          'POST /api/enforcement/reviews/{id}/sample': { version: 1, mode: 'random', perBody: 1, seed: 'BAD-INPUT' },
          'POST /api/enforcement/reviews/{id}/transitions/{name}': { version: 1, input: { finishedDate: D } },
          'POST /api/enforcement/reviews/files/{id}/score': { version: crossFile.version, scores: fullScores(), reviewers: ['评查员甲', '评查员乙'], problems: [], comment: null },
          'POST /api/enforcement/reviews/files/{id}/self-score': { version: selfFile.version, scores: fullScores(), comment: null },
          'POST /api/enforcement/supervision': docBody(rw.bodyA.id, { issuedDate: D, servedDate: D }),
          'POST /api/enforcement/supervision/{id}/transitions/{name}': { version: doc.version, input: { replyDate: D, replyContent: '已整改' } },
          'POST /api/enforcement/complaints': complaintBody(rw.bodyA.id, { receivedDate: D }),
          'POST /api/enforcement/complaints/{id}/transitions/{name}': { version: complaint.version, input: { verifyDueDate: '2026-12-10', assignNote: '请核查' } },
          'POST /api/enforcement/campaigns': { title: '道路交通安全专项整治', periodFrom: '2026-09-01', periodTo: '2026-12-31', bodyIds: [rw.bodyA.id], channels: ['12345热线'], summary: null },
          'POST /api/enforcement/campaigns/{id}/steps': { title: '集中整改', startDate: '2026-10-01', endDate: '2026-10-07', note: null },
          'PUT /api/enforcement/campaigns/steps/{id}': { version: step.version, status: 'done', note: null },
          'POST /api/enforcement/campaigns/{id}/reports': { bodyId: rw.bodyA.id, month: '2026-10', problemsFound: 3, problemsRectified: 2, content: '本月开展自查自纠，发现并整改问题。' },
          'POST /api/enforcement/supervisors': { name: '吴晓梅', workUnit: '律师', termFrom: '2026-01-01', termTo: '2028-12-31', phone: null },
          'POST /api/enforcement/supervisors/{id}/activities': { activityDate: D, kind: 'forum', bodyId: null, notes: '参加座谈会' },
          'POST /api/public/enforcement/complaints': { bodyId: rw.bodyA.id, complainantName: '李四', complainantPhone: null, subject: '重复检查影响经营', content: '一个月内同一事项检查三次，影响正常经营。' },
        })[key],
    };
  },
});
