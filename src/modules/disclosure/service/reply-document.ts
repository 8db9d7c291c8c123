import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { AppError, recordAudit, type Ctx } from '../../../kernel';
import { REPLY_TYPES } from '../request-machine';
import { getRequestInScope, MODULE, orgNameOf } from './request-access';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const text = (t: string, opts: { bold?: boolean; size?: number } = {}) => new TextRun({ text: t, font: FONT, size: opts.size ?? 32, bold: opts.bold ?? false });
const para = (t: string, opts: { center?: boolean; right?: boolean; bold?: boolean; size?: number; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    spacing: { line: 560 },
    ...(opts.indent ? { indent: { firstLine: 640 } } : {}),
    children: [text(t, opts)],
  });

const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 政府信息公开申请答复书 (.docx) of a replied request, numbered with its 答复书文号. */
export const buildReplyDocument = async (ctx: Ctx, id: number): Promise<{ fileName: string; data: Buffer }> => {
  const row = await getRequestInScope(ctx, id);
  if (row.status !== 'replied' || !row.replyNo || !row.repliedDate || !row.replyType) {
    throw new AppError('INVALID_STATE', '申请尚未答复，不能生成答复书');
  }
  const orgName = (await orgNameOf(ctx.db, row.orgId)) ?? '';
  const type = REPLY_TYPES.find((t) => t.value === row.replyType);
  const doc = new Document({
    creator: '法治政府建设综合管理平台',
    title: `政府信息公开申请答复书 ${row.replyNo}`,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          para(orgName, { center: true, size: 36, bold: true }),
          para('政府信息公开申请答复书', { center: true, size: 44, bold: true }),
          para(row.replyNo, { center: true }),
          para(''),
          para(`${row.applicantName}：`),
          para(
            `本机关于${cnDate(row.correctedDate ?? row.receivedDate)}收到您（单位）提出的政府信息公开申请（登记号：${row.requestNo}），申请获取“${row.content}”的政府信息。`,
            { indent: true },
          ),
          para(`经审查，根据《中华人民共和国政府信息公开条例》${type?.article ?? ''}的规定，现答复如下：${type?.label ?? row.replyType}。`, { indent: true }),
          para(row.replySummary ?? '', { indent: true }),
          para(
            '如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
            { indent: true },
          ),
          para(''),
          para(orgName, { right: true }),
          para(cnDate(row.repliedDate), { right: true }),
        ],
      },
    ],
  });
  const data = await Packer.toBuffer(doc);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'request.reply_document', module: MODULE, entityType: 'disclosure_request', entityId: id, after: { replyNo: row.replyNo } }),
  );
  return { fileName: `政府信息公开申请答复书-${row.replyNo}.docx`, data };
};
