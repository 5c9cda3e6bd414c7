import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, type TestApp } from '../../../test/helpers';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import { todayInShanghai } from '../../platform/calendar';
import { forgetClassifiers, retrainIfStale } from './classifierService';
import { ensureClassifierGrants } from './classifierSchedule';
import { insertReport } from './intakeService';
import { ensureReportRoles } from './permissions';

/** Category suggestion (train, refuse, suggest, store at intake) and the hot-spot API, on synthetic texts. */
let t: TestApp;
let intake = '';
let cdi = '';
let township = '';
beforeAll(async () => {
  t = await createTestApp();
  await ensureReportRoles(t.ctx.db);
  await ensureClassifierGrants(t.ctx.db);
  intake = await t.login('intake');
  cdi = await t.login('cdi');
  township = await t.login('t530125102');
});
afterAll(async () => { await t?.close(); });

const api = (method: string, url: string, cookie: string, payload?: unknown) => injectAs(t, cookie, method, url, payload);

/** Synthetic texts: each category has its own vocabulary, varied by place and person. */
const places = ['北古城镇', '狗街镇', '竹山镇', '马街镇', '耿家营乡', '九乡乡', '汤池街道', '南羊街道', '匡远街道', '北古城镇'];
const people = ['张某某', '李某某', '王某某', '赵某某', '钱某某', '孙某某', '周某某', '吴某某', '郑某某', '冯某某'];
const templates: Record<string, (p: string, n: string) => { title: string; content: string }> = {
  吃拿卡要: (p, n) => ({ title: `${p}国土所${n}办证索要好处费`, content: `群众到${p}办理宅基地审批和不动产登记，工作人员${n}故意刁难拖延，暗示送红包、收受烟酒才给办理，吃拿卡要。` }),
  违规发放津贴: (p, n) => ({ title: `${p}财政所违规发放津贴补贴`, content: `${p}财政所所长${n}以加班费、值班补助名义违规发放津贴补贴，虚列支出套取资金发放奖金福利。` }),
  优亲厚友: (p, n) => ({ title: `${p}村委会低保评定优亲厚友`, content: `${p}某村村主任${n}在低保和危房改造评定中优亲厚友，把亲属纳入低保户，真正困难的群众评不上。` }),
};

async function seedClosed(category: string, count: number, from = 0) {
  const unit = await t.ctx.db.selectFrom('units').select(['id', 'county_code']).where('code', '=', '530125CDI').executeTakeFirstOrThrow();
  const cal = await loadCalendar(t.ctx.db);
  for (let i = from; i < from + count; i++) {
    const text = templates[category](places[i % places.length], people[(i * 3) % people.length]);
    await t.ctx.db.transaction().execute(async (trx) => {
      const r = await insertReport(trx, t.ctx, cal, { countyCode: unit.county_code, unitId: unit.id, channel: 'letter', kind: 'accusation', ...text, receivedOn: todayInShanghai(), createdBy: null });
      await trx.updateTable('reports').set({ status: 'closed', category, closed_on: todayInShanghai(), updated_at: new Date() }).where('id', '=', r.id).execute();
    });
  }
}

async function trainAndWait(cookie: string) {
  const res = await api('POST', '/api/v1/reports/classifier/train', cookie);
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 200; i++) {
    const s = (await api('GET', '/api/v1/reports/classifier', cookie)).json();
    if (s.job?.id === res.json().jobId && ['succeeded', 'failed'].includes(s.job.status)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('training did not finish');
}

describe('category suggestion', () => {
  it('refuses to train, naming the reason, with fewer than two categories of five examples', async () => {
    const none = await api('POST', '/api/v1/reports/classifier/train', intake);
    expect(none.statusCode).toBe(400);
    expect(none.json().issues[0]).toMatchObject({ field: 'trainingData' });
    await seedClosed('吃拿卡要', 6);
    await seedClosed('违规发放津贴', 3);
    const few = await api('POST', '/api/v1/reports/classifier/train', intake);
    expect(few.statusCode).toBe(400);
    expect(few.json().issues[0].message).toContain('只有 1 个问题类别达到 5 件');
    expect(few.json().issues[0].message).toContain('违规发放津贴 3');
    expect((await api('POST', '/api/v1/reports/classifier/train', township)).statusCode).toBe(403);
  });

  it('trains on closed reports as a polled job, suggests, and stores the suggestion at intake', async () => {
    await seedClosed('违规发放津贴', 5, 3);
    await seedClosed('优亲厚友', 8);
    const status = await trainAndWait(intake);
    expect(status.job).toMatchObject({ status: 'succeeded', progress: 100 });
    expect(status.model).toMatchObject({ examples: 22, labels: ['优亲厚友', '吃拿卡要', '违规发放津贴'].sort() });
    expect(status.model.macroF1).toBeGreaterThan(0.8);

    const s = await api('POST', '/api/v1/reports/classifier/suggest', intake, { title: '派出所办户口索要红包', content: '办理户口迁移时工作人员故意刁难，暗示要送烟酒红包才给办，吃拿卡要。' });
    expect(s.json()).toMatchObject({ label: '吃拿卡要' });
    expect(s.json().alternatives).toHaveLength(2);

    const staff = await api('POST', '/api/v1/reports', intake, { channel: 'letter', kind: 'accusation', title: '某村低保评定不公', content: '村主任把自己的亲属评为低保户，优亲厚友，困难群众评不上低保。', anonymous: true });
    expect(staff.statusCode, staff.body).toBe(201);
    const row = await t.ctx.db.selectFrom('reports').select(['suggested_category', 'suggestion_confidence']).where('id', '=', staff.json().id).executeTakeFirstOrThrow();
    expect(row.suggested_category).toBe('优亲厚友');
    expect(Number(row.suggestion_confidence)).toBeGreaterThan(0.34);
    const shown = (await api('GET', `/api/v1/reports/${staff.json().id}/category-suggestion`, intake)).json();
    expect(shown).toMatchObject({ source: 'intake', label: '优亲厚友' });

    const pub = await t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: { kind: 'accusation', title: '财政所发放补贴', content: '财政所以值班补助名义违规发放津贴补贴，虚列支出。', anonymous: true } });
    expect(pub.statusCode, pub.body).toBe(201);
    const pubRow = await t.ctx.db.selectFrom('reports').select('suggested_category').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(pubRow.suggested_category).toBe('违规发放津贴');
  });

  it('retrains periodically only when closed reports changed since the last model', async () => {
    expect(await retrainIfStale(t.ctx)).toBe(0);
    await seedClosed('优亲厚友', 1, 8);
    expect(await retrainIfStale(t.ctx)).toBe(1);
    const models = await t.ctx.db.selectFrom('report_classifier_models').select('examples').orderBy('trained_at', 'desc').execute();
    expect(models.map((m) => m.examples)).toEqual([23, 22]);
  });

  it('never blocks intake when the model cannot be used, and keeps suggestions to the caller\'s scope', async () => {
    const bad = await t.ctx.db.insertInto('report_classifier_models').values({ county_code: '530125', model_json: '{"format":"other"}', labels: [], examples: 0, macro_f1: null, trained_by: null, data_mark: null, trained_at: new Date(Date.now() + 60_000) })
      .returning('id').executeTakeFirstOrThrow();
    forgetClassifiers(t.ctx);
    const r = await api('POST', '/api/v1/reports', intake, { channel: 'visit', kind: 'accusation', title: '低保评定不公', content: '村干部优亲厚友评低保。', anonymous: true });
    expect(r.statusCode, r.body).toBe(201);
    expect((await t.ctx.db.selectFrom('reports').select('suggested_category').where('id', '=', r.json().id).executeTakeFirstOrThrow()).suggested_category).toBeNull();
    expect((await api('GET', '/api/v1/reports/classifier', intake)).statusCode).toBe(200);
    await t.ctx.db.deleteFrom('report_classifier_models').where('id', '=', bad.id).execute();
    forgetClassifiers(t.ctx);
    expect((await api('GET', `/api/v1/reports/${r.json().id}/category-suggestion`, intake)).json()).toMatchObject({ source: 'live', label: '优亲厚友' });
    expect((await api('GET', `/api/v1/reports/${r.json().id}/category-suggestion`, township)).statusCode).toBe(404);
  });
});

describe('hot spots', () => {
  const quarter = () => { const d = todayInShanghai(); return `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`; };

  async function seedIn(code: string, title: string, content: string, n: number) {
    const unit = await t.ctx.db.selectFrom('units').select(['id', 'county_code']).where('code', '=', code).executeTakeFirstOrThrow();
    const cal = await loadCalendar(t.ctx.db);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await t.ctx.db.transaction().execute((trx) => insertReport(trx, t.ctx, cal, {
        countyCode: unit.county_code, unitId: unit.id, channel: 'online', kind: 'suggestion', title: `${title}（${i + 1}）`, content, townshipCode: code, receivedOn: todayInShanghai(), createdBy: null,
      }))).id);
    }
    return ids;
  }

  it('groups identical bodies into one cluster and keeps to the caller\'s data scope', async () => {
    const a = await seedIn('530125102', '自来水停水', '小区自来水已经连续停水三天，物业和自来水公司互相推诿，没有任何通知，老人孩子生活非常困难。', 3);
    const b = await seedIn('530125103', '道路扬尘', '镇区主干道施工扬尘严重，渣土车不覆盖篷布，沿街商户和学生每天吸灰，多次反映没有人管。', 2);

    const county = await api('GET', `/api/v1/reports/hotspots?period=${quarter()}`, cdi);
    expect(county.statusCode, county.body).toBe(200);
    const items = county.json().items as Array<{ memberIds: string[]; size: number; townships: Array<{ township: string }> }>;
    const clusterA = items.find((c) => c.memberIds.includes(a[0]))!;
    expect(clusterA.memberIds.sort()).toEqual([...a].sort());
    expect(clusterA.townships[0].township).not.toMatch(/^\d+$/); // a name, not a code
    expect(items.find((c) => c.memberIds.includes(b[0]))!.memberIds.sort()).toEqual([...b].sort());

    const own = await api('GET', `/api/v1/reports/hotspots?period=${quarter()}&cumulative=true`, township);
    expect(own.statusCode, own.body).toBe(200);
    const ownIds = (own.json().items as Array<{ memberIds: string[] }>).flatMap((c) => c.memberIds);
    expect(ownIds).toEqual(expect.arrayContaining(a));
    expect(ownIds.some((id) => b.includes(id))).toBe(false);

    const bad = await api('GET', '/api/v1/reports/hotspots?period=2026Q7', cdi);
    expect(bad.statusCode).toBe(400);
  });
});
