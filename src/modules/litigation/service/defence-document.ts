import { AppError, cnDate, type Ctx, docPara, officialDocx, recordAudit } from '../../../kernel';
import { CAUSES, INSTANCES, PARTY_TYPES } from '../case-machine';
import { getCaseInScope, MODULE, orgNameOf } from './access';

const para = docPara;
const label = (list: readonly { value: string; label: string }[], v: string) => list.find((o) => o.value === v)?.label ?? v;

/**
 * 行政诉讼答辩状 (.docx) as filed: 答辩人 (the agency), the plaintiffs, the court and its case number, the
 * defence and the list of evidence and normative documents (《行政诉讼法》第六十七条).
 */
export const buildDefenceDocument = async (ctx: Ctx, id: number): Promise<{ fileName: string; data: Buffer }> => {
  const row = await getCaseInScope(ctx, id);
  if (!row.defenceFiledDate || !row.evidenceList) throw new AppError('INVALID_STATE', '尚未提交答辩状，不能生成答辩状文书');
  const orgName = (await orgNameOf(ctx.db, row.orgId)) ?? '';
  const children = [
    para('行政诉讼答辩状', { center: true, size: 44, bold: true }),
    para(''),
    para(`答辩人：${orgName}`),
    ...row.plaintiffs.map((p) => para(`被答辩人（原告）：${p.name}（${label(PARTY_TYPES, p.type)}）`)),
    ...(row.thirdParties ? [para(`第三人：${row.thirdParties}`)] : []),
    para(''),
    para(
      `答辩人因被答辩人诉${row.contestedAct}（案由：${label(CAUSES, row.cause)}）一案，${row.servedDate ? `于${cnDate(row.servedDate)}收到${row.courtName}送达的应诉通知书及起诉状副本，` : ''}现依据《中华人民共和国行政诉讼法》第六十七条提出答辩如下：`,
      { indent: true },
    ),
    para(row.defenceSummary ?? '答辩人作出的行政行为认定事实清楚，证据确凿，适用法律、法规正确，符合法定程序。', { indent: true }),
    para('综上，请求人民法院依法驳回被答辩人的诉讼请求。', { indent: true }),
    para('证据及规范性文件清单：', { bold: true }),
    ...row.evidenceList.split(/\r?\n/).filter((l) => l.trim()).map((l) => para(l.trim(), { indent: true })),
    para(''),
    para('此致'),
    para(`${row.courtName}（${row.courtCaseNo ?? ''}，${label(INSTANCES, row.instance)}）`),
    para(''),
    para(`答辩人：${orgName}（盖章）`, { right: true }),
    para(cnDate(row.defenceFiledDate), { right: true }),
  ];
  const data = await officialDocx(`行政诉讼答辩状 ${row.courtCaseNo ?? row.caseNo}`, children);
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'case.defence_document', module: MODULE, entityType: 'litigation_case', entityId: id, after: { caseNo: row.caseNo } }));
  return { fileName: `行政诉讼答辩状-${row.caseNo}.docx`, data };
};
