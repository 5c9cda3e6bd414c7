import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { todayInShanghai } from '../../platform/calendar/dates';
import { emptyScope } from '../../platform/scope/actor';
import { countyActor, metricDefinition } from '../analysis/registry';
import { parsePeriod } from '../analysis/periods';
import { createDemoCampaigns } from './demo';

/**
 * The campaigns module through its API on a demo county: the ¥1M threshold, the rectification steps to 销号 with an
 * independent reviewer, township data scope, the four analysis figures against independent SQL, and the demo data.
 */
let t: TestApp;
const c: Record<'cdi' | 'a' | 'b' | 'admin', string> = { cdi: '', a: '', b: '', admin: '' };
const today = todayInShanghai();
const year = Number(today.slice(0, 4));
let campaignId = '';
const unitIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await createDemoCampaigns(t.ctx.db, '530125');
  [c.cdi, c.a, c.b, c.admin] = await Promise.all([t.login('cdi'), t.login('t530125102'), t.login('t530125103'), t.login('admin')]);
  for (const code of ['530125102', '530125103']) unitIds[code] = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const res = await injectAs(t, c.cdi, 'POST', '/api/v1/campaigns', {
    title: '测试专项治理', kind: 'constructionProjects', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, thresholdYuan: 1_000_000,
  });
  expect(res.statusCode, res.body).toBe(201);
  campaignId = res.json().id;
}, 180_000);
afterAll(async () => { await t?.close(); });

const project = (code: string, amount: number) => ({ projectName: `测试村道硬化工程${amount}`, ownerUnitId: unitIds[code], contractAmount: amount, contractor: '云南测试建设有限公司', inspectedOn: today });
const finding = (objectId: string) => ({ objectId, category: 'tendering', description: '项目未公开招标，直接指定施工单位', foundOn: today, ownerName: '张某某', ownerPost: '分管副镇长', dueOn: today });

async function newFinding(cookie: string, code: string): Promise<string> {
  const o = await injectAs(t, cookie, 'POST', `/api/v1/campaigns/${campaignId}/objects`, project(code, 1_500_000));
  expect(o.statusCode, o.body).toBe(201);
  const f = await injectAs(t, cookie, 'POST', `/api/v1/campaigns/${campaignId}/findings`, finding(o.json().id));
  expect(f.statusCode, f.body).toBe(201);
  expect(f.json().status).toBe('rectifying');
  return f.json().id;
}

describe('campaign register', () => {
  it('refuses a project below the threshold, naming 合同金额, and writes nothing', async () => {
    const before = { objects: await countRows(t.ctx, 'campaign_objects'), audit: await countRows(t.ctx, 'audit_log') };
    const res = await injectAs(t, c.a, 'POST', `/api/v1/campaigns/${campaignId}/objects`, project('530125102', 999_999.5));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('body.contractAmount');
    expect(res.json().issues[0].message).toContain('合同金额');
    expect(issueKeys(res)).toEqual(['campaigns.belowThreshold']);
    expect({ objects: await countRows(t.ctx, 'campaign_objects'), audit: await countRows(t.ctx, 'audit_log') }).toEqual(before);
    const ok = await injectAs(t, c.a, 'POST', `/api/v1/campaigns/${campaignId}/objects`, project('530125102', 1_000_000));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual(expect.objectContaining({ contractAmount: 1_000_000, townshipCode: '530125102' }));
  });

  it('refuses a due date before the finding date and a future finding date', async () => {
    const o = await injectAs(t, c.a, 'POST', `/api/v1/campaigns/${campaignId}/objects`, project('530125102', 2_000_000));
    const early = await injectAs(t, c.a, 'POST', `/api/v1/campaigns/${campaignId}/findings`, { ...finding(o.json().id), dueOn: `${year - 1}-01-01` });
    expect(early.statusCode).toBe(400);
    expect(early.json().issues[0].field).toBe('body.dueOn');
    expect(early.json().issues[0].message).toContain('整改期限');
    const future = await injectAs(t, c.a, 'POST', `/api/v1/campaigns/${campaignId}/findings`, { ...finding(o.json().id), foundOn: `${year + 1}-01-01`, dueOn: `${year + 1}-02-01` });
    expect(future.statusCode).toBe(400);
    expect(future.json().issues[0].field).toBe('body.foundOn');
  });
});

describe('rectification to sign-off (销号)', () => {
  it('signs off only a rectified finding, by someone other than who recorded the rectification; reopening needs a reason', async () => {
    const id = await newFinding(c.a, '530125102');
    const early = await injectAs(t, c.cdi, 'POST', `/api/v1/campaigns/findings/${id}/sign-off`, { signedOffOn: today });
    expect(early.statusCode).toBe(409);
    expect(issueKeys(early)).toEqual(['campaigns.wrongStatus']);
    expect(early.json().issues[0].message).toContain('正在整改');

    const rect = await injectAs(t, c.a, 'POST', `/api/v1/campaigns/findings/${id}/rectify`, { evidence: '已重新组织公开招标', docNo: '整改报告〔2026〕1号', rectifiedOn: today });
    expect(rect.statusCode, rect.body).toBe(200);
    expect(rect.json().status).toBe('rectified');
    // The township committee has no sign-off permission.
    expect((await injectAs(t, c.a, 'POST', `/api/v1/campaigns/findings/${id}/sign-off`, { signedOffOn: today })).statusCode).toBe(403);
    const signed = await injectAs(t, c.cdi, 'POST', `/api/v1/campaigns/findings/${id}/sign-off`, { signedOffOn: today, note: '同意销号' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toEqual(expect.objectContaining({ status: 'signedOff', signedOffByName: '县纪委监委领导' }));

    const noReason = await injectAs(t, c.cdi, 'POST', `/api/v1/campaigns/findings/${id}/reopen`, { reopenedOn: today });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().issues[0].field).toBe('body.reopenReason');
    const blank = await injectAs(t, c.cdi, 'POST', `/api/v1/campaigns/findings/${id}/reopen`, { reopenReason: '  ', reopenedOn: today });
    expect(blank.statusCode).toBe(400);
    const reopened = await injectAs(t, c.cdi, 'POST', `/api/v1/campaigns/findings/${id}/reopen`, { reopenReason: '抽查发现现场未整改', reopenedOn: today });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toEqual(expect.objectContaining({ status: 'rectifying', reopenCount: 1, signedOffOn: null }));
    expect(reopened.json().events.map((e: { action: string }) => e.action)).toEqual(['found', 'assigned', 'rectified', 'signedOff', 'reopened']);
    // Reopen only from rectified or signed off.
    expect((await injectAs(t, c.cdi, 'POST', `/api/v1/campaigns/findings/${id}/reopen`, { reopenReason: '再次', reopenedOn: today })).statusCode).toBe(409);
  });

  it('refuses the sign-off to the user who recorded the rectification', async () => {
    const id = await newFinding(c.cdi, '530125102');
    expect((await injectAs(t, c.cdi, 'POST', `/api/v1/campaigns/findings/${id}/rectify`, { evidence: '已整改', rectifiedOn: today })).statusCode).toBe(200);
    const own = await injectAs(t, c.cdi, 'POST', `/api/v1/campaigns/findings/${id}/sign-off`, { signedOffOn: today });
    expect(own.statusCode).toBe(409);
    expect(issueKeys(own)).toEqual(['campaigns.sameReviewer']);
    const row = await t.ctx.db.selectFrom('campaign_findings').select(['status', 'signed_off_by']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'rectified', signed_off_by: null });
  });
});

describe('township data scope', () => {
  it('another township neither sees nor changes a finding, nor registers a project into it', async () => {
    const id = await newFinding(c.a, '530125102');
    expect((await injectAs(t, c.b, 'GET', `/api/v1/campaigns/findings/${id}`)).statusCode).toBe(404);
    const list = await injectAs(t, c.b, 'GET', `/api/v1/campaigns/${campaignId}/findings?pageSize=200`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(list.json().items.every((i: { townshipCode: string | null }) => i.townshipCode === '530125103')).toBe(true);
    expect((await injectAs(t, c.b, 'POST', `/api/v1/campaigns/findings/${id}/rectify`, { evidence: '越权', rectifiedOn: today })).statusCode).toBe(404);
    expect((await t.ctx.db.selectFrom('campaign_findings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('rectifying');
    const into = await injectAs(t, c.b, 'POST', `/api/v1/campaigns/${campaignId}/objects`, project('530125102', 3_000_000));
    expect(into.statusCode).toBe(400);
    expect(issueKeys(into)).toEqual(['field.unitNotFound']);
    // The county sees it; the summary of a township counts only its own.
    expect((await injectAs(t, c.cdi, 'GET', `/api/v1/campaigns/findings/${id}`)).statusCode).toBe(200);
    const own = (await injectAs(t, c.b, 'GET', `/api/v1/campaigns/${campaignId}`)).json();
    const all = (await injectAs(t, c.cdi, 'GET', `/api/v1/campaigns/${campaignId}`)).json();
    expect(own.summary.findings).toBeLessThan(all.summary.findings);
    // The system administrator has no campaign permission.
    expect((await injectAs(t, c.admin, 'GET', '/api/v1/campaigns')).statusCode).toBe(403);
  });
});

describe('analysis figures', () => {
  /** Independent of the metric's query: the status at the end from the last event, by DISTINCT ON. */
  async function expected(from: string, to: string) {
    const found = await sql<{ id: string; status: string | null }>`
      select f.id, last.to_status as status from campaign_findings f
      left join (select distinct on (finding_id) finding_id, to_status from campaign_finding_events where happened_on < ${to}
                 order by finding_id, happened_on desc, seq desc) last on last.finding_id = f.id
      where f.county_code = '530125' and f.found_on >= ${from} and f.found_on < ${to}`.execute(t.ctx.db);
    const projects = await sql<{ id: string }>`select o.id from campaign_objects o join campaigns c on c.id = o.campaign_id
      where o.county_code = '530125' and c.kind = 'constructionProjects' and o.contract_amount >= c.threshold_yuan
      and o.inspected_on >= ${from} and o.inspected_on < ${to}`.execute(t.ctx.db);
    const ids = (rows: Array<{ id: string }>) => new Set(rows.map((r) => r.id));
    return {
      projects: ids(projects.rows), findings: ids(found.rows),
      rectified: ids(found.rows.filter((r) => r.status === 'rectified' || r.status === 'signedOff')),
      rectifying: ids(found.rows.filter((r) => r.status === 'open' || r.status === 'rectifying')),
    };
  }

  for (const label of ['last year', 'this year to date']) {
    it(`equal independent SQL counts with their ids (${label})`, async () => {
      const period = label === 'last year' ? parsePeriod(`${year - 1}`) : parsePeriod(`${year}-01-01..${today}`);
      const want = await expected(period.from, period.to);
      const q = { db: t.ctx.db, actor: countyActor(), countyCode: '530125', period };
      const got: Record<string, Set<string>> = {};
      for (const [k, key] of [['projects', 'projectsInspected'], ['findings', 'findings'], ['rectified', 'rectified'], ['rectifying', 'rectifying']] as const) {
        const v = await metricDefinition(`campaigns.${key}`)!.compute(q);
        expect(v.value).toBe(v.recordIds.length);
        got[k] = new Set(v.recordIds);
        expect(v.breakdown!.township.reduce((n, g) => n + g.value, 0)).toBe(v.value);
        if (k !== 'projects') expect(v.breakdown!.findingCategory.reduce((n, g) => n + g.value, 0)).toBe(v.value);
      }
      expect(got).toEqual(want);
      expect(want.findings.size).toBeGreaterThan(0);
      expect(want.rectified.size + want.rectifying.size).toBe(want.findings.size);
      const none = await metricDefinition('campaigns.findings')!.compute({ ...q, actor: { scope: emptyScope(), userId: 'x' } });
      expect(none.value).toBe(0);
    });
  }

  it('a rectification after the period end still counts as being rectified at that end', async () => {
    const period = parsePeriod(`${year - 1}`);
    const q = { db: t.ctx.db, actor: countyActor(), countyCode: '530125', period };
    const rectified = await metricDefinition('campaigns.rectified')!.compute(q);
    const late = await sql<{ id: string }>`select f.id from campaign_findings f where f.found_on < ${period.to} and f.found_on >= ${period.from}
      and f.status in ('rectified','signedOff') and f.rectified_on >= ${period.to}`.execute(t.ctx.db);
    for (const r of late.rows) expect(rectified.recordIds).not.toContain(r.id);
    const rows = await metricDefinition('campaigns.findings')!.describe(q, rectified.recordIds.slice(0, 2));
    expect(rows).toHaveLength(Math.min(2, rectified.recordIds.length));
    expect(rows[0]?.link).toMatch(/^\/campaigns\//);
  });
});

describe('demo data', () => {
  it('loads one campaign of ¥1M+ projects with findings in every area, mixed statuses and some overdue', async () => {
    const demo = await t.ctx.db.selectFrom('campaigns').selectAll().where('name', '=', '工程建设领域突出问题专项治理').executeTakeFirstOrThrow();
    const objects = await t.ctx.db.selectFrom('campaign_objects').select(['contract_amount', 'township_code']).where('campaign_id', '=', demo.id).execute();
    expect(objects.length).toBeGreaterThanOrEqual(30);
    expect(objects.every((o) => Number(o.contract_amount) >= 1_000_000)).toBe(true);
    expect(new Set(objects.map((o) => o.township_code)).size).toBeGreaterThan(3);
    const findings = await t.ctx.db.selectFrom('campaign_findings').select(['category', 'status', 'due_on']).where('campaign_id', '=', demo.id).execute();
    expect(findings.length).toBeGreaterThanOrEqual(60);
    expect(findings.length).toBeLessThanOrEqual(95);
    for (const cat of ['constructionProcedure', 'landAcquisition', 'tendering', 'supervision']) expect(findings.some((f) => f.category === cat)).toBe(true);
    const by = (s: string) => findings.filter((f) => f.status === s).length;
    expect(by('signedOff') + by('rectified')).toBeGreaterThan(findings.length / 2);
    expect(by('rectifying')).toBeGreaterThan(0);
    expect(findings.some((f) => f.status === 'rectifying' && f.due_on !== null && f.due_on < today)).toBe(true);
    // Loading again adds nothing.
    expect(await createDemoCampaigns(t.ctx.db, '530125')).toEqual(expect.objectContaining({ findings: 0 }));
  });
});
