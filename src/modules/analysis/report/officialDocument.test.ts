import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods';
import { composeReport } from './compose';
import { documentDate, renderOfficialDocument } from './officialDocument';
import { defaultTemplates } from './templates';

async function xmlOf(): Promise<{ doc: string; footers: string[]; settings: string }> {
  const model = composeReport({
    period: parsePeriod('2026Q1'), templates: defaultTemplates, countyCode: '530125', countyName: '宜良县', issuer: '中共宜良县纪律检查委员会', date: '2026-04-08',
    metrics: { 'cases.opened': { key: 'cases.opened', label: '立案', labelEn: 'Cases', unit: '件', value: 12, recordIds: [] } },
  });
  const zip = await JSZip.loadAsync(await renderOfficialDocument(model));
  const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
  return { doc: await zip.file('word/document.xml')!.async('string'), footers, settings: await zip.file('word/settings.xml')!.async('string') };
}

const mm = (v: number) => Math.round((v * 1440) / 25.4);
const attr = (xml: string, el: string, name: string) => new RegExp(`<w:${el}[^>]*w:${name}="(-?\\d+)"`).exec(xml)?.[1];

describe('official document format (GB/T 9704-2012)', () => {
  it('sets A4 with margins 37/35/28/26 mm and a 22-line grid', async () => {
    const { doc } = await xmlOf();
    expect(Number(attr(doc, 'pgSz', 'w'))).toBe(mm(210));
    expect(Number(attr(doc, 'pgSz', 'h'))).toBe(mm(297));
    expect(Number(attr(doc, 'pgMar', 'top'))).toBe(mm(37));
    expect(Number(attr(doc, 'pgMar', 'bottom'))).toBe(mm(35));
    expect(Number(attr(doc, 'pgMar', 'left'))).toBe(mm(28));
    expect(Number(attr(doc, 'pgMar', 'right'))).toBe(mm(26));
    const pitch = Number(attr(doc, 'docGrid', 'linePitch'));
    expect(Math.floor((297 - 37 - 35) * 56.6929 / pitch)).toBe(22);
  });

  it('sets the title in 2号 方正小标宋简体 and the body in 3号 仿宋_GB2312 with 黑体 and 楷体 headings', async () => {
    const { doc } = await xmlOf();
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/>(?:<[^>]+>)*?<w:sz w:val="44"\/>/);
    expect(doc).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/>(?:<[^>]+>)*?<w:sz w:val="32"\/>/);
    expect(doc).toContain('w:eastAsia="黑体"');
    expect(doc).toContain('一、主要做法和成效');
    expect(doc).toContain('w:eastAsia="楷体_GB2312"');
    expect(doc).toContain('w:ascii="Times New Roman"');
    expect(doc).toContain('w:lineRule="exact"');
  });

  it('numbers pages in 4号 as — 1 —, odd pages right and even pages left', async () => {
    const { footers, settings } = await xmlOf();
    expect(settings).toContain('<w:evenAndOddHeaders');
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— ');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });

  it('dates the document in Arabic numerals without leading zeros', async () => {
    expect(documentDate('2026-04-08')).toBe('2026年4月8日');
    expect((await xmlOf()).doc).toContain('2026年4月8日');
  });
});
