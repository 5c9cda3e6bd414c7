import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { ScopedOp } from '../src/platform/http/route';
import { generateCreditCode } from '../src/platform/identifiers/creditCode';
import type { TestApp } from './helpers';
import type { ScopeFixture } from './scopeFixtures';

/**
 * Scope-matrix fixtures for companies, accounts and the officials Excel routes. Where one resource.op
 * covers several routes (template + import; PATCH + reset-password + unlock), `reaches` tries them all and
 * is true if any got through, so a leak in any one of them fails the township-A side.
 */
let seq = 0;
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
const unitId = async (t: TestApp, code: string) => (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

async function company(t: TestApp, townshipCode: string) {
  const name = `范围企业${++seq}`;
  const row = await t.ctx.db.insertInto('companies').values({ county_code: '530125', unit_id: await unitId(t, townshipCode), name, credit_code: generateCreditCode('530125', 700000 + seq) })
    .returning('id').executeTakeFirstOrThrow();
  return { id: row.id, name, unitId: await unitId(t, townshipCode) };
}
const companySnapshot = async (t: TestApp, rec: Record<string, string>) =>
  t.ctx.db.selectFrom('companies').select(['name', 'address', 'unit_id']).where('id', '=', rec.id).executeTakeFirst();

async function account(t: TestApp, townshipCode: string) {
  const username = `scope_user_${++seq}`;
  const row = await t.ctx.db.insertInto('users').values({ username, display_name: username, unit_id: await unitId(t, townshipCode), password_hash: 'x', locked_until: new Date(Date.now() + 600_000) })
    .returning('id').executeTakeFirstOrThrow();
  return { id: row.id, username, unitId: await unitId(t, townshipCode) };
}
const accountSnapshot = async (t: TestApp, rec: Record<string, string>) =>
  t.ctx.db.selectFrom('users').select(['display_name', 'password_hash', 'locked_until', 'active']).where('id', '=', rec.id).executeTakeFirst();

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('干部信息');
  ws.addRow(['姓名*', '性别*', '出生日期', '公民身份号码', '是否党员', '所在单位编码*', '职务', '职级*', '干部管理权限*', '联系电话']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function sheetValues(res: LightMyRequestResponse): Promise<unknown[]> {
  if (!ok(res)) return [];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  return wb.worksheets.flatMap((ws) => ws.getSheetValues().flat(2));
}

export const orgScopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  companies: {
    list: {
      setup: company,
      reaches: async (inject, rec) => {
        const res = await inject({ method: 'GET', url: `/api/v1/org/companies?q=${encodeURIComponent(rec.name)}` });
        return ok(res) && res.json().items.some((i: { id: string }) => i.id === rec.id);
      },
    },
    read: { setup: company, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/org/companies/${rec.id}` })) },
    create: {
      setup: company,
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/org/companies', payload: { name: `新企业${++seq}`, creditCode: generateCreditCode('530125', 800000 + seq), unitId: rec.unitId } })),
    },
    update: {
      setup: company, snapshot: companySnapshot,
      reaches: async (inject, rec) => ok(await inject({ method: 'PATCH', url: `/api/v1/org/companies/${rec.id}`, payload: { address: '已改' } })),
    },
    delete: {
      setup: company, snapshot: companySnapshot,
      reaches: async (inject, rec) => ok(await inject({ method: 'DELETE', url: `/api/v1/org/companies/${rec.id}` })),
    },
  },
  users: {
    list: {
      setup: account,
      reaches: async (inject, rec) => {
        const res = await inject({ method: 'GET', url: `/api/v1/system/users?q=${rec.username}` });
        return ok(res) && res.json().items.some((i: { id: string }) => i.id === rec.id);
      },
    },
    read: { setup: account, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/system/users/${rec.id}` })) },
    create: {
      setup: account,
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/system/users', payload: { username: `scope_new_${++seq}`, displayName: '新用户', unitId: rec.unitId, roleIds: [], password: 'Scope#2026x' } })),
    },
    update: {
      setup: account, snapshot: accountSnapshot,
      reaches: async (inject, rec) => {
        const results = [
          await inject({ method: 'PATCH', url: `/api/v1/system/users/${rec.id}`, payload: { displayName: '已改' } }),
          await inject({ method: 'POST', url: `/api/v1/system/users/${rec.id}/reset-password`, payload: { password: 'Reset#2026x' } }),
          await inject({ method: 'POST', url: `/api/v1/system/users/${rec.id}/unlock` }),
        ];
        return results.some(ok);
      },
    },
  },
  officials: {
    import: {
      setup: async (_t, code) => ({ code }),
      snapshot: async (t, rec) => t.ctx.db.selectFrom('officials').innerJoin('units', 'units.id', 'officials.unit_id').select((eb) => eb.fn.countAll().as('n')).where('units.code', '=', rec.code).executeTakeFirst(),
      reaches: async (inject, rec) => {
        const template = await sheetValues(await inject({ method: 'GET', url: '/api/v1/org/officials/import-template' }));
        const boundary = `----scope${++seq}`;
        const payload = Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
          await xlsx([[`导入${seq}`, '女', null, null, '否', rec.code, null, '一般干部', '乡镇管', null]]),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        const imported = await inject({ method: 'POST', url: '/api/v1/org/officials/import', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
        return template.includes(rec.code) || ok(imported);
      },
    },
    export: {
      setup: async (t, code) => {
        const name = `导出范围${++seq}`;
        await t.ctx.db.insertInto('officials').values({ county_code: '530125', unit_id: await unitId(t, code), name, gender: 'male', rank: 'general', managed_by: 'township' }).execute();
        return { name };
      },
      reaches: async (inject, rec) => (await sheetValues(await inject({ method: 'GET', url: `/api/v1/org/officials/export?q=${encodeURIComponent(rec.name)}` }))).includes(rec.name),
    },
  },
};
