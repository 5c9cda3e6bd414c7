import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, type TestApp } from '../../../test/helpers';
import { codeLabel } from './labels';
import { replaceDomainHits, type DomainHit } from './hitStore';
import { screenCounty } from './screeningService';
import { generated, importFile, unitOf } from './testing/fixtures';
import { releasePackage } from './testing/toOcds';

/**
 * Another domain's hits in the shared store: replaced per domain (a procurement re-run leaves them alone and the
 * other way round), decided ones survive a re-run, listed and filtered with the rest, and handed over as clues
 * whose title and summary name the domain and the record.
 */
let t: TestApp;
const c: Record<string, string> = {};
const A = '530125102';
const B = '530125103';
const county = '530125';
let unitA: string;
let unitB: string;

const hit = (n: number, unitId: string): DomainHit => ({
  code: 'RECEPTION_OVER_STANDARD', subjectId: `expense:${n}`, unitId, title: `县农业农村局 2026-03-0${n} 公务接待 ¥3,680`, strength: 'medium', score: 1.8,
  evidence: { rule: '人均 = 金额 / 人数 > 标准', lawRef: '党政机关国内公务接待管理规定 第十条', threshold: { 人均标准: 120 }, values: { 人均: 216 },
    records: [{ kind: 'expense', id: `e${n}`, label: `凭证 2026-03-${n}`, href: `/spending/records?record=e${n}` }] },
});

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ['cases', `t${A}`]) c[who] = await t.login(who);
  unitA = (await unitOf(t, A)).id;
  unitB = (await unitOf(t, B)).id;
  const cdi = await unitOf(t, '530125CDI');
  await importFile(t, c.cases, { name: 'releases.json', content: releasePackage(await generated(t, [A, B])) }, cdi.id);
}, 120_000);
afterAll(async () => { await t?.close(); });

const domainRows = () => t.ctx.db.selectFrom('risk_hits').select(['id', 'status', 'subject_title', 'source']).where('domain', '=', 'spending').orderBy('subject_id').execute();

describe('the shared hit store', () => {
  it('replaces one domain without touching the others, and keeps decided hits through a re-run', async () => {
    const procurement = (await t.ctx.db.selectFrom('risk_hits').select('id').where('domain', '=', 'procurement').execute()).length;
    expect(procurement).toBeGreaterThan(0);
    const first = await t.ctx.db.transaction().execute((trx) => replaceDomainHits(trx, county, 'spending', [hit(1, unitA), hit(2, unitB), hit(2, unitB)]));
    expect(first).toEqual({ hits: 2, kept: 0 });
    expect((await domainRows()).map((r) => r.source)).toEqual(['rule', 'rule']);
    // A procurement re-run leaves the spending hits alone.
    await screenCounty(t.ctx.db, county);
    expect(await domainRows()).toHaveLength(2);
    expect((await t.ctx.db.selectFrom('risk_hits').select('id').where('domain', '=', 'procurement').execute()).length).toBe(procurement);

    const [one] = await domainRows();
    const dismissed = await injectAs(t, c.cases, 'POST', `/api/v1/risk/hits/${one.id}/dismiss`, { reason: '已核实为上级检查组接待，有公函' });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    // The next run finds hit 1 again (kept as dismissed, with the title and evidence it was decided on) and no
    // longer finds hit 2 (an undecided hit goes).
    const changed = { ...hit(1, unitA), title: '县农业农村局 2026-03-01 公务接待 ¥3,680（更正）', evidence: { ...hit(1, unitA).evidence, values: { 人均: 300 } } };
    const second = await t.ctx.db.transaction().execute((trx) => replaceDomainHits(trx, county, 'spending', [changed]));
    expect(second).toEqual({ hits: 0, kept: 1 });
    expect(await domainRows()).toEqual([expect.objectContaining({ id: one.id, status: 'dismissed', subject_title: hit(1, unitA).title })]);
    const kept = await t.ctx.db.selectFrom('risk_hits').select('evidence').where('id', '=', one.id).executeTakeFirstOrThrow();
    expect((kept.evidence as { values: object }).values).toEqual({ 人均: 216 });
    // The procurement hits were not touched by the spending run.
    expect((await t.ctx.db.selectFrom('risk_hits').select('id').where('domain', '=', 'procurement').execute()).length).toBe(procurement);
  });

  it('lists by domain in the caller\'s scope and hands a domain hit over as a clue naming the domain and the record', async () => {
    await t.ctx.db.transaction().execute((trx) => replaceDomainHits(trx, county, 'spending', [hit(1, unitA), hit(3, unitA), hit(4, unitB)]));
    const list = await injectAs(t, c.cases, 'GET', '/api/v1/risk/hits?domain=spending&status=new');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((r: { subjectId: string }) => r.subjectId).sort()).toEqual(['expense:3', 'expense:4']);
    expect(list.json().items[0]).toMatchObject({ domain: 'spending', source: 'rule' });
    const township = await injectAs(t, c[`t${A}`], 'GET', '/api/v1/risk/hits?domain=spending&status=new');
    expect(township.json().items.map((r: { subjectId: string }) => r.subjectId)).toEqual(['expense:3']);
    expect((await injectAs(t, c.cases, 'GET', '/api/v1/risk/hits?domain=nonsense')).statusCode).toBe(400);
    // A unit's own flags (the link from a village ledger or a township page): the unit and the units under it.
    const underB = await injectAs(t, c.cases, 'GET', `/api/v1/risk/hits?domain=spending&status=new&unit=${B}`);
    expect(underB.json().items.map((r: { subjectId: string }) => r.subjectId)).toEqual(['expense:4']);

    const target = list.json().items.find((r: { subjectId: string }) => r.subjectId === 'expense:3');
    const res = await injectAs(t, c.cases, 'POST', `/api/v1/risk/hits/${target.id}/clue`, { receivedOn: '2026-11-20' });
    expect(res.statusCode, res.body).toBe(201);
    const clue = await t.ctx.db.selectFrom('clues').select(['title', 'summary']).where('id', '=', res.json().clue.id).executeTakeFirstOrThrow();
    expect(clue.title).toBe(`超标准支出预警：${codeLabel('RECEPTION_OVER_STANDARD')}（${hit(3, unitA).title}）`);
    expect(clue.summary).toContain('来源：超标准支出预警');
    expect(clue.summary).toContain(`对象：${hit(3, unitA).title}`);
    expect(clue.summary).toContain('凭证 2026-03-3（expense:e3）');
    expect(clue.summary).not.toContain('采购人');
  });
});
