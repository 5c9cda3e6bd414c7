import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/helpers';
import type { ScopeFixture } from '../../../../test/scopeFixtures';
import type { ScopedOp } from '../../../platform/http/route';

/**
 * Scope fixtures for the campaigns module: a campaign organised by township B, and a county-wide campaign (seen by
 * every township) holding an object and a rectifying finding of township B, inserted directly (the probes, not
 * the setup, exercise the API). Township A must reach none of B's records.
 */
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;
const today = new Date().toISOString().slice(0, 10);
let seq = 0;

async function recordsIn(t: TestApp, code: string): Promise<Record<string, string>> {
  const db = t.ctx.db;
  const n = ++seq;
  const unit = await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const cdi = await db.selectFrom('units').select('id').where('county_code', '=', '530125').where('kind', '=', 'cdi').executeTakeFirstOrThrow();
  const campaign = (unitId: string, name: string) => db.insertInto('campaigns').values({
    county_code: '530125', unit_id: unitId, name, kind: 'constructionProjects', period_start: '2026-01-01', period_end: '2026-12-31', threshold_yuan: 1_000_000,
  }).returning('id').executeTakeFirstOrThrow();
  const own = await campaign(unit.id, `范围测试乡镇专项${n}`);
  const county = await campaign(cdi.id, `范围测试全县专项${n}`);
  const o = await db.insertInto('campaign_objects').values({
    county_code: '530125', unit_id: unit.id, campaign_id: county.id, name: `范围测试工程${n}`, township_code: code, contract_amount: 2_000_000, inspected_on: '2026-03-01',
  }).returning('id').executeTakeFirstOrThrow();
  const f = await db.insertInto('campaign_findings').values({
    county_code: '530125', unit_id: unit.id, campaign_id: county.id, object_id: o.id, category: 'tendering', description: `范围测试问题${n}`, found_on: '2026-03-02',
    owner_name: '张某某', due_on: '2026-06-30', status: 'rectifying',
  }).returning('id').executeTakeFirstOrThrow();
  // An object with nothing found on it yet: the one a removal probe may remove.
  const bare = await db.insertInto('campaign_objects').values({
    county_code: '530125', unit_id: unit.id, campaign_id: county.id, name: `范围测试待删工程${n}`, township_code: code, contract_amount: 1_500_000, inspected_on: '2026-03-01',
  }).returning('id').executeTakeFirstOrThrow();
  return { ownCampaignId: own.id, ownName: `范围测试乡镇专项${n}`, countyCampaignId: county.id, objectId: o.id, bareObjectId: bare.id, findingId: f.id, unitId: unit.id };
}

const findingSnapshot = async (t: TestApp, rec: Record<string, string>) =>
  t.ctx.db.selectFrom('campaign_findings').select(['status', 'owner_name', 'due_on', 'evidence', 'signed_off_by', 'reopen_count']).where('id', '=', rec.findingId).executeTakeFirst();
const count = async (t: TestApp, table: 'campaigns' | 'campaign_objects' | 'campaign_findings', rec: Record<string, string>) =>
  (await t.ctx.db.selectFrom(table).select('id').where('unit_id', '=', rec.unitId).execute()).length;

export const scopeFixtures: Record<string, Partial<Record<ScopedOp, ScopeFixture>>> = {
  campaigns: {
    list: {
      setup: recordsIn,
      reaches: async (inject, rec) => { const r = await inject({ method: 'GET', url: '/api/v1/campaigns?pageSize=200' }); return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.ownCampaignId); },
    },
    read: { setup: recordsIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/campaigns/${rec.ownCampaignId}` })) },
    create: {
      setup: recordsIn, snapshot: (t, rec) => count(t, 'campaigns', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: '/api/v1/campaigns', payload: {
        title: `范围测试新建${++seq}`, kind: 'other', unitId: rec.unitId, periodStart: '2026-01-01', periodEnd: '2026-12-31' } })),
    },
  },
  campaignObjects: {
    list: {
      setup: recordsIn,
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: `/api/v1/campaigns/${rec.countyCampaignId}/objects?pageSize=200` });
        return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.objectId);
      },
    },
    create: {
      setup: recordsIn, snapshot: (t, rec) => count(t, 'campaign_objects', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: `/api/v1/campaigns/${rec.countyCampaignId}/objects`, payload: {
        projectName: '范围测试新建工程', ownerUnitId: rec.unitId, contractAmount: 1_200_000, inspectedOn: today } })),
    },
    update: {
      setup: recordsIn,
      snapshot: (t, rec) => t.ctx.db.selectFrom('campaign_objects').select(['name', 'unit_id', 'contract_amount']).where('id', '=', rec.objectId).executeTakeFirst(),
      reaches: async (inject, rec) => ok(await inject({ method: 'PATCH', url: `/api/v1/campaigns/objects/${rec.objectId}`, payload: {
        projectName: '范围测试更正工程', ownerUnitId: rec.unitId, contractAmount: 2_100_000, inspectedOn: '2026-03-01' } })),
    },
    delete: {
      setup: recordsIn, snapshot: (t, rec) => count(t, 'campaign_objects', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'DELETE', url: `/api/v1/campaigns/objects/${rec.bareObjectId}` })),
    },
  },
  campaignFindings: {
    list: {
      setup: recordsIn,
      reaches: async (inject, rec) => {
        const r = await inject({ method: 'GET', url: `/api/v1/campaigns/${rec.countyCampaignId}/findings?pageSize=200` });
        return ok(r) && r.json().items.some((i: { id: string }) => i.id === rec.findingId);
      },
    },
    read: { setup: recordsIn, reaches: async (inject, rec) => ok(await inject({ method: 'GET', url: `/api/v1/campaigns/findings/${rec.findingId}` })) },
    create: {
      setup: recordsIn, snapshot: (t, rec) => count(t, 'campaign_findings', rec),
      reaches: async (inject, rec) => ok(await inject({ method: 'POST', url: `/api/v1/campaigns/${rec.countyCampaignId}/findings`, payload: {
        objectId: rec.objectId, category: 'supervision', description: '范围测试新问题', foundOn: today } })),
    },
    update: {
      setup: recordsIn, snapshot: findingSnapshot,
      reaches: async (inject, rec) => {
        const base = `/api/v1/campaigns/findings/${rec.findingId}`;
        const assign = ok(await inject({ method: 'POST', url: `${base}/assign`, payload: { ownerName: '李某', dueOn: '2026-12-31' } }));
        const rectify = ok(await inject({ method: 'POST', url: `${base}/rectify`, payload: { evidence: '范围测试', rectifiedOn: '2026-03-10' } }));
        const signOff = ok(await inject({ method: 'POST', url: `${base}/sign-off`, payload: { signedOffOn: '2026-03-12' } }));
        const reopen = ok(await inject({ method: 'POST', url: `${base}/reopen`, payload: { reopenReason: '范围测试', reopenedOn: '2026-03-13' } }));
        return assign || rectify || signOff || reopen;
      },
    },
  },
};
