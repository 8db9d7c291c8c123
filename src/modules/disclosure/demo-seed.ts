import type { Ctx, DemoOrgDirectory } from '../../kernel';
import { addDays, localDateToInstantStart, toLocalDate } from '../../kernel/shared/local-date';
import { insertRequest } from './service/register-request';
import { transitionRequest } from './service/transition-request';
import { loadActor } from '../../kernel/auth/load-actor';
import type { RegisterRequestInput } from './contract';

const NAMES = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周婷', '吴刚', '徐丽', '孙浩', '马超', '朱琳', '胡军', '郭芳'];
const COMPANIES = ['示范市宏达建材有限公司', '青山县绿源农业合作社', '示范市诚信物流有限公司'];
const CONTENTS = [
  '2025年本单位城乡居民最低生活保障资金的发放情况',
  '某小区周边道路拓宽工程的规划许可及征收补偿方案',
  '本县2026年度重大行政决策事项目录及听证情况',
  '辖区内企业环境影响评价批复文件',
  '本镇农村危房改造补助对象名单及补助标准',
  '城区停车收费标准的制定依据和成本监审报告',
  '某地块国有土地使用权出让合同',
  '本单位行政执法人员持证情况',
];

type Plan = (id: number, received: string) => { name: string; on: string; input: Record<string, unknown>; by?: 'disclosure_approver' }[];

// Each plan drives a request through real transitions, each on its own date, so clocks and history are genuine.
const PLANS: Record<string, Plan> = {
  registered: () => [],
  processing: (_id, r) => [{ name: 'accept', on: addDays(r, 1), input: {} }],
  // Received long ago and still unanswered: its reply deadline has passed (shows red, counts as overdue).
  overdue: (_id, r) => [{ name: 'accept', on: addDays(r, 2), input: {} }],
  awaiting_correction: (_id, r) => [
    { name: 'requestCorrection', on: addDays(r, 2), input: { correctionItems: '请明确所需信息的文号、时间范围', correctionDeadline: addDays(r, 20) } },
  ],
  consulting: (_id, r) => [
    { name: 'accept', on: addDays(r, 1), input: {} },
    { name: 'startConsultation', on: addDays(r, 5), input: { consultationParty: '示范市宏达建材有限公司', consultationStartedOn: addDays(r, 5) } },
  ],
  extended: (_id, r) => [
    { name: 'accept', on: addDays(r, 1), input: {} },
    { name: 'extend', on: addDays(r, 20), input: { extensionDays: 15, reason: '所需信息涉及多个年度档案，需调档核查' }, by: 'disclosure_approver' },
  ],
  replied: (_id, r) => [
    { name: 'accept', on: addDays(r, 1), input: {} },
    { name: 'reply', on: addDays(r, 12), input: { replyType: 'disclosed', replySummary: '现将所申请的信息以电子邮件方式提供给您，请查收。', repliedDate: addDays(r, 12) } },
  ],
  replied_not_exist: (_id, r) => [
    { name: 'accept', on: addDays(r, 1), input: {} },
    { name: 'reply', on: addDays(r, 9), input: { replyType: 'not_exist', replySummary: '经检索，本机关未制作或获取该信息。', repliedDate: addDays(r, 9) } },
  ],
  replied_after_correction: (_id, r) => [
    { name: 'requestCorrection', on: addDays(r, 1), input: { correctionItems: '请补充申请人身份证明', correctionDeadline: addDays(r, 15) } },
    { name: 'receiveCorrection', on: addDays(r, 6), input: { correctedDate: addDays(r, 6) } },
    { name: 'reply', on: addDays(r, 20), input: { replyType: 'partially_disclosed', replySummary: '部分信息涉及个人隐私，依法不予公开，其余部分予以公开。', repliedDate: addDays(r, 20) } },
  ],
  abandoned: (_id, r) => [
    { name: 'requestCorrection', on: addDays(r, 2), input: { correctionItems: '请明确所需信息的具体内容', correctionDeadline: addDays(r, 12) } },
    { name: 'markAbandoned', on: addDays(r, 20), input: { reason: '申请人逾期未补正' } },
  ],
  withdrawn: (_id, r) => [{ name: 'withdraw', on: addDays(r, 3), input: { reason: '申请人书面撤回申请' } }],
};

const CHANNELS = ['in_person', 'letter', 'online', 'email'] as const;

/** A few dozen requests in every state across the demo units, so every page has something to show. */
export const demoSeed = async (ctx: Ctx, dir: DemoOrgDirectory): Promise<void> => {
  const handlers = dir.users.filter((u) => u.roleCodes.includes('disclosure_handler'));
  const today = toLocalDate(ctx.now);
  const plans = Object.keys(PLANS);
  let n = 0;
  for (const [h, handler] of handlers.entries()) {
    const actor = await loadActor(ctx.db, handler.id);
    if (!actor) continue;
    for (let i = 0; i < plans.length; i += 1) {
      // Every handler gets every plan once, so each unit has a request in each state.
      const plan = plans[(i + h) % plans.length]!;
      // Open requests received recently (some near their due date), closed ones further back.
      const open = ['registered', 'processing', 'awaiting_correction', 'consulting', 'extended'].includes(plan);
      const back = plan === 'overdue' ? 40 + (n % 10) : open ? 3 + ((n * 5) % 30) : 30 + ((n * 7) % 120);
      const received = addDays(today, -back);
      const applicant = n % 5 === 4 ? COMPANIES[n % COMPANIES.length]! : NAMES[n % NAMES.length]!;
      const input: RegisterRequestInput = {
        orgId: handler.orgId,
        channel: CHANNELS[n % CHANNELS.length]!,
        receivedDate: received,
        applicantType: n % 5 === 4 ? 'legal_person' : 'citizen',
        applicantName: applicant,
        applicantIdNumber: n % 5 === 4 ? null : '110101199003078515',
        applicantPhone: `1380000${String(1000 + n).padStart(4, '0')}`,
        applicantEmail: null,
        applicantAddress: '示范省示范市青山县城关镇人民路18号',
        content: CONTENTS[n % CONTENTS.length]!,
        purpose: '了解相关情况',
        deliveryMethod: n % 2 ? 'email' : 'paper',
      };
      const at = (d: string) => new Date(localDateToInstantStart(d).getTime() + 10 * 3600_000);
      const actorCtx: Ctx = { ...ctx, actor, now: at(received) };
      const row = await ctx.db.transaction((tx) => insertRequest(tx, { ...actorCtx, db: tx }, input));
      let version = row.version;
      for (const step of PLANS[plan]!(row.id, received)) {
        if (step.on > today) break;
        // Extensions need the approval of the disclosure office head (第三十三条): done by the approver of the unit.
        const approver = step.by ? dir.users.find((u) => u.orgId === handler.orgId && u.roleCodes.includes(step.by!)) : undefined;
        if (step.by && !approver) break;
        const stepActor = approver ? await loadActor(ctx.db, approver.id) : actor;
        const updated = await transitionRequest({ ...actorCtx, actor: stepActor, now: at(step.on) }, row.id, step.name, { version, input: step.input });
        version = updated.version;
      }
      n += 1;
    }
  }
};
