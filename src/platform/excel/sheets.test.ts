import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addTemplateSheet, normalizeDate, readWorkbookSheets, type SheetColumn } from './sheets';

/** The workbook helpers every import uses: template → filled → read back by header text, problems and limits. */
const cols: SheetColumn[] = [
  { key: 'no', header: '凭证号', required: true, text: true },
  { key: 'amount', header: '金额(元)', required: true },
  { key: 'kind', header: '类别', choices: ['现金', '转账'] },
];

async function filled(rows: Array<Array<string | number | Date | null>>, headers = ['类别', '金额(元)*', ' 凭证号 ', '备注']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('资金收支');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('workbook sheets', () => {
  it('writes a template whose required headers are marked and whose choices are a drop-down', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addTemplateSheet(wb, '资金收支', cols, 100);
    expect(ws.getRow(1).values).toEqual([undefined, '凭证号*', '金额(元)*', '类别']);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(await wb.xlsx.writeBuffer()) as never);
    const validations = (back.getWorksheet('资金收支') as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(Object.values(validations).map((v) => v.formulae[0])).toContain('"现金,转账"');
  });

  it('reads columns by header text in any order (marks, spaces and extra columns ignored), skipping blank rows', async () => {
    const { sheets, problems } = await readWorkbookSheets(await filled([['现金', 1200.5, '0012', 'x'], [null, null, null, null], ['转账', 300, new Date('2026-03-05T00:00:00Z'), null]]), { 资金收支: cols, 合同: cols }, 100);
    expect(problems).toEqual([]);
    expect(sheets.资金收支).toEqual([{ row: 2, v: { kind: '现金', amount: '1200.5', no: '0012' } }, { row: 4, v: { kind: '转账', amount: '300', no: '2026-03-05' } }]);
    expect(sheets.合同).toEqual([]);
  });

  it('names a missing required column on row 1 and refuses more rows than the limit', async () => {
    const { problems } = await readWorkbookSheets(await filled([['现金', 1]], ['类别', '金额(元)']), { 资金收支: cols }, 100);
    expect(problems).toEqual([{ sheet: '资金收支', row: 1, column: '凭证号', message: '缺少必填列' }]);
    await expect(readWorkbookSheets(await filled([['现金', 1, 'a'], ['现金', 2, 'b'], ['现金', 3, 'c']]), { 资金收支: cols }, 2)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expect(readWorkbookSheets(Buffer.from('not a workbook'), { 资金收支: cols }, 2)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('normalises the date forms people type', () => {
    expect(['2026/1/5', '2026.01.05', '2026年1月5日', '20260105'].map(normalizeDate)).toEqual(Array(4).fill('2026-01-05'));
    expect(normalizeDate('上周五')).toBe('上周五');
  });
});
