import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { documentDate, fonts } from '../analysis/report/officialDocument';

/**
 * Case documents (立案决定书, 处分决定书, 函询通知, 廉政意见回复) in the office's document style (GB/T 9704 sizes,
 * fonts from the analysis module): issuing organ in red 小标宋, the document number, title, body, issuer, date.
 */
const PT = 2;
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const LINE = Math.floor(mm(225) / 22);
const font = (eastAsia: string) => ({ eastAsia, ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin });
const run = (text: string, eastAsia: string = fonts.body, size = 16, extra: { bold?: boolean; color?: string } = {}) => new TextRun({ text, font: font(eastAsia), size: size * PT, ...extra });
const para = (children: TextRun[], align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.JUSTIFIED, indent = true) =>
  new Paragraph({ children, alignment: align, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, indent: indent ? { firstLine: 2 * 16 * 20 } : undefined });

export interface CaseDocument {
  /** Issuing organ, printed in red at the top (e.g. 中共宜良县纪律检查委员会). */
  issuerHeader: string;
  docNo?: string;
  title: string;
  /** Addressee line (e.g. 宜良县某某局：), printed without indent. */
  addressee?: string;
  paragraphs: string[];
  issuer: string;
  date: string;
}

export async function renderCaseDocument(d: CaseDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    para([run(d.issuerHeader, fonts.title, 22, { color: 'C00000' })], AlignmentType.CENTER, false),
    ...(d.docNo ? [para([run(d.docNo)], AlignmentType.CENTER, false)] : []),
    para([run('')], AlignmentType.CENTER, false),
    para([run(d.title, fonts.title, 22)], AlignmentType.CENTER, false),
    para([run('')], AlignmentType.CENTER, false),
    ...(d.addressee ? [para([run(d.addressee)], AlignmentType.LEFT, false)] : []),
    ...d.paragraphs.map((p) => para([run(p)])),
    para([run('')], AlignmentType.CENTER, false),
    para([run(d.issuer)], AlignmentType.RIGHT, false),
    para([run(documentDate(d.date))], AlignmentType.RIGHT, false),
  ];
  const doc = new Document({
    creator: 'Lianjian', title: d.title,
    styles: { default: { document: { run: { font: font(fonts.body), size: 16 * PT } } } },
    sections: [{ properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } }, children }],
  });
  return Packer.toBuffer(doc);
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 宜良县 → 中共宜良县纪律检查委员会 / 宜良县监察委员会. */
export function issuerNames(countyName: string) {
  return { party: `中共${countyName}纪律检查委员会`, state: `${countyName}监察委员会`, joint: `中共${countyName}纪律检查委员会\u3000${countyName}监察委员会` };
}
