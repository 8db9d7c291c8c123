import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { recordAudit, type Ctx } from '../../../kernel';
import { getOrderInScope, MODULE, orgNameOf } from './access';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const run = (t: string, opts: { bold?: boolean; size?: number } = {}) => new TextRun({ text: t, font: FONT, size: opts.size ?? 30, bold: opts.bold ?? false });
const para = (t: string, opts: { center?: boolean; right?: boolean; bold?: boolean; size?: number; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    spacing: { line: 500 },
    ...(opts.indent ? { indent: { firstLine: 600 } } : {}),
    children: [run(t, opts)],
  });
const cell = (t: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: t.split('\n').map((line) => new Paragraph({ spacing: { line: 400 }, children: [run(line, { bold, size: 28 })] })),
  });
const row = (k: string, v: string) => new TableRow({ children: [cell(k, 22, true), cell(v, 78)] });

const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 督办单 (.docx): number, ordered unit, matter, requirement, deadline, issuer and date, and a 回执 to return. */
export const buildOrderDocument = async (ctx: Ctx, id: number): Promise<{ fileName: string; data: Buffer }> => {
  const order = await getOrderInScope(ctx, id);
  const orgName = (await orgNameOf(ctx.db, order.orgId)) ?? '';
  const issuer = (await orgNameOf(ctx.db, order.issuerOrgId)) ?? '';
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
  const doc = new Document({
    creator: '法治政府建设综合管理平台',
    title: `督办单 ${order.orderNo}`,
    sections: [
      {
        properties: { page: { margin: { top: 1800, bottom: 1600, left: 1587, right: 1474 } } },
        children: [
          para('法治督察督办单', { center: true, size: 44, bold: true }),
          para(order.orderNo, { center: true }),
          para(''),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders,
            rows: [
              row('文号', order.orderNo),
              row('被督办单位', orgName),
              row('督办事项', order.title),
              row('督办内容', order.content),
              row('整改要求', order.requirement),
              row('整改期限', `${cnDate(order.dueDate)}前报送整改情况及佐证材料`),
              ...(order.sourceTitle ? [row('来源事项', order.sourceTitle)] : []),
            ],
          }),
          para(''),
          para(`请你单位高度重视，按照“清单式督查指导、销号式整改落实”的要求，于${cnDate(order.dueDate)}前完成整改，并将整改情况连同佐证材料报送${issuer}。逾期未整改或整改不到位的，将依照《法治政府建设与责任落实督察工作规定》予以约谈、通报。`, {
            indent: true,
          }),
          para(''),
          para(`签发单位：${issuer}`, { right: true }),
          para(`签发日期：${cnDate(order.issuedOn)}`, { right: true }),
          para(''),
          para('------------------------------（沿此线剪下）------------------------------', { center: true, size: 24 }),
          para('督办单回执', { center: true, size: 36, bold: true }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders,
            rows: [
              row('督办单文号', order.orderNo),
              row('被督办单位', orgName),
              row('收到日期', '      年    月    日'),
              row('整改措施', '\n\n'),
              row('整改结果', '\n\n'),
              row('单位负责人（签字）', ''),
              row('经办人及电话', ''),
            ],
          }),
          para('（单位盖章）      年    月    日', { right: true }),
        ],
      },
    ],
  });
  const data = await Packer.toBuffer(doc);
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'order.document', module: MODULE, entityType: 'supervision_order', entityId: id, after: { orderNo: order.orderNo } }));
  return { fileName: `督办单-${order.orderNo}.docx`, data };
};
