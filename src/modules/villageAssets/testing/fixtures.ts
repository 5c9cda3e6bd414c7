import ExcelJS from 'exceljs';
import type { TestApp } from '../../../../test/helpers';
import { SHEETS, sheetNames, type SheetName } from '../sheets';

export { multipartBody } from '../../risk/testing/fixtures';

/** A workbook with the template's headers and the given rows (objects keyed by the columns' keys). */
export async function ledgerWorkbook(rows: Partial<Record<SheetName, Array<Record<string, string | number>>>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const name of sheetNames) {
    const ws = wb.addWorksheet(name);
    ws.addRow(SHEETS[name].map((c) => (c.required ? `${c.header}*` : c.header)));
    for (const r of rows[name] ?? []) ws.addRow(SHEETS[name].map((c) => r[c.key] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A village of the given township (the n-th by code). */
export async function villageOf(t: Pick<TestApp, 'ctx'>, townshipCode: string, n = 0): Promise<{ id: string; code: string; name: string }> {
  const town = await t.ctx.db.selectFrom('units').select('id').where('code', '=', townshipCode).executeTakeFirstOrThrow();
  return t.ctx.db.selectFrom('units').select(['id', 'code', 'name']).where('parent_id', '=', town.id).where('kind', '=', 'village').orderBy('code').offset(n).limit(1).executeTakeFirstOrThrow();
}

/** Three payments to one supplier within a fortnight, each under ¥5,000, together ¥7,800: the split the rules flag. */
export const splitRows = (supplier: string, first = '2026-03-02') => [0, 6, 12].map((d, i) => ({
  date: new Date(Date.parse(`${first}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10), voucherNo: `记-03-${String(i + 1).padStart(3, '0')}`, direction: '支出',
  amount: [2800, 2600, 2400][i], counterparty: supplier, paymentMethod: '转账', category: '工程', summary: '村活动室维修材料', published: '是',
}));
