import ExcelJS from 'exceljs';
import type { TestApp } from '../../../../test/helpers';
import { demoReleases, type DemoCompany } from '../demoData';
import { SHEETS, type SheetName } from '../excelSheets';
import { waitForImport } from '../importService';
import type * as O from '../ocds/model';

/** Helpers shared by the risk tests and scope fixtures: multipart uploads, workbooks, generated processes of the demo county. */
export function multipartBody(file: { name: string; content: Buffer | string }, fields: Record<string, string>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----lianjian${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A workbook with the template's headers and the given rows (objects keyed by the columns' keys). */
export async function workbook(rows: Partial<Record<SheetName, Array<Record<string, string | number>>>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cols] of Object.entries(SHEETS) as Array<[SheetName, (typeof SHEETS)[SheetName]]>) {
    const ws = wb.addWorksheet(name);
    ws.addRow(cols.map((c) => (c.required ? `${c.header}*` : c.header)));
    for (const r of rows[name] ?? []) ws.addRow(cols.map((c) => r[c.key] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function unitOf(t: TestApp, code: string): Promise<{ id: string; name: string }> {
  return t.ctx.db.selectFrom('units').select(['id', 'name']).where('code', '=', code).executeTakeFirstOrThrow();
}

export async function countyCompanies(t: TestApp, n = 20): Promise<DemoCompany[]> {
  const rows = await t.ctx.db.selectFrom('companies').select(['id', 'name', 'credit_code', 'legal_representative', 'address']).where('county_code', '=', '530125').orderBy('credit_code').limit(n).execute();
  return rows.map((c) => ({ id: c.id, name: c.name, creditCode: c.credit_code, legalRepresentative: c.legal_representative, address: c.address }));
}

/** Generated processes bought by the given units (their names, so the import maps them to those units). */
export async function generated(t: TestApp, buyerUnitCodes: string[], seed = 7): Promise<O.Release[]> {
  const buyers = await Promise.all(buyerUnitCodes.map(async (c) => ({ name: (await unitOf(t, c)).name })));
  return demoReleases('530125', 2026, await countyCompanies(t), buyers, seed);
}

/** Upload through the API as `cookie`, wait for the job, return the final batch. */
export async function importFile(t: TestApp, cookie: string, file: { name: string; content: Buffer | string }, unitId: string, screen = true) {
  const { payload, headers } = multipartBody(file, { unitId, screen: String(screen) });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/risk/imports', payload, headers: { ...headers, cookie } });
  if (res.statusCode !== 202) return { status: res.statusCode, body: res.json() };
  await waitForImport(res.json().id);
  const done = await t.app.inject({ method: 'GET', url: `/api/v1/risk/imports/${res.json().id}`, headers: { cookie } });
  return { status: res.statusCode, body: done.json() };
}
