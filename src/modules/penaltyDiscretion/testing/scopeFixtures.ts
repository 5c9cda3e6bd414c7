import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/helpers';
import type { ScopeFixture } from '../../../../test/scopeFixtures';
import type { ScopedOp } from '../../../platform/http/route';

/**
 * Scope fixtures for the penalty-discretion module: a benchmark item and a decision owned by township B's unit
 * (inserted directly; the probes exercise the API). Township A must neither list, read nor chart B's decision, nor
 * record or import one into B, nor add a benchmark item to B or change one of B's bands; the county can.
 */
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
const today = new Date().toISOString().slice(0, 10);
let seq = 0;

async function decisionIn(t: TestApp, code: string): Promise<Record<string, string>> {
  const db = t.ctx.db;
  const unit = await db.selectFrom('units').select(['id', 'code']).where('code', '=', code).executeTakeFirstOrThrow();
  const n = ++seq;
  const item = await db.insertInto('penalty_benchmark_items').values({ county_code: '530125', unit_id: unit.id, code: `FW-${n}`, violation: `范围测试违法行为${n}`,
    legal_basis: '范围测试', penalty_basis: '范围测试' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('penalty_benchmark_tiers').values({ item_id: item.id, tier: 'ordinary', fine_basis: 'amount', fine_min: 100, fine_max: 1000 }).execute();
  const party = `范围测试当事人${n}`;
  const d = await db.insertInto('penalty_decisions').values({ county_code: '530125', unit_id: unit.id, outcome: 'penalty', doc_no: `范围测试罚〔2026〕${n}号`,
    decided_on: '2026-03-01', party_type: 'individual', party_name: party, item_id: item.id, tier: 'ordinary', fine_amount: 500, officers: ['甲', '乙'] })
    .returning('id').executeTakeFirstOrThrow();
  return { id: d.id, party, unitId: unit.id, unitCode: unit.code, itemId: item.id, itemCode: `FW-${n}` };
}
const decisionCount = async (t: TestApp, rec: Record<string, string>) =>
  (await t.ctx.db.selectFrom('penalty_decisions').select('id').where('unit_id', '=', rec.unitId).execute()).length;

async function sheet(rec: Record<string, string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('处罚决定');
  ws.addRow(['执法部门', '决定书文号', '决定日期', '当事人类型', '当事人', '裁量事项编号', '裁量阶次', '罚款金额(元)', '执法人员']);
  ws.addRow([rec.unitCode, `范围测试导入〔2026〕${++seq}号`, today, '个人', '范围测试导入', rec.itemCode, '一般', '500', '甲、乙']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  penaltyDecisions: {
    list: {
      setup: decisionIn,
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: `/api/v1/penalty/decisions?q=${encodeURIComponent(rec.party)}` });
        return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.id);
      },
    },
    read: { setup: decisionIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/penalty/decisions/${rec.id}` })) },
    create: {
      setup: decisionIn,
      snapshot: decisionCount,
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/penalty/decisions', payload: {
        departmentId: rec.unitId, penaltyDocumentNo: `范围测试新〔2026〕${++seq}号`, decidedOn: today, partyType: 'individual', partyName: '范围测试新',
        benchmarkItemId: rec.itemId, discretionTier: 'ordinary', fineAmount: 500, enforcementOfficers: ['甲', '乙'] } })),
    },
    import: {
      setup: decisionIn,
      snapshot: decisionCount,
      reaches: async (inject, rec) => {
        const boundary = '----scopeprobe';
        const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
          await sheet(rec), Buffer.from(`\r\n--${boundary}--\r\n`)]);
        return ok(await inject({ method: 'POST', url: '/api/v1/penalty/decisions/import', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }));
      },
    },
  },
  penaltyBenchmarks: {
    create: {
      setup: decisionIn,
      snapshot: async (t, rec) => (await t.ctx.db.selectFrom('penalty_benchmark_items').select('id').where('unit_id', '=', rec.unitId).execute()).length,
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/penalty/benchmarks', payload: {
        departmentId: rec.unitId, itemCode: `FWN-${++seq}`, violation: '范围测试', legalBasis: '范围测试', penaltyBasis: '范围测试',
        tiers: [{ tier: 'ordinary', fineBasis: 'amount', fineMin: 100, fineMax: 1000 }] } })),
    },
    update: {
      setup: decisionIn,
      snapshot: async (t, rec) => t.ctx.db.selectFrom('penalty_benchmark_tiers').select(['tier', 'fine_min', 'fine_max']).where('item_id', '=', rec.itemId).orderBy('tier').execute(),
      reaches: async (inject, rec) => ok(await inject({ method: 'PATCH', url: `/api/v1/penalty/benchmarks/${rec.itemId}`, payload: {
        tiers: [{ tier: 'ordinary', fineBasis: 'amount', fineMin: 100, fineMax: 2000 }] } })),
    },
  },
  penaltyConsistency: {
    list: {
      setup: decisionIn,
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: '/api/v1/penalty/consistency' });
        return ok(r) && r.json().departments.some((d: { departmentId: string }) => d.departmentId === rec.unitId);
      },
    },
  },
  penaltyItemFines: {
    list: {
      setup: decisionIn,
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: `/api/v1/penalty/consistency/items/${rec.itemId}` });
        return ok(r) && r.json().decisions.some((d: { id: string }) => d.id === rec.id);
      },
    },
  },
};
