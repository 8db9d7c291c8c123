// Demo data of 案卷评查 and 执法监督. Runs after the registry and cases areas: it reads their bodies and
// cases and creates nothing that depends on them when they are empty.
import { and, asc, eq, gte, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Actor, Ctx, DemoOrgDirectory } from '../../../kernel';
import { loadActor } from '../../../kernel/auth/load-actor';
import { addDays, localDateToInstantStart, toLocalDate } from '../../../kernel/shared/local-date';
import { enforcementCase } from '../cases/schema';
import { enforcementBody, enforcementCertificate, enforcementOfficer } from '../registry/schema';
import type { RegisterComplaintInput } from './contract';
import { DEFAULT_SHEET, type DocKind } from './review-machine';
import { enforcementReview, enforcementReviewFile, enforcementReviewProblem } from './schema';
import { addActivity, addStep, addSupervisor, createCampaign, monthsOf, submitMonthlyReport, updateStep } from './service/campaigns';
import { registerComplaint, transitionComplaint } from './service/complaints';
import { issueDoc, transitionDoc } from './service/docs';
import { createReview, sampleFiles, scoreFile, selfScoreFile, transitionReview } from './service/reviews';

type Body = { id: number; name: string; orgId: number; path: string };

const PROBLEMS: { category: string; itemKey: string; description: string; cut: number }[] = [
  { category: 'evidence', itemKey: 'e1', description: '现场检查笔录未载明检查起止时间，当事人未签字确认', cut: 6 },
  { category: 'procedure', itemKey: 'p1', description: '行政处罚告知书送达后未满陈述申辩期限即作出处罚决定', cut: 10 },
  { category: 'law', itemKey: 'l1', description: '处罚决定书未引用裁量基准条款，罚款数额未说明裁量理由', cut: 8 },
  { category: 'documents', itemKey: 'd1', description: '送达回证缺少受送达人签名，文书编号不规范', cut: 4 },
  { category: 'archive', itemKey: 'a1', description: '案卷材料未按顺序装订，缺少卷内目录和备考表', cut: 3 },
  { category: 'subject', itemKey: 's1', description: '调查询问仅一名执法人员在场，另一名人员未出示执法证件', cut: 6 },
  { category: 'procedure', itemKey: 'p1', description: '重大执法决定未经法制审核即作出', cut: 15 },
];

export const demoSeed = async (ctx: Ctx, dir: DemoOrgDirectory): Promise<void> => {
  const today = toLocalDate(ctx.now);
  const userActor = async (username: string): Promise<Actor | null> => {
    const u = dir.users.find((x) => x.username === username);
    return u ? loadActor(ctx.db, u.id) : null;
  };
  const sz = await userActor('sz_zfjd');
  const qs = await userActor('qs_zfjd');
  const liaison = (await userActor('qs_scjg')) ?? (await userActor('qs_zfry'));
  if (!sz) return;
  const at = (actor: Actor, date: string): Ctx => ({ ...ctx, actor, now: new Date(localDateToInstantStart(date).getTime() + 10 * 3600_000) });
  /** The body's own reporting user (a 法制员 of its unit). */
  const bodyActor = (b: Body): Actor | null => (liaison ? { ...liaison, orgId: b.orgId, orgPath: b.path, jurisdictionPath: b.path, displayName: `${b.name} 法制员` } : null);
  const d = (n: number) => addDays(today, -n);

  // 特邀行政执法监督员: no dependency on bodies.
  const people: [string, string, string][] = [
    ['周国平', '示范市人大代表、示范市第一中学教师', '13905710001'],
    ['吴晓梅', '示范市政协委员、示范律师事务所律师', '13905710002'],
    ['郑志强', '示范市个体劳动者协会副会长', '13905710003'],
    ['王丽华', '青山县人民路社区党委书记', '13905710004'],
    ['陈建军', '示范日报社记者', '13905710005'],
    ['林婉清', '示范学院法学院副教授', '13905710006'],
  ];
  const bodies: Body[] = await ctx.db
    .select({ id: enforcementBody.id, name: enforcementBody.name, orgId: enforcementBody.orgId, path: sql<string>`(select o.path from org_unit o where o.id = ${enforcementBody.orgId})` })
    .from(enforcementBody)
    .where(eq(enforcementBody.status, 'active'))
    .orderBy(asc(enforcementBody.id));
  const supervisorIds: number[] = [];
  for (const [name, workUnit, phone] of people) {
    const s = await addSupervisor(at(sz, d(400)), { name, workUnit, termFrom: d(400), termTo: addDays(d(400), 365 * 3), phone });
    supervisorIds.push(s.id);
  }
  const kinds = ['review', 'visit', 'forum', 'training'] as const;
  const notes = ['参与2026年度行政执法案卷交叉评查，提出评查意见3条', '以群众身份到办事大厅明察暗访，反映窗口告知不充分问题', '参加执法监督工作座谈会，就涉企检查频次提出建议', '参加全市行政执法监督员业务培训'];
  for (let i = 0; i < supervisorIds.length; i++) {
    for (let k = 0; k < 2; k++) {
      const kind = kinds[(i + k) % 4]!;
      const body = kind === 'visit' || kind === 'review' ? (bodies[(i + k) % Math.max(bodies.length, 1)] ?? null) : null;
      await addActivity(at(sz, d(10 + i * 7 + k * 30)), supervisorIds[i]!, { activityDate: d(10 + i * 7 + k * 30), kind, bodyId: body?.id ?? null, notes: notes[(i + k) % 4]! });
    }
  }
  if (bodies.length === 0) return;
  // 评查人员 and 签发人 hold a valid 行政执法监督证 of the register (CONTRACT columns): the registry seeds them at the 司法局s (issued before the oldest document, 80 days back).
  const inspectors = (
    await ctx.db
      .selectDistinct({ name: enforcementOfficer.name })
      .from(enforcementCertificate)
      .innerJoin(enforcementOfficer, eq(enforcementOfficer.id, enforcementCertificate.officerId))
      .where(and(eq(enforcementOfficer.status, 'active'), eq(enforcementCertificate.kind, 'supervision'), eq(enforcementCertificate.status, 'valid'), lte(enforcementCertificate.issuedDate, d(90)), or(isNull(enforcementCertificate.expiresDate), gte(enforcementCertificate.expiresDate, today))))
      .orderBy(asc(enforcementOfficer.name))
  ).map((r) => r.name);
  if (inspectors.length < 2) return;

  const year = Number(today.slice(0, 4));
  const decided = await ctx.db
    .select({ id: enforcementCase.id, bodyId: enforcementCase.bodyId })
    .from(enforcementCase)
    .where(and(isNotNull(enforcementCase.decidedDate), gte(enforcementCase.decidedDate, d(420))));
  const withCases = bodies.filter((b) => decided.some((c) => c.bodyId === b.id));

  // 1. A cross review of the year at 示范市司法局 over about 40 files of several bodies: scored, with problems.
  let firstProblem: { id: number; bodyId: number } | null = null;
  if (withCases.length) {
    const targets = withCases.slice(0, 8);
    const review = await createReview(at(sz, d(50)), {
      year,
      title: `${year}年度全市行政执法案卷交叉评查`,
      kind: 'cross',
      periodFrom: d(420),
      periodTo: today,
      bodyIds: targets.map((b) => b.id),
      excellentMin: 90,
      passMin: 70,
    });
    const ver = async () => (await ctx.db.select({ version: enforcementReview.version }).from(enforcementReview).where(eq(enforcementReview.id, review.id)))[0]!;
    await transitionReview(at(sz, d(45)), review.id, 'startSampling', { version: review.version, input: {} });
    await sampleFiles(at(sz, d(44)), review.id, { version: (await ver()).version, mode: 'random', perBody: Math.max(2, Math.ceil(40 / targets.length)), seed: `SZ-${year}-CROSS` });
    await transitionReview(at(sz, d(43)), review.id, 'startScoring', { version: (await ver()).version, input: {} });
    const files = await ctx.db.select().from(enforcementReviewFile).where(eq(enforcementReviewFile.reviewId, review.id)).orderBy(asc(enforcementReviewFile.id));
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      // Mostly sound files, some with one or two problems, a few weak or failing ones.
      const found =
        i % 11 === 5
          ? [PROBLEMS[6]!, PROBLEMS[1]!, PROBLEMS[0]!, PROBLEMS[2]!]
          : i % 9 === 4
            ? [PROBLEMS[6]!, PROBLEMS[1]!]
            : i % 3 === 0
              ? [PROBLEMS[i % PROBLEMS.length]!]
              : i % 5 === 1
                ? [PROBLEMS[(i + 2) % PROBLEMS.length]!, PROBLEMS[(i + 4) % PROBLEMS.length]!]
                : [];
      const scores: Record<string, number> = Object.fromEntries(DEFAULT_SHEET.map((s) => [s.key, s.maxPoints - (i % 4 === 2 ? 1 : 0)]));
      for (const p of found) scores[p.itemKey] = Math.max(0, scores[p.itemKey]! - p.cut);
      await scoreFile(at(sz, d(40 - (i % 20))), f.id, {
        version: f.version,
        scores,
        reviewers: [inspectors[0]!, inspectors[1 + (i % (inspectors.length - 1))]!],
        problems: found.map((p) => ({ category: p.category as never, itemKey: p.itemKey, description: p.description })),
        comment: found.length ? '案卷存在问题，已反馈执法主体整改' : '案卷规范',
      });
    }
    await transitionReview(at(sz, d(15)), review.id, 'finish', { version: (await ver()).version, input: { finishedDate: d(15) } });
    const [p] = await ctx.db
      .select({ id: enforcementReviewProblem.id, bodyId: enforcementReviewFile.bodyId })
      .from(enforcementReviewProblem)
      .innerJoin(enforcementReviewFile, eq(enforcementReviewFile.id, enforcementReviewProblem.fileId))
      .where(eq(enforcementReviewProblem.reviewId, review.id))
      .orderBy(asc(enforcementReviewProblem.id))
      .limit(1);
    firstProblem = p ?? null;
  }

  // 2. A 青山县 self-review in progress: the bodies score their own files, some not yet.
  const qsBodies = qs ? withCases.filter((b) => b.path.startsWith(qs.jurisdictionPath)) : [];
  if (qs && qsBodies.length) {
    const review = await createReview(at(qs, d(20)), {
      year,
      title: `青山县${year}年度行政执法案卷自查`,
      kind: 'self',
      periodFrom: d(420),
      periodTo: today,
      bodyIds: qsBodies.map((b) => b.id),
      excellentMin: 90,
      passMin: 70,
    });
    const ver = async () => (await ctx.db.select({ version: enforcementReview.version }).from(enforcementReview).where(eq(enforcementReview.id, review.id)))[0]!;
    await transitionReview(at(qs, d(19)), review.id, 'startSampling', { version: review.version, input: {} });
    await sampleFiles(at(qs, d(18)), review.id, { version: (await ver()).version, mode: 'random', perBody: 3, seed: `QS-${year}-SELF` });
    await transitionReview(at(qs, d(18)), review.id, 'startScoring', { version: (await ver()).version, input: {} });
    const files = await ctx.db.select().from(enforcementReviewFile).where(eq(enforcementReviewFile.reviewId, review.id)).orderBy(asc(enforcementReviewFile.id));
    for (let i = 0; i < files.length; i += 2) {
      const f = files[i]!;
      const b = qsBodies.find((x) => x.id === f.bodyId)!;
      const actor = bodyActor(b);
      if (!actor) break;
      const scores = Object.fromEntries(DEFAULT_SHEET.map((s) => [s.key, s.maxPoints - (i % 3)]));
      await selfScoreFile(at(actor, d(10 - (i % 5))), f.id, { version: f.version, scores, comment: '自查未发现明显问题' });
    }
  }

  // 3. 投诉举报 (~20) in every state, one verification overdue.
  const SUBJECTS = [
    ['执法人员检查时未出示执法证件', '反映执法人员到店检查时未出示行政执法证件，也未告知检查依据。'],
    ['罚款未开具票据', '反映执法人员当场收缴罚款后未出具省级财政部门统一制发的罚款收据。'],
    ['同一事项多次重复检查', '反映一个月内同一部门就同一事项到企业检查三次，影响正常经营。'],
    ['处罚过重，未考虑首违情节', '反映初次轻微违法即被顶格处罚，未适用“首违不罚”。'],
    ['扣押物品未依法返还', '反映案件办结后被扣押的车辆至今未予返还。'],
    ['执法态度粗暴', '反映执法人员在检查过程中言语粗暴，存在推搡行为。'],
    ['道路运输检查选择性执法', '反映货运车辆检查中对部分车辆放行，对个体司机从严处罚。'],
  ] as const;
  const channels = ['hotline', 'letter', 'visit', 'online'] as const;
  const names = ['张先生', '李女士', '王师傅', '刘女士', '陈先生', '赵女士', '某某物流有限公司', '孙先生'];
  const plans: ('registered' | 'verifying' | 'overdue' | 'verified' | 'concluded' | 'dismissed')[] = [
    'registered', 'registered', 'registered', 'verifying', 'verifying', 'verifying', 'overdue', 'verified', 'verified', 'verified',
    'concluded', 'concluded', 'concluded', 'concluded', 'concluded', 'concluded', 'concluded', 'concluded', 'dismissed', 'registered',
  ];
  const results = ['substantiated', 'partly', 'unfounded', 'unfounded', 'substantiated', 'partly', 'unfounded', 'substantiated'] as const;
  let linkComplaint: { id: number; bodyId: number } | null = null;
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    const body = bodies[i % bodies.length]!;
    const back = plan === 'registered' ? 1 + i : plan === 'overdue' ? 40 : plan === 'verifying' ? 8 + i : plan === 'verified' ? 20 + i : 30 + i * 3;
    const received = d(back);
    const [subject, content] = SUBJECTS[i % SUBJECTS.length]!;
    const input: RegisterComplaintInput = { bodyId: body.id, channel: channels[i % 4]!, receivedDate: received, complainantName: names[i % names.length]!, complainantPhone: `1380571${String(1000 + i).slice(-4)}`, subject, content };
    const row = await registerComplaint(at(sz, received), input);
    let version = row.version;
    const step = async (actor: Actor, date: string, name: string, inp: Record<string, unknown>) => {
      const r = await transitionComplaint(at(actor, date), row.id, name, { version, input: inp });
      version = r.version;
    };
    if (plan === 'registered') continue;
    if (plan === 'dismissed') {
      await step(sz, addDays(received, 1), 'dismiss', { reason: '反映事项属于民事纠纷，不属于行政执法监督范围，已告知投诉人通过民事途径解决。' });
      continue;
    }
    const assignOn = addDays(received, 2);
    await step(sz, assignOn, 'assign', { verifyDueDate: addDays(assignOn, plan === 'overdue' ? 15 : 20), assignNote: '请于时限内核查并报送书面核查报告。' });
    if (plan === 'verifying' || plan === 'overdue') continue;
    const actor = bodyActor(body);
    if (!actor) continue;
    const verifiedOn = addDays(received, 12);
    const result = results[i % results.length]!;
    await step(actor, verifiedOn, 'submitVerification', { result, findings: '经调取执法记录仪视频、询问当事执法人员，核查情况如下：' + (result === 'unfounded' ? '执法程序合法，投诉反映问题不属实。' : '投诉反映问题基本属实，已责成相关人员整改。'), verifiedDate: verifiedOn });
    if (plan === 'verified') continue;
    await step(sz, addDays(received, 16), 'conclude', { conclusion: '已将核查结果答复投诉人。', concludedDate: addDays(received, 16) });
    if (result === 'substantiated' && !linkComplaint) linkComplaint = { id: row.id, bodyId: body.id };
  }

  // 4. 执法监督文书 (~10) in every state; one reply overdue.
  type Plan = { kind: DocKind; back: number; state: 'issued' | 'overdue' | 'replied' | 'returned' | 'closed'; decisionKind?: string };
  const docPlans: Plan[] = [
    { kind: 'notice', back: 5, state: 'issued' },
    { kind: 'notice', back: 60, state: 'closed' },
    { kind: 'opinion', back: 12, state: 'issued' },
    { kind: 'opinion', back: 45, state: 'overdue' },
    { kind: 'opinion', back: 25, state: 'replied' },
    { kind: 'opinion', back: 70, state: 'closed' },
    { kind: 'opinion', back: 35, state: 'returned' },
    { kind: 'decision', back: 20, state: 'replied', decisionKind: 'order_correct' },
    { kind: 'decision', back: 80, state: 'closed', decisionKind: 'confirm_unlawful' },
    { kind: 'notice', back: 3, state: 'issued' },
  ];
  const TEXT: Record<DocKind, { title: string; content: string; action: string }> = {
    notice: { title: '关于报送行政执法案卷材料的通知', content: '根据年度行政执法监督工作安排，本机关将对你单位行政执法情况开展监督检查。', action: '请报送近一年作出的行政处罚案卷目录及重大执法决定法制审核记录。' },
    opinion: { title: '关于纠正行政处罚程序问题的意见', content: '经案卷评查发现，你单位部分行政处罚案件在告知陈述申辩权利后未满法定期限即作出处罚决定，违反《中华人民共和国行政处罚法》第四十四条、第四十五条的规定。', action: '请对相关案件自行纠正，完善告知送达程序，并举一反三开展自查。' },
    decision: { title: '关于行政执法行为的监督决定', content: '你单位收到本机关行政执法监督意见书后逾期未纠正，经调查核实，相关行政执法行为存在违法情形。', action: '请按本决定执行，并将执行情况书面报告本机关。' },
  };
  for (let i = 0; i < docPlans.length; i++) {
    const p = docPlans[i]!;
    const body = i === 5 && firstProblem ? bodies.find((b) => b.id === firstProblem!.bodyId)! : i === 8 && linkComplaint ? bodies.find((b) => b.id === linkComplaint!.bodyId)! : bodies[i % bodies.length]!;
    const issued = d(p.back);
    const t = TEXT[p.kind];
    const doc = await issueDoc(at(sz, addDays(issued, 1)), {
      kind: p.kind,
      bodyId: body.id,
      decisionKind: (p.decisionKind ?? null) as never,
      title: t.title,
      content: t.content,
      requiredAction: t.action,
      signerName: inspectors[i % inspectors.length]!,
      issuedDate: issued,
      servedDate: addDays(issued, 1),
      periodDays: p.kind === 'notice' ? 15 : 30,
      problemId: i === 5 && firstProblem ? firstProblem.id : null,
      complaintId: i === 8 && linkComplaint ? linkComplaint.id : null,
      caseId: null,
    });
    let version = doc.version;
    const actor = bodyActor(body);
    const step = async (a: Actor, date: string, name: string, inp: Record<string, unknown>) => {
      const r = await transitionDoc(at(a, date), doc.id, name, { version, input: inp });
      version = r.version;
    };
    if (p.state === 'issued' || p.state === 'overdue' || !actor) continue;
    const replyOn = addDays(issued, Math.min(p.back - 1, 10));
    if (replyOn > today) continue;
    await step(actor, replyOn, 'reply', { replyDate: replyOn, replyContent: '我单位已对相关案件逐一自查，完善了告知送达程序，并对承办人员进行了约谈和培训。' });
    if (p.state === 'replied') continue;
    if (p.state === 'returned') {
      await step(sz, addDays(replyOn, 3), 'returnReply', { returnReason: '回复未附整改佐证材料，且未说明对已作出处罚决定的处理意见，请补充后重新报送。' });
      continue;
    }
    await step(sz, addDays(replyOn, 5), 'accept', { closedDate: addDays(replyOn, 5), closingOpinion: '整改到位，予以办结。' });
  }

  // 5. 专项整治 with weekly steps and monthly reports (one body missing last month).
  const start = `${d(100).slice(0, 7)}-01`;
  const traffic = bodies.filter((b) => /交通|公安|交警|综合行政执法/.test(b.name));
  const participants = [...traffic, ...bodies.filter((b) => !traffic.includes(b))].slice(0, Math.min(4, bodies.length));
  const campaign = await createCampaign(at(sz, start), {
    title: '道路交通安全和运输执法领域突出问题专项整治',
    periodFrom: start,
    periodTo: addDays(start, 270),
    bodyIds: participants.map((b) => b.id),
    channels: ['12345政务服务便民热线', '专项整治举报邮箱', '“示范市司法局”微信公众号', '特邀行政执法监督员明察暗访'],
    summary: '聚焦逐利执法、粗暴执法、随意执法、选择性执法等突出问题，开展问题线索收集、核查整改和建章立制。',
  });
  const STEPS = ['动员部署，印发工作方案', '公布线索征集渠道', '各单位开展自查自纠', '梳理问题线索并建立台账', '重点线索核查', '集中整改', '明察暗访', '“回头看”督导检查', '建章立制，巩固成效'];
  for (let w = 0; w < STEPS.length; w++) {
    const s = addDays(start, w * 14);
    const step = await addStep(at(sz, start), campaign.id, { title: STEPS[w]!, startDate: s, endDate: addDays(s, 13), note: null });
    const status = addDays(s, 13) < today ? 'done' : s <= today ? 'doing' : 'planned';
    if (status !== 'planned') await updateStep(at(sz, s <= today ? s : start), step.id, { version: step.version, status, note: status === 'done' ? '按计划完成' : null });
  }
  const lastMonth = (() => {
    const y = Number(today.slice(0, 4));
    const m = Number(today.slice(5, 7));
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  })();
  const months = monthsOf(start, addDays(start, 270), lastMonth);
  for (const month of months) {
    for (let i = 0; i < participants.length; i++) {
      const b = participants[i]!;
      if (month === lastMonth && i === participants.length - 1 && participants.length > 1) continue;
      const actor = bodyActor(b);
      if (!actor) continue;
      const found = 3 + ((i + month.charCodeAt(6)) % 5);
      await submitMonthlyReport(at(actor, `${month}-28` > today ? today : `${month}-28`), campaign.id, {
        bodyId: b.id,
        month,
        problemsFound: found,
        problemsRectified: Math.max(0, found - (i % 3)),
        content: `${month} 月，本单位围绕专项整治开展自查，梳理执法问题线索 ${found} 条，已完成整改并建立长效机制。`,
      });
    }
  }
};
