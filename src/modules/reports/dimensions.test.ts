import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { createDemoReports } from './demo';
import { ensureReportRoles } from './permissions';

/** The intake figures' breakdowns read as words (举报方式, 乡镇, 领域 ...), and 领域 is the county's own dictionary. */
let t: TestApp;
let cdi = '';
let intake = '';
let admin = '';
beforeAll(async () => {
  t = await createTestApp();
  await ensureReportRoles(t.ctx.db);
  await createDemoReports(t.ctx.db, '530125', { config: t.ctx.config, today: '2026-11-26' });
  [cdi, intake, admin] = [await t.login('cdi'), await t.login('intake'), await t.login('admin')];
});
afterAll(async () => { await t?.close(); });

type Item = { key: string; label: string; labelEn: string; value: number };
const received = async () => {
  const res = await injectAs(t, cdi, 'GET', '/api/v1/analysis/metrics?period=2025&keys=reports.received');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().metrics['reports.received'] as { value: number; breakdown: Record<string, Item[]> };
};

describe('breakdown words', () => {
  it('names channels, kinds, townships, ranks and sectors in Chinese and English, and the catalogue names each dimension', async () => {
    const m = await received();
    expect(Object.keys(m.breakdown)).toEqual(['channel', 'kind', 'identified', 'accusedRank', 'category', 'sector', 'township']);
    const byKey = (dim: string) => Object.fromEntries(m.breakdown[dim].map((b) => [b.key, b]));
    expect(byKey('channel').online).toMatchObject({ label: '网络举报', labelEn: 'Online' });
    expect(byKey('identified').false).toMatchObject({ label: '匿名', labelEn: 'Anonymous' });
    expect(byKey('kind').accusation.label).toBe('检举控告');
    const towns = await t.ctx.db.selectFrom('units').select(['code', 'name']).where('county_code', '=', '530125').where('kind', 'in', ['town', 'township', 'subdistrict']).execute();
    for (const b of m.breakdown.township) {
      if (b.key === 'unknown') expect(b.label).toBe('县直及未指明乡镇');
      else expect(b.label).toBe(towns.find((x) => x.code === b.key)?.name);
    }
    // Every demo accusation has a sector; the sector split adds up to the total like every other split.
    expect(byKey('sector').construction.label).toBe('工程建设');
    expect(byKey('sector').construction.labelEn).toBe('Construction projects');
    for (const dim of Object.keys(m.breakdown)) expect(m.breakdown[dim].reduce((s, b) => s + b.value, 0)).toBe(m.value);
    const cat = (await injectAs(t, cdi, 'GET', '/api/v1/analysis/catalogue')).json().items.find((i: { key: string }) => i.key === 'reports.received');
    expect(cat.dimensionLabels.sector).toEqual({ labelZh: '领域', labelEn: 'Sector' });
    expect(cat.dimensionLabels.township.labelZh).toBe('乡镇（街道）');
  });

  it('renaming a sector renames it on the figures; switched-off sectors are refused at intake, naming the field', async () => {
    const list = await injectAs(t, admin, 'GET', '/api/v1/reports/sectors');
    expect(list.json().items.find((i: { code: string }) => i.code === 'construction')).toMatchObject({ name: '工程建设', nameEn: 'Construction projects' });
    const rename = await injectAs(t, admin, 'PATCH', '/api/v1/reports/sectors/construction', { name: '工程建设项目' });
    expect(rename.statusCode, rename.body).toBe(200);
    // Renamed by the office, the entry has only the office's words, in both languages.
    expect((await received()).breakdown.sector.find((b) => b.key === 'construction')).toMatchObject({ label: '工程建设项目', labelEn: '工程建设项目' });
    expect((await injectAs(t, admin, 'GET', '/api/v1/reports/sectors')).json().items.find((i: { code: string }) => i.code === 'construction').nameEn).toBe('工程建设项目');

    await injectAs(t, admin, 'PATCH', '/api/v1/reports/sectors/education', { active: false });
    const before = await countRows(t.ctx, 'reports');
    const refused = await injectAs(t, intake, 'POST', '/api/v1/reports', { channel: 'letter', kind: 'accusation', sector: 'education', title: '反映某校收费问题', content: '内容', anonymous: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0]).toMatchObject({ field: 'body.sector', key: 'field.notInDictionary' });
    expect(refused.json().issues[0].message).toContain('领域');
    expect(await countRows(t.ctx, 'reports')).toBe(before);

    const ok = await injectAs(t, intake, 'POST', '/api/v1/reports', { channel: 'letter', kind: 'accusation', sector: 'health', title: '反映卫生院收红包', content: '内容', anonymous: true });
    expect(ok.statusCode, ok.body).toBe(201);
    const triage = await injectAs(t, intake, 'PATCH', `/api/v1/reports/${ok.json().id}/triage`, { sector: 'landAcquisition' });
    expect(triage.statusCode, triage.body).toBe(200);
    const row = await t.ctx.db.selectFrom('reports').select('sector').where('id', '=', ok.json().id).executeTakeFirstOrThrow();
    expect(row.sector).toBe('landAcquisition');
    expect(issueKeys(await injectAs(t, intake, 'PATCH', `/api/v1/reports/${ok.json().id}/triage`, { sector: 'nonsense' }))).toEqual(['field.notInDictionary']);
  });

  it('adds a sector of the office, refuses a duplicate code and the drift flag that only efficiency categories have', async () => {
    const add = await injectAs(t, admin, 'POST', '/api/v1/reports/sectors', { code: 'tourism', name: '文化旅游' });
    expect(add.statusCode, add.body).toBe(201);
    expect(issueKeys(await injectAs(t, admin, 'POST', '/api/v1/reports/sectors', { code: 'tourism', name: '旅游' }))).toEqual(['field.duplicate']);
    expect(issueKeys(await injectAs(t, admin, 'POST', '/api/v1/reports/sectors', { code: 'parks', name: '园林', countsAsDrift: true }))).toEqual(['field.invalid']);
    const township = await t.login('t530125102');
    expect((await injectAs(t, township, 'POST', '/api/v1/reports/sectors', { code: 'water', name: '水利' })).statusCode).toBe(403);
  });
});
