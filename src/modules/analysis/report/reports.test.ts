import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers';

let t: TestApp;
let cookie = '';
const year = new Date().getFullYear();
beforeAll(async () => { t = await createTestApp(); cookie = await t.login('cdi'); });
afterAll(async () => { await t?.close(); });

describe('quarterly report API', () => {
  it('generates, freezes, downloads and reports what changed since', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/analysis/reports', headers: { cookie }, payload: { period: `${year}Q4`, cumulative: true } });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.metrics['resources.marketAllocated']).toEqual(expect.objectContaining({ unavailable: true }));
    expect(body.metrics['org.officials'].value).toBeGreaterThan(0);
    expect(body.sections.map((s: { heading: string }) => s.heading)[0]).toBe('一、主要做法和成效');

    const docx = await t.app.inject({ method: 'GET', url: `/api/v1/analysis/reports/${body.id}/docx`, headers: { cookie } });
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(docx.rawPayload);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('三、下一步意见');

    const before = await t.app.inject({ method: 'GET', url: `/api/v1/analysis/reports/${body.id}/changes`, headers: { cookie } });
    expect(before.json().items).toEqual([]);
    const unit = await t.ctx.db.selectFrom('units').select('id').where('code', '=', '530125102').executeTakeFirstOrThrow();
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/org/officials', headers: { cookie: await t.login('admin') },
      payload: { name: '新任干部', gender: 'male', unitId: unit.id, rank: 'general', managedBy: 'township' } });
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/analysis/reports/${body.id}/changes`, headers: { cookie } });
    expect(after.json().items).toEqual([expect.objectContaining({ key: 'org.officials', frozen: body.metrics['org.officials'].value, current: body.metrics['org.officials'].value + 1, added: [created.json().id], removed: [] })]);

    const frozen = await t.app.inject({ method: 'GET', url: `/api/v1/analysis/reports/${body.id}`, headers: { cookie } });
    expect(frozen.json().metrics['org.officials'].value).toBe(body.metrics['org.officials'].value);
  });

  it('refuses a county-wide report to a township user', async () => {
    const township = await t.login('t530125102');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/analysis/reports', headers: { cookie: township } });
    expect(res.statusCode).toBe(403);
  });

  it('names the period field when it is wrong and stores nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/analysis/reports', headers: { cookie }, payload: { period: '2026Q9' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('body.period');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/analysis/reports', headers: { cookie } });
    expect(list.json().items).toHaveLength(1);
  });
});

describe('report sentence templates', () => {
  it('lets the office rewrite a sentence, refusing unknown metrics, and uses the new text', async () => {
    const current = (await t.app.inject({ method: 'GET', url: '/api/v1/analysis/report-templates', headers: { cookie } })).json().templates;
    const bad = structuredClone(current);
    bad.paragraphs[0].clauses[0].text = '共有{no.such.metric}件';
    const refused = await t.app.inject({ method: 'PUT', url: '/api/v1/analysis/report-templates', headers: { cookie }, payload: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0].message).toContain('no.such.metric');

    const edited = structuredClone(current);
    edited.paragraphs.push({ id: 'officials', section: 'achievements', heading: '加强干部队伍建设', clauses: [{ text: '全县在册干部{org.officials}人', sep: '。' }] });
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/analysis/report-templates', headers: { cookie }, payload: edited })).statusCode).toBe(200);
    const report = await t.app.inject({ method: 'POST', url: '/api/v1/analysis/reports', headers: { cookie }, payload: { period: `${year}`, cumulative: false } });
    const text = JSON.stringify(report.json().sections);
    expect(text).toContain('加强干部队伍建设');
    expect(text).toContain('全县在册干部');
  });
});
