import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/helpers';
import type { ScopeFixture } from '../../../../test/scopeFixtures';
import type { ScopedOp } from '../../../platform/http/route';
import { multipartBody, unitOf } from './fixtures';
import { jsonLines } from './toOcds';

/**
 * Scope fixtures for the risk module: a process (with two bids), a hit and an import batch owned by township B,
 * inserted directly (the probes, not the setup, exercise the API). Township A must reach none of them.
 */
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
let seq = 0;

async function recordsIn(t: TestApp, code: string): Promise<Record<string, string>> {
  const unit = await unitOf(t, code);
  const n = ++seq;
  const buyer = `范围测试采购人${n}号`;
  const db = t.ctx.db;
  const batch = await db.insertInto('risk_import_batches').values({ county_code: '530125', unit_id: unit.id, source: 'ocds', file_name: `scope${n}.jsonl`, sha256: 'x', status: 'done', phase: 'done' })
    .returning('id').executeTakeFirstOrThrow();
  const ocid = `ocds-scope-${code}-${n}`;
  const p = await db.insertInto('risk_processes').values({
    county_code: '530125', unit_id: unit.id, batch_id: batch.id, ocid, buyer_id: buyer, buyer_name: buyer, title: `范围测试项目${n}`, main_category: 'works', period_end: '2026-06-01',
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('risk_bids').values([1, 2].map((i) => ({ process_id: p.id, seq: i, bid_id: `${ocid}-B${i}`, value_amount: 1000 * i, value_currency: 'CNY', tenderer_ids: [`S${n}-${i}`], tenderer_names: [`范围测试企业${n}-${i}`] }))).execute();
  const evidence = { rule: 'scope probe', threshold: {}, values: {}, records: [{ kind: 'tender', id: ocid }] };
  const h = await db.insertInto('risk_hits').values({
    county_code: '530125', unit_id: unit.id, hit_key: `scope-${code}-${n}`, code: 'SHARED_PHONE', source: 'signal', subject_id: ocid, process_id: p.id, process_ids: [p.id], ocids: [ocid],
    strength: 'medium', evidence: JSON.stringify(evidence), buyer_name: buyer,
  }).returning('id').executeTakeFirstOrThrow();
  return { processId: p.id, hitId: h.id, batchId: batch.id, ocid, buyer, unitId: unit.id };
}

const hitSnapshot = async (t: TestApp, rec: Record<string, string>) => ({
  hit: await t.ctx.db.selectFrom('risk_hits').select(['status', 'dismiss_reason', 'clue_id']).where('id', '=', rec.hitId).executeTakeFirst(),
  clues: (await t.ctx.db.selectFrom('clue_sources').select('id').where('source_type', '=', 'riskHit').where('source_id', '=', rec.hitId).execute()).length,
});

const upload = (unitId: string) => {
  const release = { ocid: `ocds-scope-upload-${++seq}`, id: null, date: null, tag: [], buyer: null, tender: null, bids: [], awards: [], contracts: [], parties: [] };
  return multipartBody({ name: 'scope.jsonl', content: jsonLines([release]) }, { unitId, screen: 'false' });
};

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  riskImports: {
    import: {
      setup: recordsIn,
      reaches: async (inject, rec) => { const { payload, headers } = upload(rec.unitId); return ok(await inject({ method: 'POST', url: '/api/v1/risk/imports', payload, headers })); },
      snapshot: async (t, rec) => (await t.ctx.db.selectFrom('risk_import_batches').select('id').where('unit_id', '=', rec.unitId).execute()).length,
    },
    list: { setup: recordsIn, reaches: async (inject, rec) => { const r = await inject({ method: 'GET', url: '/api/v1/risk/imports?pageSize=200' }); return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.batchId); } },
    read: { setup: recordsIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/risk/imports/${rec.batchId}` })) },
  },
  riskProcesses: {
    list: {
      setup: recordsIn,
      reaches: async (inject, rec) => {
        const list = await inject({ method: 'GET', url: `/api/v1/risk/processes?q=${encodeURIComponent(rec.ocid)}` });
        const net = await inject({ method: 'GET', url: `/api/v1/risk/network?buyer=${encodeURIComponent(rec.buyer)}` });
        return (ok(list) && list.json().items.some((i: { id: string }) => i.id === rec.processId)) || (ok(net) && net.json().nodes.length > 0);
      },
    },
    read: { setup: recordsIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/risk/processes/${rec.processId}` })) },
  },
  riskHits: {
    list: { setup: recordsIn, reaches: async (inject, rec) => { const r = await inject({ method: 'GET', url: `/api/v1/risk/hits?processId=${rec.processId}` }); return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.hitId); } },
    read: { setup: recordsIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/risk/hits/${rec.hitId}` })) },
    update: {
      setup: recordsIn, snapshot: hitSnapshot,
      reaches: async (inject, rec) => {
        const clue = ok(await inject({ method: 'POST', url: `/api/v1/risk/hits/${rec.hitId}/clue`, payload: { unitId: rec.unitId, receivedOn: '2026-06-02' } }));
        const dismiss = ok(await inject({ method: 'POST', url: `/api/v1/risk/hits/${rec.hitId}/dismiss`, payload: { reason: '范围测试' } }));
        return clue || dismiss;
      },
    },
  },
};
