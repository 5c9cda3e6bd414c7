import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { TestApp } from '../../../../test/helpers';
import type { ScopeFixture } from '../../../../test/scopeFixtures';
import type { ScopedOp } from '../../../platform/http/route';
import { quarterOf } from '../schedule';

/**
 * Scope fixtures for the disclosure module: a village of township B with a disclosure record, an open failed spot
 * check and a demonstration site, inserted directly (the probes, not the setup, exercise the API). Township A
 * must reach none of them, nor record into B's village.
 */
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
const today = new Date().toISOString().slice(0, 10);
const quarter = quarterOf(today);
let seq = 0;

async function recordsIn(t: TestApp, code: string): Promise<Record<string, string>> {
  const db = t.ctx.db;
  const n = ++seq;
  const town = await db.selectFrom('units').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
  const village = await db.selectFrom('units').select(['id', 'code']).where('kind', '=', 'village').where(sql<boolean>`path like ${`${town.path}%`}`)
    .orderBy('code').executeTakeFirstOrThrow();
  const r = await db.insertInto('disclosure_records').values({
    county_code: '530125', unit_id: village.id, township_code: code, kind: 'village', period: '2026Q1', items: ['finance'], published_on: '2026-04-05',
  }).returning('id').executeTakeFirstOrThrow();
  const c = await db.insertInto('disclosure_checks').values({
    county_code: '530125', unit_id: village.id, township_code: code, kind: 'village', checked_on: '2026-05-01', inspector: `范围测试${n}`, result: 'fake',
    problem: '范围测试', due_on: '2026-06-01', status: 'open',
  }).returning('id').executeTakeFirstOrThrow();
  const s = await db.insertInto('disclosure_demo_sites').values({
    county_code: '530125', unit_id: village.id, township_code: code, kind: 'village', name: `范围测试示范点${n}`, status: 'cultivating',
  }).returning('id').executeTakeFirstOrThrow();
  return { villageId: village.id, townshipCode: code, recordId: r.id, checkId: c.id, siteId: s.id };
}

const count = async (t: TestApp, table: 'disclosure_records' | 'disclosure_checks' | 'disclosure_demo_sites', rec: Record<string, string>) =>
  (await t.ctx.db.selectFrom(table).select('id').where('unit_id', '=', rec.villageId).execute()).length;
const listed = (url: string, id: string) => async (inject: Parameters<ScopeFixture['reaches']>[0]) => {
  const r = await inject({ method: 'GET', url });
  return ok(r) && r.json().items.some((i: { id: string }) => i.id === id);
};

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  disclosureMatrix: {
    list: {
      setup: recordsIn,
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: '/api/v1/disclosure/matrix?kind=village&year=2026' });
        return ok(r) && r.json().rows.some((row: { unitId: string }) => row.unitId === rec.villageId);
      },
    },
  },
  disclosureRecords: {
    list: { setup: recordsIn, reaches: (inject, rec) => listed(`/api/v1/disclosure/records?unitId=${rec.villageId}`, rec.recordId)(inject) },
    create: {
      setup: recordsIn, snapshot: (t, rec) => count(t, 'disclosure_records', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/disclosure/records', payload: {
        unitId: rec.villageId, kind: 'village', quarter, disclosedItems: ['finance'], publishedOn: today } })),
    },
    update: {
      setup: recordsIn,
      snapshot: (t, rec) => t.ctx.db.selectFrom('disclosure_records').select(['items', 'published_on', 'corrected_at']).where('id', '=', rec.recordId).executeTakeFirst(),
      reaches: async (inject, rec) => ok(await inject({ method: 'PATCH', url: `/api/v1/disclosure/records/${rec.recordId}`, payload: {
        disclosedItems: ['finance', 'projects'], publishedOn: today, channels: [], correctionReason: '范围测试更正' } })),
    },
  },
  disclosureChecks: {
    list: { setup: recordsIn, reaches: (inject, rec) => listed(`/api/v1/disclosure/checks?township=${rec.townshipCode}&pageSize=200`, rec.checkId)(inject) },
    create: {
      setup: recordsIn, snapshot: (t, rec) => count(t, 'disclosure_checks', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/disclosure/checks', payload: {
        unitId: rec.villageId, kind: 'village', checkedOn: today, inspector: '范围测试', checkResult: 'passed' } })),
    },
    update: {
      setup: recordsIn,
      snapshot: (t, rec) => t.ctx.db.selectFrom('disclosure_checks').select(['status', 'rectified_on']).where('id', '=', rec.checkId).executeTakeFirst(),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: `/api/v1/disclosure/checks/${rec.checkId}/rectify`, payload: {
        rectifiedOn: today, rectificationNote: '范围测试' } })),
    },
  },
  demoSites: {
    list: { setup: recordsIn, reaches: (inject, rec) => listed('/api/v1/disclosure/demo-sites?pageSize=200', rec.siteId)(inject) },
    create: {
      setup: recordsIn, snapshot: (t, rec) => count(t, 'disclosure_demo_sites', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/disclosure/demo-sites', payload: {
        unitId: rec.villageId, kind: 'village', siteName: '范围测试新示范点', status: 'cultivating' } })),
    },
    update: {
      setup: recordsIn,
      snapshot: (t, rec) => t.ctx.db.selectFrom('disclosure_demo_sites').select(['name', 'status']).where('id', '=', rec.siteId).executeTakeFirst(),
      reaches: async (inject, rec) => ok(await inject({ method: 'PATCH', url: `/api/v1/disclosure/demo-sites/${rec.siteId}`, payload: { siteName: '已改' } })),
    },
  },
};
