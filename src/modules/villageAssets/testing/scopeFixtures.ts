import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/helpers';
import type { ScopeFixture } from '../../../../test/scopeFixtures';
import type { ScopedOp } from '../../../platform/http/route';
import { ledgerWorkbook, multipartBody, villageOf } from './fixtures';

/**
 * Scope fixtures for the village ledgers: a village of township B with one fund row, contract and disposal
 * (inserted directly; the probes exercise the API). Township A must neither list them, nor see the village, nor
 * import into it; the county can.
 */
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
let seq = 0;

async function booksIn(t: TestApp, code: string): Promise<Record<string, string>> {
  const db = t.ctx.db;
  const v = await villageOf(t, code);
  const own = { county_code: '530125', unit_id: v.id, township_code: code };
  const counterparty = `范围测试${++seq}`;
  const e = await db.insertInto('village_fund_entries').values({ ...own, entry_date: '2026-02-01', voucher_no: `范围${seq}`, direction: 'expense', amount: 1234, counterparty,
    payment_method: 'cash', category: 'other' }).returning('id').executeTakeFirstOrThrow();
  const c = await db.insertInto('village_contracts').values({ ...own, contract_no: `范围${seq}`, object_type: 'land', object_name: '机动地', area: 3, area_unit: 'mu', counterparty,
    start_on: '2026-01-01', end_on: '2028-01-01', annual_rent: 900, award_method: 'bidding' }).returning('id').executeTakeFirstOrThrow();
  const d = await db.insertInto('village_disposals').values({ ...own, asset_name: '旧桌椅', disposed_on: '2026-02-01', appraised_value: 500, sale_price: 450, buyer: counterparty,
    method: 'bidding' }).returning('id').executeTakeFirstOrThrow();
  const b = await db.insertInto('village_import_batches').values({ county_code: '530125', unit_id: v.id, file_name: 'scope.xlsx', sha256: 'x', status: 'done', phase: 'done' })
    .returning('id').executeTakeFirstOrThrow();
  return { villageId: v.id, entryId: e.id, contractId: c.id, disposalId: d.id, batchId: b.id };
}

const listed = (path: string, idKey: string): ScopeFixture => ({
  setup: booksIn,
  reaches: async (inject, rec) => {
    const r = await inject({ method: 'GET', url: `/api/v1/village-assets/${path}?villageId=${rec.villageId}` });
    return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec[idKey]);
  },
});
const rowsOf = (table: 'village_fund_entries' | 'village_contracts' | 'village_disposals') => async (t: TestApp, rec: Record<string, string>) =>
  (await t.ctx.db.selectFrom(table).select('id').where('unit_id', '=', rec.villageId).execute()).length;
const countRows = rowsOf('village_fund_entries');

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  villageUnits: {
    list: {
      setup: booksIn,
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: '/api/v1/village-assets/villages' });
        return ok(r) && r.json().townships.some((t: { villages: Array<{ id: string }> }) => t.villages.some((v) => v.id === rec.villageId));
      },
    },
  },
  villageFundEntries: {
    list: listed('entries', 'entryId'),
    create: {
      setup: booksIn, snapshot: countRows,
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/village-assets/entries', payload: {
        villageId: rec.villageId, entryDate: '2026-02-02', voucherNo: `范围新${++seq}`, direction: 'expense', amount: 100, counterparty: '范围测试', paymentMethod: 'transfer', fundCategory: 'office' } })),
    },
  },
  villageContracts: {
    list: listed('contracts', 'contractId'),
    create: {
      setup: booksIn, snapshot: rowsOf('village_contracts'),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/village-assets/contracts', payload: {
        villageId: rec.villageId, contractNo: `范围新${++seq}`, objectType: 'pond', objectName: '东塘', area: 5, areaUnit: 'mu', counterparty: '范围测试', startOn: '2026-01-01',
        endOn: '2029-01-01', annualRent: 1200, awardMethod: 'bidding' } })),
    },
  },
  villageDisposals: {
    list: listed('disposals', 'disposalId'),
    create: {
      setup: booksIn, snapshot: rowsOf('village_disposals'),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/village-assets/disposals', payload: {
        villageId: rec.villageId, assetName: '旧水泵', disposedOn: '2026-02-02', appraisedValue: 800, salePrice: 780, disposalBuyer: '范围测试', disposalMethod: 'bidding' } })),
    },
  },
  villageImports: {
    import: {
      setup: booksIn, snapshot: countRows,
      reaches: async (inject, rec) => {
        const { payload, headers } = multipartBody({ name: 'scope.xlsx', content: await ledgerWorkbook({ 资金收支: [] }) }, { villageId: rec.villageId });
        return ok(await inject({ method: 'POST', url: '/api/v1/village-assets/imports', payload, headers }));
      },
    },
    read: { setup: booksIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/village-assets/imports/${rec.batchId}` })) },
  },
  villageSummary: {
    list: {
      setup: booksIn,
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: '/api/v1/village-assets/summary?year=2026' });
        return ok(r) && r.json().cashShare.some((v: { villageId: string }) => v.villageId === rec.villageId);
      },
    },
  },
};
