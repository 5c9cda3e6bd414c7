import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from '../../../test/helpers';
import { generateCitizenId, maskCitizenId } from '../../platform/identifiers/citizenId';
import { XLSX_TYPE } from '../../platform/excel/sheets';

let t: TestApp;
let t102: string;
const HEADERS = ['姓名*', '性别*', '出生日期', '公民身份号码', '是否党员', '所在单位编码*', '职务', '职级*', '干部管理权限*', '联系电话'];

/** A multipart body built by hand: light-my-request takes the raw bytes and the boundary header. */
function multipart(content: Buffer, filename = 'officials.xlsx') {
  const boundary = `----lianjian${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(cookie: string, content: Buffer, locale = 'zh-CN') {
  const { payload, headers } = multipart(content);
  return t.app.inject({ method: 'POST', url: '/api/v1/org/officials/import', headers: { ...headers, cookie, 'accept-language': locale }, payload });
}

async function workbook(rows: unknown[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('干部信息');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readBook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
}

let seq = 0;
/** A valid official row in unit `unitCode`; IDs use another region code so they never meet the demo's. */
function row(unitCode = '530125102', name = `导入测试${++seq}`): unknown[] {
  const id = generateCitizenId('530102', '1985-03-15', 2 * seq + 1, 'male');
  return [name, '男', '1985-03-15', id, '是', unitCode, '干部', '一般干部', '乡镇管', '13800001234'];
}

beforeAll(async () => {
  t = await createTestApp();
  t102 = await t.login('t530125102');
});
afterAll(async () => { await t?.close(); });

describe('officials Excel import', () => {
  it('serves a template that, filled in, imports', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/org/officials/import-template', headers: { cookie: t102 } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const wb = await readBook(res.rawPayload);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    const values = wb.getWorksheet('可选值')!.getSheetValues().flat();
    expect(values).toEqual(expect.arrayContaining(['省部级', 'provincial', '村管', 'village', '男', '否']));
    const unitCodes = wb.getWorksheet('单位编码')!.getColumn(1).values;
    expect(unitCodes).toContain('530125102');
    expect(unitCodes).not.toContain('530125103');

    sheet.addRow(row());
    sheet.addRow(row('530125102', '李四')).getCell(2).value = '女';
    // The ID says male; a row contradicting it is rejected, so give the woman no ID.
    sheet.getRow(3).getCell(4).value = null;
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await upload(t102, filled);
    expect(imported.json()).toEqual({ imported: 2 });
    const li = await t.ctx.db.selectFrom('officials').select(['gender', 'rank', 'managed_by', 'party_member']).where('name', '=', '李四').executeTakeFirstOrThrow();
    expect(li).toEqual({ gender: 'female', rank: 'general', managed_by: 'township', party_member: true });
  });

  it('imports every row of a good file in one go', async () => {
    const before = await countRows(t.ctx, 'officials');
    const rows = Array.from({ length: 40 }, () => row(seq % 2 ? '530125102' : '530125102001'));
    const res = await upload(t102, await workbook(rows));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 40 });
    expect(await countRows(t.ctx, 'officials')).toBe(before + 40);
    const audit = await t.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'org.official.import').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ rows: 40, fileName: 'officials.xlsx' });
  });

  it('rejects a file with bad rows, listing each, and writes nothing', async () => {
    const bad1 = row(); bad1[3] = '530102198503151234'; // wrong check digit
    const bad2 = row('530125103'); bad2[7] = '处长'; // unit outside the scope, unknown rank label
    const before = await countRows(t.ctx, 'officials');
    const res = await upload(t102, await workbook([row(), bad1, row(), bad2, row()]));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.message).toContain('2 行');
    expect(body.details.rows).toEqual([
      { row: 3, field: '公民身份号码', key: 'field.citizenId', message: '公民身份号码不是有效的公民身份号码（校验码错误）' },
      { row: 5, field: '所在单位编码', key: 'field.unitNotFound', message: expect.stringContaining('不存在或不在您的数据范围内') },
      { row: 5, field: '职级', key: 'field.invalidEnum', message: expect.stringContaining('一般干部') },
    ]);
    expect(await countRows(t.ctx, 'officials')).toBe(before);
  });

  it('answers row messages in the request language', async () => {
    const bad = row(); bad[0] = '';
    const res = await upload(t102, await workbook([bad]), 'en');
    expect(res.json().details.rows).toEqual([{ row: 2, field: '姓名', key: 'field.required', message: '姓名 is required' }]);
  });

  it('finds duplicate citizen IDs inside the file and against the database', async () => {
    const a = row();
    const existing = await t.ctx.db.selectFrom('officials').select('citizen_id').where('county_code', '=', '530125')
      .where('citizen_id', 'is not', null).where('active', '=', true).executeTakeFirstOrThrow();
    const clash = row();
    clash[3] = existing.citizen_id; clash[2] = null; clash[1] = Number(existing.citizen_id!.charAt(16)) % 2 ? '男' : '女';
    const res = await upload(t102, await workbook([a, [...a.slice(0, 0), '另一人', ...a.slice(1)], clash]));
    expect(res.statusCode).toBe(422);
    expect(res.json().details.rows).toEqual([
      expect.objectContaining({ row: 3, field: '公民身份号码', key: 'field.duplicateInFile', message: expect.stringContaining('第 2 行') }),
      expect.objectContaining({ row: 4, field: '公民身份号码', key: 'field.duplicate' }),
    ]);
  });

  it('names a missing required column', async () => {
    const res = await upload(t102, await workbook([row()], HEADERS.filter((h) => h !== '职级*')));
    expect(res.json().details.rows).toEqual([expect.objectContaining({ row: 1, field: '职级', key: 'field.missingColumn' })]);
  });

  it('refuses content that is not an xlsx file, whatever it is called', async () => {
    const res = await upload(t102, Buffer.from('姓名,性别\n张三,男\n'));
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/org/officials/import', headers: { cookie: t102 }, payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
  });

  it('needs org.official.import', async () => {
    const cdi = await t.login('cdi');
    expect((await upload(cdi, await workbook([row()]))).statusCode).toBe(403);
  });
});

describe('officials Excel export', () => {
  async function exported(cookie: string, query: string) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/org/officials/export?${query}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const ws = (await readBook(res.rawPayload)).worksheets[0];
    const rows: string[][] = [];
    ws.eachRow((r, n) => { if (n > 1) rows.push((r.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)))); });
    return rows;
  }

  it('exports the rows the list shows, with masked IDs and audited', async () => {
    const cdi = await t.login('cdi');
    const unitId = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', '530125103').executeTakeFirstOrThrow()).id;
    const filter = `unitId=${unitId}&includeSubunits=true&rank=township`;
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/org/officials?${filter}&pageSize=200`, headers: { cookie: cdi } })).json();
    expect(list.total).toBeGreaterThan(0);
    const rows = await exported(cdi, filter);
    const key = (name: string, id: string, unit: string) => `${name}|${id}|${unit}`;
    expect(rows.map((r) => key(r[0], r[3], r[6])).sort())
      .toEqual(list.items.map((o: { name: string; citizenIdMasked: string; unitName: string }) => key(o.name, o.citizenIdMasked ?? '', o.unitName)).sort());
    expect(rows.every((r) => r[8] === '乡科级')).toBe(true);

    const full = await exported(cdi, `${filter}&full=true`);
    expect(full.map((r) => maskCitizenId(r[3])).sort()).toEqual(rows.map((r) => r[3]).sort());
    const audits = await t.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'org.official.export').orderBy('id').execute();
    expect(audits.map((a) => a.detail)).toEqual([
      expect.objectContaining({ full: false, rows: list.total, filter: expect.objectContaining({ unitId, rank: 'township' }) }),
      expect.objectContaining({ full: true, rows: list.total }),
    ]);
  });

  it('exports only the data scope, and a full export re-imports elsewhere as duplicates', async () => {
    const mine = await exported(t102, 'full=true');
    expect(mine.length).toBeGreaterThan(40);
    expect(mine.every((r) => r[5].startsWith('530125102'))).toBe(true);
    const res = await upload(t102, await workbook(mine.slice(0, 3).map((r) => [...r.slice(0, 6), ...r.slice(7)])));
    expect(res.json().details.rows.map((r: { key: string }) => r.key)).toEqual(['field.duplicate', 'field.duplicate', 'field.duplicate']);
  });
});
