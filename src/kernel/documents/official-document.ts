/**
 * Printable documents in the 公文 style (GB/T 9704): A4, margins 37 mm top, 35 mm bottom, 28 mm left,
 * 26 mm right; 三号 (16 pt) 宋体 or 仿宋 with fixed 28 pt line spacing; first-line indent of two characters.
 * Every module's .docx (答复书, 决定书, 答辩状, 监督文书, 述职述法报告 …) is built from these pieces.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun, type FileChild } from 'docx';

export const SONG_FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
export const FANGSONG_FONT = { ascii: 'FangSong', eastAsia: '仿宋', hAnsi: 'FangSong' };

export interface DocParaOptions {
  center?: boolean;
  right?: boolean;
  bold?: boolean;
  /** Half-points: 32 = 三号 (body text), 36 = 小二, 44 = 二号 (the title). */
  size?: number;
  /** First-line indent of two characters. */
  indent?: boolean;
  font?: typeof SONG_FONT;
}

/** One paragraph of a document. */
export const docPara = (text: string, opts: DocParaOptions = {}): Paragraph =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    spacing: { line: 560 },
    ...(opts.indent ? { indent: { firstLine: 640 } } : {}),
    children: [new TextRun({ text, font: opts.font ?? SONG_FONT, size: opts.size ?? 32, bold: opts.bold ?? false })],
  });

/** A date as written in documents: 2026-03-02 → 2026年3月2日. */
export const cnDate = (d: string): string => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The .docx bytes of a one-section document with the 公文 page margins. */
export const officialDocx = (title: string, children: FileChild[]): Promise<Buffer> =>
  Packer.toBuffer(
    new Document({
      creator: '法治政府建设综合管理平台',
      title,
      sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
    }),
  );
