import type { Ctx, DemoOrgDirectory } from '../../kernel';
import { loadActor } from '../../kernel/auth/load-actor';
import { addDays, diffDays, localDateToInstantStart, toLocalDate } from '../../kernel/shared/local-date';
import type { Attendance, Cause, Outcome } from './case-machine';
import { LOST_OUTCOMES } from './case-machine';
import type { HearingInput } from './contract';
import { addHearing, addObservation, addSuggestion, transitionSuggestion } from './service/case-records';
import { getCaseDetail } from './service/get-case-detail';
import { registerCase } from './service/register-case';
import { transitionCase } from './service/transition-case';

/** One step of a demo lawsuit, `at` days before today. */
type Step =
  | { k: 'serve'; at: number }
  | { k: 'extension'; at: number }
  | { k: 'defence'; at: number }
  | { k: 'hearing'; at: number; who: Attendance; notice?: number }
  | { k: 'judge'; at: number; outcome: Outcome; loss?: string }
  | { k: 'dismiss'; at: number }
  | { k: 'appeal'; at: number; by: 'agency' | 'plaintiff' }
  | { k: 'noAppeal'; at: number }
  | { k: 'withdraw'; at: number }
  | { k: 'mediate'; at: number }
  | { k: 'suggestion'; at: number; due: number; replied?: number };

const registered = (): Step[] => [];
const defending = (served: number): Step[] => [{ k: 'serve', at: served }];
const awaiting = (): Step[] => [{ k: 'serve', at: 38 }, { k: 'defence', at: 30 }];
const heard = (who: Attendance, notice = 7): Step[] => [{ k: 'serve', at: 88 }, { k: 'defence', at: 75 }, { k: 'hearing', at: 40, who, notice }];
const judged = (who: Attendance, outcome: Outcome, loss?: string): Step[] => [{ k: 'serve', at: 118 }, { k: 'defence', at: 105 }, { k: 'hearing', at: 60, who }, { k: 'judge', at: 6, outcome, ...(loss ? { loss } : {}) }];
const closed = (who: Attendance, outcome: Outcome, loss?: string): Step[] => [
  { k: 'serve', at: 198 },
  { k: 'defence', at: 185 },
  { k: 'hearing', at: 150, who },
  { k: 'judge', at: 120, outcome, ...(loss ? { loss } : {}) },
  { k: 'noAppeal', at: 100 },
];
const appealed = (who: Attendance, outcome: Outcome, by: 'agency' | 'plaintiff', loss?: string): Step[] => [...closed(who, outcome, loss).slice(0, 4), { k: 'appeal', at: 110, by }];

interface Plan {
  agency: string;
  filed: number;
  cause: Cause;
  act: string;
  plaintiff: string;
  company?: boolean;
  steps: Step[];
  afterReconsideration?: boolean;
}

const P = (agency: string, filed: number, cause: Cause, act: string, plaintiff: string, steps: Step[], extra: Partial<Plan> = {}): Plan => ({ agency, filed, cause, act, plaintiff, steps, ...extra });

const CITY_LAND = '示范市自然资源和规划局';
const CITY_POLICE = '示范市公安局';
const CITY_MARKET = '示范市市场监督管理局';
const CITY_HR = '示范市人力资源和社会保障局';
const QS_GOV = '青山县人民政府办公室';
const QS_LAND = '青山县自然资源局';
const QS_MARKET = '青山县市场监督管理局';
const QS_POLICE = '青山县公安局';

/**
 * About forty lawsuits in every state, chosen so that the 三色预警 board has green agencies (heads always in
 * court, no lost case), yellow ones (示范市公安局: one hearing with staff only → 出庭率 80%; 青山县人民政府办公室:
 * a 司法建议 answered late) and red ones (青山县自然资源局: lawyer-only hearing, lost case, overdue defence;
 * 示范市人力资源和社会保障局: two lost 工伤认定 cases).
 */
const PLANS: Plan[] = [
  P(CITY_MARKET, 200, 'penalty', '示市监处罚〔2026〕21号行政处罚决定（没收违法所得并处罚款）', '示范市宏达建材有限公司', closed('principal', 'reject_claim'), { company: true }),
  P(CITY_MARKET, 90, 'licensing', '不予行政许可决定（食品经营许可）', '陈静', heard('deputy')),
  P(CITY_MARKET, 3, 'disclosure', '政府信息公开申请答复', '刘洋', registered()),
  P(CITY_MARKET, 12, 'penalty', '示市监处罚〔2026〕88号行政处罚决定', '杨帆', defending(10)),
  P(CITY_MARKET, 95, 'agreement', '行政协议（市场摊位租赁协议）解除通知', '示范市诚信物流有限公司', [...heard('other_head'), { k: 'mediate', at: 20 }], { company: true }),
  P(QS_MARKET, 200, 'penalty', '青市监罚〔2026〕5号行政处罚决定', '青山县绿源农业合作社', closed('deputy', 'reject_claim'), { company: true }),
  P(QS_MARKET, 40, 'coercion', '查封扣押决定书', '黄磊', awaiting()),
  P(QS_MARKET, 60, 'penalty', '青市监罚〔2026〕17号行政处罚决定', '周婷', [{ k: 'serve', at: 58 }, { k: 'withdraw', at: 30 }]),
  P(QS_MARKET, 50, 'inaction', '投诉举报处理（不作为）', '吴刚', [{ k: 'serve', at: 48 }, { k: 'defence', at: 40 }, { k: 'dismiss', at: 4 }]),
  P(QS_POLICE, 200, 'penalty', '青公（治）行罚决字〔2026〕33号行政处罚决定（拘留五日）', '马超', closed('principal', 'reject_claim')),
  P(QS_POLICE, 14, 'penalty', '青公（治）行罚决字〔2026〕91号行政处罚决定', '徐丽', [{ k: 'serve', at: 12 }, { k: 'extension', at: 8 }]),
  P(QS_POLICE, 120, 'penalty', '青公（交）行罚决字〔2026〕12号行政处罚决定', '孙浩', judged('deputy', 'reject_claim')),
  P(CITY_LAND, 200, 'expropriation', '示自然资规征〔2026〕3号征收土地补偿安置方案', '王建国', closed('principal', 'reject_claim'), { afterReconsideration: true }),
  P(CITY_LAND, 200, 'penalty', '示自然资规罚〔2026〕7号责令限期拆除决定', '李秀英', appealed('deputy', 'reject_claim', 'plaintiff')),
  P(CITY_LAND, 90, 'licensing', '建设工程规划许可', '朱琳', heard('other_head')),
  P(CITY_LAND, 11, 'disclosure', '政府信息公开申请答复', '胡军', defending(9)),
  P(CITY_LAND, 40, 'expropriation', '房屋征收决定', '郭芳', awaiting(), { afterReconsideration: true }),
  P(CITY_POLICE, 200, 'penalty', '示公（治）行罚决字〔2026〕101号行政处罚决定', '张伟', closed('principal', 'reject_claim'), { afterReconsideration: true }),
  P(CITY_POLICE, 200, 'penalty', '示公（治）行罚决字〔2026〕117号行政处罚决定', '赵敏', closed('deputy', 'reject_claim')),
  P(CITY_POLICE, 90, 'coercion', '强制隔离戒毒决定', '钱某某', heard('deputy')),
  P(CITY_POLICE, 90, 'penalty', '示公（交）行罚决字〔2026〕45号行政处罚决定', '冯某某', heard('staff', 2)),
  P(CITY_POLICE, 200, 'inaction', '报警处理（不履行法定职责）', '蒋某某', closed('other_head', 'reject_claim')),
  P(CITY_POLICE, 2, 'penalty', '示公（治）行罚决字〔2026〕230号行政处罚决定', '韩某某', registered()),
  P(CITY_HR, 200, 'work_injury', '示人社工伤认〔2026〕12号不予认定工伤决定', '沈某某', closed('deputy', 'revoke', 'wrong_law'), { afterReconsideration: true }),
  P(CITY_HR, 120, 'work_injury', '示人社工伤认〔2026〕40号认定工伤决定', '示范市顺风客运有限公司', judged('principal', 'confirm_unlawful', 'procedure'), { company: true }),
  P(CITY_HR, 200, 'other', '社会保险待遇核定', '许某某', [...closed('deputy', 'reject_claim'), { k: 'suggestion', at: 110, due: 80, replied: 85 }]),
  P(CITY_HR, 13, 'work_injury', '示人社工伤认〔2026〕77号不予认定工伤决定', '何某某', defending(11)),
  P(QS_GOV, 200, 'disclosure', '政府信息公开申请答复（征收补偿资料）', '曹某某', [...closed('principal', 'reject_claim'), { k: 'suggestion', at: 95, due: 65, replied: 50 }]),
  P(QS_GOV, 90, 'expropriation', '青政征〔2026〕2号房屋征收决定', '邓某某', heard('deputy'), { afterReconsideration: true }),
  P(QS_GOV, 95, 'agreement', '征收补偿协议履行', '田某某', [...heard('principal'), { k: 'mediate', at: 15 }]),
  P(QS_GOV, 4, 'inaction', '行政复议后未履行法定职责', '罗某某', registered(), { afterReconsideration: true }),
  P(QS_LAND, 25, 'penalty', '青自然资罚〔2026〕19号责令退还非法占用土地决定', '彭某某', defending(20)),
  P(QS_LAND, 90, 'expropriation', '青自然资征〔2026〕6号征地补偿安置方案', '曾某某', heard('lawyer_only')),
  P(QS_LAND, 120, 'penalty', '青自然资罚〔2026〕8号行政处罚决定（没收地上建筑物）', '谢某某', judged('deputy', 'revoke', 'procedure')),
  P(QS_LAND, 200, 'licensing', '不动产登记', '韦某某', closed('deputy', 'reject_claim')),
  P(QS_LAND, 200, 'penalty', '青自然资罚〔2026〕2号责令限期拆除决定', '蔡某某', appealed('principal', 'confirm_unlawful', 'agency', 'facts_unclear')),
  P(QS_LAND, 12, 'inaction', '土地违法举报查处（不作为）', '袁某某', defending(9)),
];

const ABSENCE: Partial<Record<Attendance, string>> = { staff: 'official_duty', lawyer_only: 'other_justified', none: 'other_justified' };
const HEAD_NAME: Partial<Record<Attendance, [string, string]>> = { principal: ['局长', '正职'], deputy: ['副局长', '副职'], other_head: ['党组成员、总工程师', '分管'] };

/** About forty lawsuits against agencies of 示范市 and 青山县 in every state, built through the real use cases. */
export const demoSeed = async (ctx: Ctx, dir: DemoOrgDirectory): Promise<void> => {
  const today = toLocalDate(ctx.now);
  // Keep every demo date in the current year, so this year's 三色预警 board is meaningful even in January.
  const sinceNewYear = diffDays(`${today.slice(0, 4)}-01-01`, today);
  const day = (back: number) => addDays(today, -Math.min(back, sinceNewYear));
  const at = (d: string) => new Date(localDateToInstantStart(d).getTime() + 10 * 3600_000);
  const coordinator = dir.users.find((u) => u.username === 'sz_ys') ?? dir.users.find((u) => u.roleCodes.includes('litigation_coordinator'));
  if (!coordinator) return;
  const actor = await loadActor(ctx.db, coordinator.id);
  if (!actor) return;
  const as = (d: string): Ctx => ({ ...ctx, actor, now: at(d) });
  const unit = new Map(dir.units.map((u) => [u.name, u]));
  const seq = new Map<string, number>();
  let n = 0;
  for (const plan of PLANS) {
    const org = unit.get(plan.agency);
    if (!org) continue;
    const county = plan.agency.startsWith('青山县');
    const court = county ? '青山县人民法院' : '示范市绿水区人民法院';
    const code = county ? '示0123' : '示0102';
    const no = (seq.get(code) ?? 10) + 1;
    seq.set(code, no);
    const filed = day(plan.filed);
    const row = await registerCase(as(filed), {
      orgId: org.id,
      courtName: court,
      courtCaseNo: `（${filed.slice(0, 4)}）${code}行初${no}号`,
      instance: 'first',
      procedure: plan.cause === 'disclosure' ? 'simplified' : 'ordinary',
      parentCaseId: null,
      plaintiffs: [
        plan.company
          ? { name: plan.plaintiff, type: 'legal_person', idNumber: `91330900MA2B3C4D${String(10 + (n % 90))}`, phone: null }
          : { name: plan.plaintiff, type: 'citizen', idNumber: '110101199003078515', phone: `1390000${String(1000 + n).padStart(4, '0')}` },
      ],
      thirdParties: n % 6 === 0 ? '示范市某房地产开发有限公司' : null,
      cause: plan.cause,
      contestedAct: plan.act,
      afterReconsideration: plan.afterReconsideration ?? false,
      reconsiderationDecisionNo: plan.afterReconsideration ? `${county ? '青司' : '示司'}复决〔${filed.slice(0, 4)}〕${20 + n}号` : null,
      filedDate: filed,
      servedDate: null,
    });
    n += 1;
    const act = async (d: string, name: string, input: Record<string, unknown>) => {
      const c = as(d);
      const detail = await getCaseDetail(c, row.id);
      return transitionCase(c, row.id, name, { version: detail.record.version, input });
    };
    let servedOn = filed;
    let judgedOn = filed;
    for (const s of plan.steps) {
      const d = day(s.at) < filed ? filed : day(s.at);
      switch (s.k) {
        case 'serve':
          servedOn = d;
          await act(d, 'receiveComplaint', { servedDate: d });
          break;
        case 'extension':
          await act(d, 'applyEvidenceExtension', { evidenceExtensionDate: d, evidenceExtensionReason: '部分现场勘验资料由第三方测绘机构出具，尚未完成，无法在期限内提供' });
          break;
        case 'defence':
          await act(d, 'fileDefence', {
            defenceFiledDate: d,
            evidenceList: '1. 被诉行政行为决定书及送达回证\n2. 调查询问笔录、现场检查笔录\n3. 法律依据及规范性文件目录',
            defenceSummary: '被诉行政行为认定事实清楚，证据确凿，适用法律正确，程序合法，请求驳回原告的诉讼请求。',
          });
          break;
        case 'hearing': {
          const head = HEAD_NAME[s.who];
          const input: HearingInput = {
            hearingDate: d,
            courtRoom: `第${(n % 3) + 1}审判庭`,
            noticeServedDate: addDays(d, -(s.notice ?? 7)) < servedOn ? servedOn : addDays(d, -(s.notice ?? 7)),
            identityFiledDate: head ? addDays(d, -1) : null,
            attendance: s.who,
            headName: head ? `${['王', '李', '张', '刘', '陈'][n % 5]}${head[1] === '正职' ? '某某' : '某'}` : null,
            headPost: head ? head[0] : null,
            absenceReason: head ? null : (ABSENCE[s.who] as HearingInput['absenceReason']),
            absenceProof: head ? null : s.who === 'staff' ? '负责人同日参加市政府常务会议，已提交加盖公章的情况说明' : '仅委托律师出庭，未提交负责人不能出庭的书面说明',
            headSpoke: head ? true : null,
            note: null,
          };
          await addHearing(as(d), row.id, input);
          break;
        }
        case 'judge':
          judgedOn = d;
          await act(d, 'judge', { outcome: s.outcome, ...(LOST_OUTCOMES.includes(s.outcome) ? { lossReason: s.loss ?? 'other' } : {}), judgmentDate: addDays(d, -2) < filed ? filed : addDays(d, -2), judgmentServedDate: d, judgmentSummary: LOST_OUTCOMES.includes(s.outcome) ? '被诉行政行为存在程序或事实认定问题，依法予以纠正。' : '被诉行政行为认定事实清楚，适用法律正确，程序合法。' });
          break;
        case 'dismiss':
          judgedOn = d;
          await act(d, 'dismiss', { judgmentDate: d, judgmentServedDate: d, judgmentSummary: '原告起诉不符合法定起诉条件，裁定驳回起诉。' });
          break;
        case 'appeal':
          await act(d < judgedOn ? judgedOn : d, 'appeal', { appellant: s.by, appealDate: d < judgedOn ? judgedOn : d, reason: s.by === 'agency' ? '一审判决认定事实错误，本机关依法提起上诉' : '原告不服一审判决，提起上诉' });
          break;
        case 'noAppeal':
          await act(d < judgedOn ? judgedOn : d, 'noAppeal', { closedDate: d < judgedOn ? judgedOn : d, reason: '上诉期届满，双方均未上诉，裁判生效' });
          break;
        case 'withdraw':
          await act(d, 'withdraw', { judgmentDate: d, reason: '被告自行纠正后，原告申请撤诉，法院裁定准许' });
          break;
        case 'mediate':
          await act(d, 'mediate', { judgmentDate: d, judgmentSummary: '经法院主持调解，双方就补偿数额达成一致，原告不再坚持诉讼请求。' });
          break;
        case 'suggestion': {
          const due = day(s.due);
          const sg = await addSuggestion(as(d), row.id, { receivedDate: d, content: '建议进一步规范行政执法程序，严格落实告知、听取陈述申辩等程序要求，并加强行政机关负责人出庭应诉工作。', dueDate: due < d ? d : due });
          if (s.replied !== undefined) {
            const r = day(s.replied) < d ? d : day(s.replied);
            await transitionSuggestion(as(r), sg.id, 'recordReply', { version: sg.version, input: { replyDate: r, replySummary: '已召开专题会议研究落实，修订执法程序规定并组织全员培训。' } });
          }
          break;
        }
      }
    }
  }
  // 旁听庭审 and 庭审讲评 organised by the justice bureaus.
  const bureaus = ['示范市司法局', '青山县司法局'].map((name) => unit.get(name)).filter((u): u is NonNullable<typeof u> => Boolean(u));
  for (const [i, b] of bureaus.entries()) {
    await addObservation(as(day(60 + i * 10)), { orgId: b.id, caseId: null, heldOn: day(60 + i * 10), kind: 'observe', title: '组织行政执法人员旁听行政诉讼案件庭审', participants: 35 - i * 10, note: '旁听征收补偿类行政案件庭审，庭后开展座谈。' });
    await addObservation(as(day(30 + i * 5)), { orgId: b.id, caseId: null, heldOn: day(30 + i * 5), kind: 'review', title: '行政机关负责人出庭应诉庭审讲评', participants: 20, note: '法官对负责人出庭发言、举证质证进行点评。' });
  }
};
