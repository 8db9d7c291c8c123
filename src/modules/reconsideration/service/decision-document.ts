import { AppError, cnDate, type Ctx, docPara, officialDocx, recordAudit } from '../../../kernel';
import { DECISION_TYPES, PARTY_TYPES } from '../case-machine';
import { getCaseInScope, MODULE, orgNameOf } from './access';

const para = docPara;
const typeLabel = (v: string) => PARTY_TYPES.find((t) => t.value === v)?.label ?? v;

/**
 * 行政复议决定书 (.docx) of a decided case, numbered with its 决定书文号: parties, request, facts, reasons,
 * the decision with its article, and the notice of the right to sue within 15 days of service
 * (《行政诉讼法》第四十五条; statutes.md §1.3 and deadline table).
 */
export const buildDecisionDocument = async (ctx: Ctx, id: number): Promise<{ fileName: string; data: Buffer }> => {
  const row = await getCaseInScope(ctx, id);
  if (row.status !== 'decided' || !row.decisionNo || !row.decisionDate || !row.decisionType) throw new AppError('INVALID_STATE', '案件尚未作出行政复议决定，不能生成决定书');
  const [orgName, respondentName] = await Promise.all([orgNameOf(ctx.db, row.orgId), orgNameOf(ctx.db, row.respondentOrgId)]);
  const type = DECISION_TYPES.find((t) => t.value === row.decisionType);
  const children = [
    para(orgName ?? '', { center: true, size: 36, bold: true }),
    para('行政复议决定书', { center: true, size: 44, bold: true }),
    para(row.decisionNo, { center: true }),
    para(''),
    ...row.applicants.map((a) => para(`申请人：${a.name}（${typeLabel(a.type)}）`)),
    ...row.thirdParties.map((p) => para(`第三人：${p.name}`)),
    ...(row.agent ? [para(`委托代理人：${row.agent.name}`)] : []),
    para(`被申请人：${respondentName ?? ''}`),
    para(''),
    para(
      `申请人不服被申请人作出的${row.actName}${row.actDocNo ? `（${row.actDocNo}）` : ''}，于${cnDate(row.receivedDate)}向本机关申请行政复议，本机关于${cnDate(row.acceptedDate ?? row.receivedDate)}依法受理${row.procedure === 'simplified' ? '，适用简易程序审理' : ''}${row.hearingHeldDate ? `，并于${cnDate(row.hearingHeldDate)}举行听证` : ''}。本案现已审理终结。`,
      { indent: true },
    ),
    para(`申请人请求：${row.request}`, { indent: true }),
    para(`申请人称：${row.factsReasons}`, { indent: true }),
    ...(row.answerSummary ? [para(`被申请人称：${row.answerSummary}`, { indent: true })] : []),
    para(`经审理查明：${row.decisionFacts ?? ''}`, { indent: true }),
    para(`本机关认为：${row.decisionReasons ?? ''}`, { indent: true }),
    para(`根据《中华人民共和国行政复议法》${type?.article ?? ''}的规定，本机关决定如下：`, { indent: true }),
    para(`${type?.label ?? row.decisionType}。${row.decisionMain ?? ''}`, { indent: true, bold: true }),
    para('申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。', { indent: true }),
    para('本决定书自送达之日起发生法律效力。', { indent: true }),
    para(''),
    para(orgName ?? '', { right: true }),
    para(cnDate(row.decisionDate), { right: true }),
  ];
  const data = await officialDocx(`行政复议决定书 ${row.decisionNo}`, children);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'case.decision_document', module: MODULE, entityType: 'reconsideration_case', entityId: id, after: { decisionNo: row.decisionNo } }),
  );
  return { fileName: `行政复议决定书-${row.decisionNo}.docx`, data };
};
