import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/helpers';
import type { ScopeFixture } from '../../../../test/scopeFixtures';
import type { ScopedOp } from '../../../platform/http/route';

/**
 * Scope fixtures for the spending module: an expense record of township B (inserted directly; the probes exercise
 * the API). Township A must neither list, read, correct nor remove it, nor enter one for B's unit; the county can. The import
 * probe uploads a workbook with a row for B's unit: imported only when that unit is in the caller's scope.
 */
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
let seq = 0;

async function expenseIn(t: TestApp, code: string): Promise<Record<string, string>> {
  const unit = await t.ctx.db.selectFrom('units').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirstOrThrow();
  const payee = `范围测试收款方${++seq}`;
  const e = await t.ctx.db.insertInto('spending_expenses').values({
    county_code: '530125', unit_id: unit.id, township_code: code, spent_on: '2026-03-02', category: 'meeting', amount: 1000, persons: 10, days: 1, payee,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: e.id, payee, unitId: unit.id, unitCode: unit.code };
}

async function importIn(t: TestApp, code: string): Promise<Record<string, string>> {
  const rec = await expenseIn(t, code);
  const b = await t.ctx.db.insertInto('spending_imports').values({ county_code: '530125', unit_id: rec.unitId, file_name: '范围测试.xlsx', sha256: '0'.repeat(64), status: 'done', phase: 'done' })
    .returning('id').executeTakeFirstOrThrow();
  return { ...rec, importId: b.id };
}

async function upload(unitCode: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('支出记录');
  ws.addRow(['单位（名称或编码）', '支出日期', '支出类别', '金额(元)', '人数', '天数']);
  ws.addRow([unitCode, '2026-03-05', '会议费', '800', '10', '1']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = '----spendingScope';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scope.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  spendingExpenses: {
    list: {
      setup: expenseIn,
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: `/api/v1/spending/expenses?q=${encodeURIComponent(rec.payee)}` });
        return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.id);
      },
    },
    read: { setup: expenseIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/spending/expenses/${rec.id}` })) },
    create: {
      setup: expenseIn,
      snapshot: async (t, rec) => (await t.ctx.db.selectFrom('spending_expenses').select('id').where('unit_id', '=', rec.unitId).execute()).length,
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/spending/expenses', payload: {
        unitId: rec.unitId, spentOn: '2026-03-03', spendingCategory: 'meeting', amount: 500, persons: 5, days: 1 } })),
    },
    update: {
      setup: expenseIn,
      snapshot: (t, rec) => t.ctx.db.selectFrom('spending_expenses').select(['unit_id', 'amount', 'payee', 'spent_on']).where('id', '=', rec.id).executeTakeFirst(),
      reaches: async (inject, rec) => ok(await inject({ method: 'PATCH', url: `/api/v1/spending/expenses/${rec.id}`, payload: {
        unitId: rec.unitId, spentOn: '2026-03-02', spendingCategory: 'meeting', amount: 1200, persons: 10, days: 1, payee: `${rec.payee}（更正）` } })),
    },
    delete: {
      setup: expenseIn,
      snapshot: async (t, rec) => (await t.ctx.db.selectFrom('spending_expenses').select('id').where('id', '=', rec.id).execute()).length,
      reaches: async (inject, rec) => ok(await inject({ method: 'DELETE', url: `/api/v1/spending/expenses/${rec.id}` })),
    },
  },
  spendingImports: {
    list: { setup: importIn, reaches: async (inject, rec) => { const r = await inject({ method: 'GET', url: '/api/v1/spending/imports?pageSize=200' }); return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.importId); } },
    read: { setup: importIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/spending/imports/${rec.importId}` })) },
    import: {
      setup: importIn,
      snapshot: async (t, rec) => (await t.ctx.db.selectFrom('spending_expenses').select('id').where('unit_id', '=', rec.unitId).execute()).length,
      // A row naming B's unit: imported (job done) only when B's unit is in the caller's scope.
      reaches: async (inject, rec) => {
        const { payload, headers } = await upload(rec.unitCode);
        const r = await inject({ method: 'POST', url: '/api/v1/spending/imports', payload, headers });
        if (!ok(r)) return false;
        for (;;) {
          const b = await inject({ method: 'GET', url: `/api/v1/spending/imports/${r.json().id}` });
          if (b.json().status !== 'running') return b.json().status === 'done';
          await new Promise((res) => setTimeout(res, 50));
        }
      },
    },
  },
};
