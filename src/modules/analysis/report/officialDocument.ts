import {
  AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun,
} from 'docx';
import type { ReportModel, Run } from './model';

/**
 * The report in official document format (GB/T 9704-2012): A4; margins 37/35/28/26 mm; 22 lines of 28
 * characters; title 2号 方正小标宋简体, body 3号 仿宋_GB2312, headings 一、黑体 and （一）楷体_GB2312;
 * page numbers 4号 "— 1 —", odd pages right and even pages left; the date in Arabic numerals.
 * Numbers and Latin letters are set in Times New Roman, as offices do. Where a machine lacks the official
 * fonts, Word and LibreOffice substitute the next family named here (e.g. 仿宋 for 仿宋_GB2312).
 */
export const fonts = {
  title: '方正小标宋简体',
  titleFallback: '宋体',
  body: '仿宋_GB2312',
  bodyFallback: '仿宋',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  heading2Fallback: '楷体',
  latin: 'Times New Roman',
  pageNumber: '宋体',
} as const;

/** Millimetres to twips, rounded (A4 is 11906 × 16838 twips in every word processor). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const PT = 2; // docx sizes are half-points
const SIZE = { title: 22 * PT, body: 16 * PT, pageNumber: 14 * PT }; // 2号 22pt, 3号 16pt, 4号 14pt
/** 225 mm of type area / 22 lines ≈ 28.9 pt per line (rounded down so 22 lines always fit), an exact line height in twips. */
const LINE_TWIPS = Math.floor(mm(225) / 22);
/** 156 mm / 28 characters = 5.57 mm, one 3号 character plus its share of spacing; two of them indent a paragraph. */
const INDENT_TWIPS = 2 * 16 * 20;

const font = (eastAsia: string) => ({ eastAsia, ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin });

function runs(rs: Run[], eastAsia: string, size: number, bold = false): TextRun[] {
  return rs.map((r) => new TextRun({ text: r.text, font: font(eastAsia), size, bold }));
}

function bodyParagraph(children: TextRun[], opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; rightChars?: number } = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { ...(opts.indent !== false ? { firstLine: INDENT_TWIPS } : {}), ...(opts.rightChars ? { right: opts.rightChars * 16 * 20 } : {}) },
  });
}

const blank = () => bodyParagraph([new TextRun({ text: '', size: SIZE.body })], { indent: false });

function pageNumberFooter(align: 'right' | 'left'): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: align === 'right' ? { right: 16 * 20 } : { left: 16 * 20 },
      children: [
        new TextRun({ text: '— ', font: font(fonts.pageNumber), size: SIZE.pageNumber }),
        new TextRun({ children: [PageNumber.CURRENT], font: font(fonts.pageNumber), size: SIZE.pageNumber }),
        new TextRun({ text: ' —', font: font(fonts.pageNumber), size: SIZE.pageNumber }),
      ],
    })],
  });
}

/** 2026-04-05 → 2026年4月5日 (Arabic numerals, no leading zeros). */
export function documentDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export async function renderOfficialDocument(report: ReportModel): Promise<Buffer> {
  const body: Paragraph[] = [
    blank(), blank(),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: LINE_TWIPS * 1.2, lineRule: LineRuleType.EXACT }, children: runs(report.title, fonts.title, SIZE.title) }),
    blank(),
  ];
  for (const section of report.sections) {
    body.push(bodyParagraph(runs([{ kind: 'text', text: section.heading }], fonts.heading1, SIZE.body)));
    for (const sub of section.subsections) {
      const first = sub.paragraphs[0];
      sub.paragraphs.forEach((p) => {
        // A （一） heading runs in at the start of its first paragraph, in 楷体, as county reports set it.
        const lead = sub.heading && p === first ? runs([{ kind: 'text', text: `${sub.heading}。` }], fonts.heading2, SIZE.body) : [];
        body.push(bodyParagraph([...lead, ...runs(p.runs, fonts.body, SIZE.body)]));
      });
    }
  }
  body.push(blank(), blank());
  body.push(bodyParagraph(runs([{ kind: 'text', text: report.issuer }], fonts.body, SIZE.body), { indent: false, align: AlignmentType.RIGHT, rightChars: 2 }));
  body.push(bodyParagraph(runs([{ kind: 'label', text: documentDate(report.date) }], fonts.body, SIZE.body), { indent: false, align: AlignmentType.RIGHT, rightChars: 4 }));

  const doc = new Document({
    creator: 'Lianjian',
    title: report.title.map((r) => r.text).join(''),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(fonts.body), size: SIZE.body } } } },
    sections: [{
      properties: {
        page: {
          size: { width: mm(210), height: mm(297) },
          margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) },
        },
        grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_TWIPS },
      },
      footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
      children: body,
    }],
  });
  return Packer.toBuffer(doc);
}
