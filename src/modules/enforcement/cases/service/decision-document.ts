import { eq } from 'drizzle-orm';
import { AppError, cnDate, docPara, officialDocx, recordAudit, type Ctx } from '../../../../kernel';
import { enforcementBody, enforcementItem } from '../../registry/schema';
import { caseMachine } from '../case-machine';
import { getCaseInScope, MODULE } from './access';

const para = docPara;
const yuan = (fen: number): string => (fen / 100).toFixed(2);
const PARTY_KIND: Record<string, string> = { citizen: '公民', legal_person: '法人', other_org: '其他组织' };

/**
 * 行政处罚决定书 (.docx) of a decided penalty, with what 行政处罚法第五十九条 requires it to state: the party;
 * the facts and evidence; the penalty and its legal basis; how and by when to comply (the fine within 15 days
 * of receipt, 第六十七条); the remedies and their periods (行政复议 within 60 days, 行政复议法第二十条;
 * 行政诉讼 within 6 months, 行政诉讼法第四十六条); the deciding body and the date. Audited.
 */
export const buildPenaltyDecisionDocument = async (ctx: Ctx, id: number): Promise<{ fileName: string; data: Buffer }> => {
  const row = await getCaseInScope(ctx, id);
  if (row.kind !== 'penalty' || row.decisionType !== 'punish' || !row.decidedDate || !row.decisionNo) {
    throw new AppError('INVALID_STATE', '只有已作出行政处罚决定的案件才能生成行政处罚决定书', { details: { reason: 'not_punished' } });
  }
  const [body] = await ctx.db.select({ name: enforcementBody.name }).from(enforcementBody).where(eq(enforcementBody.id, row.bodyId));
  const [item] = row.itemId ? await ctx.db.select({ name: enforcementItem.name, legalBasis: enforcementItem.legalBasis }).from(enforcementItem).where(eq(enforcementItem.id, row.itemId)) : [];
  const bodyName = body?.name ?? '';
  const facts = row.noticeFacts ?? row.investigationNote ?? '';
  const children = [
    para(bodyName, { center: true, size: 36, bold: true }),
    para('行政处罚决定书', { center: true, size: 44, bold: true }),
    para(row.decisionNo, { center: true }),
    para(''),
    para(`当事人：${row.partyName}（${PARTY_KIND[row.partyKind] ?? ''}）`),
    para(''),
    para(`本机关于${cnDate(row.filedDate)}对${row.title}立案调查。${row.noticeDate ? `${cnDate(row.noticeDate)}，本机关告知当事人拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有陈述、申辩${row.hearingRight ? '、要求听证' : ''}的权利。` : ''}${row.hearingHeldDate ? `本机关于${cnDate(row.hearingHeldDate)}依法举行听证。` : ''}${row.legalReviewResult === 'passed' && row.legalReviewDate ? `本案经法制审核（${cnDate(row.legalReviewDate)}）。` : ''}`, { indent: true }),
    para(`经查明：${facts}`, { indent: true }),
    para(`以上事实，有现场检查笔录、调查询问笔录及相关证据材料为证。`, { indent: true }),
    para(`本机关认为，当事人的上述行为违反了${item?.legalBasis ?? '有关法律、法规、规章'}的规定${item ? `，属于“${item.name}”所列情形` : ''}。`, { indent: true }),
    para(`依据上述规定，本机关决定：${row.decisionContent ?? ''}${row.fineFen != null ? `（罚款金额人民币${yuan(row.fineFen)}元）` : ''}`, { indent: true, bold: true }),
    para('当事人应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款。逾期不缴纳的，本机关将依法强制执行。', { indent: true }),
    para('当事人对本决定不服的，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外。', { indent: true }),
    para(''),
    para(bodyName, { right: true }),
    para(cnDate(row.decidedDate), { right: true }),
  ];
  const data = await officialDocx(`行政处罚决定书 ${row.decisionNo}`, children);
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'case.decision_document', module: MODULE, entityType: caseMachine.entity, entityId: id, after: { decisionNo: row.decisionNo } }));
  return { fileName: `行政处罚决定书-${row.decisionNo}.docx`, data };
};
