import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInShanghai } from '../src/platform/calendar/dates';
import { apiAs, pick, screenshot, signInPage, startE2E, type E2E } from './harness';

/**
 * The case workflow in the browser, signed in as the demo case handler (审查调查室): a report becomes a clue, the
 * clue is disposed of as 初步核实 with the commission head's approval and concluded by opening a case, the case
 * goes through 审理 to 决定, a party warning is decided, and the official's integrity record shows it with the
 * influence period the server computed. Second: a handler with a recorded relation to the accused tries to open
 * the case and the form shows the recusal rule's message.
 */
let e: E2E;
const suffix = Date.now().toString().slice(-5);

let current: Page | undefined;

async function signIn(username: string): Promise<Page> {
  if (current && !current.isClosed()) await current.close();
  current = await signInPage(e, username);
  return current;
}


async function newOfficial(name: string) {
  const unit = await e.ctx.db.selectFrom('units').select('id').where('code', '=', '530125102').executeTakeFirstOrThrow();
  return e.ctx.db.insertInto('officials').values({
    county_code: '530125', unit_id: unit.id, name, gender: 'male', party_member: true, rank: 'township', managed_by: 'county', post: '副镇长',
  }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

const userId = async (username: string) => (await e.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });
// A failing step leaves a picture of the page behind (dist/e2e-screenshots/cases-failed-*.png).
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && current && !current.isClosed()) await screenshot(current, `cases-failed-${task.name.slice(0, 12)}`);
});


describe('clues, cases and sanctions in the browser', () => {
  it('turns a report into a clue, opens a case, decides a sanction and shows it on the integrity record', async () => {
    const official = await newOfficial(`案审测试${suffix}`);
    const intake = await apiAs(e, 'intake');
    const report = await intake('POST', '/reports', {
      channel: 'letter', kind: 'accusation', anonymous: true, title: `反映${official.name}违规吃喝`, content: '来信反映该副镇长多次接受管理对象宴请。',
      accused: { name: official.name, officialId: official.id },
    }) as { id: string };

    const page = await signIn('cases');
    await page.goto(`${e.baseUrl}/reports/${report.id}`);
    await page.getByTestId('report-to-clue').click();
    await expect.poll(() => page.getByTestId('clue-form-title').inputValue()).toContain(official.name);
    await page.getByTestId('clue-form-accused').getByText(official.name).waitFor();
    await page.getByTestId('clue-form-save').click();
    await page.waitForURL(/\/cases\/clues\?clue=/);
    const clueId = new URL(page.url()).searchParams.get('clue')!;

    await page.getByTestId('clue-dispose').click();
    const disposal = page.getByTestId('disposal-form');
    await disposal.getByText('初步核实').click();
    await disposal.getByLabel('处置意见').fill('反映问题具体，可查性强，拟予初步核实。');
    await pick(page, page.getByTestId('disposal-approver'), '县纪委监委领导', true);
    await page.getByTestId('disposal-form-ok').click();
    await expect.poll(() => page.getByTestId('clue-disposal').innerText()).toContain('初步核实');

    await page.getByTestId('clue-open-case').click();
    await pick(page, page.getByTestId('case-form-type'), '违规吃喝', true);
    await pick(page, page.getByTestId('case-form-approver'), '县纪委监委领导', true);
    for (const reviewer of ['县纪委监委领导', '信访室']) {
      await page.getByTestId('case-form-add-member').click();
      await pick(page, page.getByTestId('case-form-member').last().locator('.ant-select').first(), reviewer, true);
    }
    await page.getByTestId('case-form-save').click();
    await page.waitForURL(/\/cases\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('case-stage').innerText()).toContain('审查调查');
    const clue = await e.ctx.db.selectFrom('clues').select(['outcome', 'case_id']).where('id', '=', clueId).executeTakeFirstOrThrow();
    expect(clue.outcome).toBe('caseOpened');
    expect(page.url()).toContain(clue.case_id!);

    await page.getByTestId('case-advance').click();
    await page.getByTestId('stage-investigationReportFiled').click();
    await page.getByTestId('stage-form-ok').click();
    await expect.poll(() => page.getByTestId('case-stage').innerText()).toContain('审理');
    await page.getByTestId('case-advance').click();
    await page.getByTestId('stage-reviewReportFiled').click();
    await page.getByTestId('stage-form-ok').click();
    await expect.poll(() => page.getByTestId('case-stage').innerText()).toContain('决定');

    await page.getByTestId('subject-decide').click();
    await pick(page, page.getByTestId('outcome-kind'), '党纪警告');
    await page.getByTestId('outcome-form-ok').click();
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '影响期由系统计算' }).waitFor();
    const stored = await e.ctx.db.selectFrom('case_outcomes').select(['effect_until', 'kind']).where('case_id', '=', clue.case_id!).executeTakeFirstOrThrow();
    expect(stored.kind).toBe('warning');
    expect(stored.effect_until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.locator('.ant-modal-confirm-btns button').click();
    await expect.poll(() => page.getByTestId('case-outcomes').innerText()).toContain(stored.effect_until!);
    await screenshot(page, 'cases-detail-decided');

    await page.getByTestId('case-subjects').getByRole('link', { name: official.name }).click();
    await page.waitForURL(/\/cases\/integrity\?official=/);
    const sanctions = page.getByTestId('integrity-sanctions');
    await expect.poll(() => sanctions.innerText()).toContain('党纪警告');
    expect(await sanctions.innerText()).toContain(stored.effect_until!);
    expect(await page.getByTestId('integrity-conclusion').innerText()).toBe('处分影响期内');
    const download = page.waitForEvent('download');
    await page.getByTestId('integrity-opinion').click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    await screenshot(page, 'cases-integrity');
    await page.close();
  });

  it('shows the recusal refusal when a handler related to the accused tries to open the case', async () => {
    const official = await newOfficial(`回避测试${suffix}`);
    const handler = await apiAs(e, 'cases');
    const clue = await handler('POST', '/cases/clues', {
      title: `反映${official.name}违规收受礼金`, receivedOn: todayInShanghai(), unitId: (await e.ctx.db.selectFrom('users').select('unit_id').where('username', '=', 'cases').executeTakeFirstOrThrow()).unit_id,
      sources: [{ type: 'inspection', note: '巡察移交' }], accused: [official.id],
    }) as { id: string; received_on: string };
    await handler('POST', `/cases/clues/${clue.id}/disposal`, { disposal: 'verification', opinion: '拟予初步核实', decidedOn: clue.received_on, approverId: await userId('cdi') });
    await handler('POST', '/cases/relations', { officialId: official.id, userId: await userId('cases'), kind: 'closeRelative', note: '妻弟' });

    const page = await signIn('cases');
    await page.goto(`${e.baseUrl}/cases/clues?clue=${clue.id}`);
    await page.getByTestId('clue-open-case').click();
    await pick(page, page.getByTestId('case-form-type'), '礼品礼金', true);
    await pick(page, page.getByTestId('case-form-approver'), '县纪委监委领导', true);
    await page.getByTestId('case-form-save').click();
    const refusal = page.getByTestId('rule-error');
    await expect.poll(() => refusal.innerText()).toContain('应当回避');
    const text = await refusal.innerText();
    expect(text).toContain(official.name);
    expect(text).toContain('近亲属');
    expect(text).toContain('第四十七条');
    // The refusal is scrolled into view, not left above a drawer scrolled down to the save button.
    await expect.poll(() => refusal.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    await screenshot(page, 'cases-recusal');
    const opened = await e.ctx.db.selectFrom('cases').select('id').where('clue_id', '=', clue.id).execute();
    expect(opened).toEqual([]);
    await page.close();
  });
  it('records violations, recoveries, an extension and a suspension on a case file, and refuses a related team member', async () => {
    const official = await newOfficial(`卷宗测试${suffix}`);
    const handler = await apiAs(e, 'cases');
    const today = todayInShanghai();
    const unitId = (await e.ctx.db.selectFrom('users').select('unit_id').where('username', '=', 'cases').executeTakeFirstOrThrow()).unit_id;
    const clue = await handler('POST', '/cases/clues', { title: `反映${official.name}侵占集体资金`, receivedOn: today, unitId, sources: [{ type: 'audit' }], accused: [official.id] }) as { id: string };
    await handler('POST', `/cases/clues/${clue.id}/disposal`, { disposal: 'verification', opinion: '拟予初步核实', decidedOn: today, approverId: await userId('cdi') });
    const opened = await handler('POST', '/cases/cases', {
      title: `${official.name}违纪案`, clueId: clue.id, unitId, caseTypeCode: 'economic.villageAssets', openedOn: today, approverId: await userId('cdi'),
      subjects: [{ officialId: official.id, personCategory: 'civilServant' }],
    }) as { id: string };
    await handler('POST', '/cases/relations', { officialId: official.id, userId: await userId('auditor'), kind: 'formerColleague' });
    const dueBefore = (await e.ctx.db.selectFrom('case_deadlines').select('due_on').where('case_id', '=', opened.id).where('rule_key', '=', 'investigationDecision').executeTakeFirstOrThrow()).due_on;

    const page = await signIn('cases');
    await page.goto(`${e.baseUrl}/cases/cases/${opened.id}`);
    await page.getByTestId('case-add-violation').click();
    const violation = page.getByTestId('violation-form');
    await pick(page, violation.locator('.ant-form-item', { hasText: '违反纪律（法律）类别' }).locator('.ant-select'), '违反廉洁纪律');
    await violation.getByLabel('条文').fill('100');
    await page.getByTestId('violation-form-ok').click();
    await page.getByText('第一百条').waitFor();

    await page.getByTestId('case-add-recovery').click();
    await page.getByTestId('recovery-form').getByLabel('金额（元）').fill('12345.67');
    await page.getByTestId('recovery-form-ok').click();
    await page.getByText('合计 1.23 万元').waitFor();
    const fen = await e.ctx.db.selectFrom('case_recoveries').select('amount_fen').where('case_id', '=', opened.id).executeTakeFirstOrThrow();
    expect(Number(fen.amount_fen)).toBe(1234567);

    await page.getByTestId('case-deadlines').getByRole('row', { name: /审查调查期限/ }).getByRole('button', { name: /延\s*长/ }).click();
    await page.getByTestId('extension-form').getByLabel('批准文号').fill('市纪委监委〔2026〕12号');
    await page.getByTestId('extension-form-ok').click();
    await page.getByTestId('case-deadlines').getByText('已延长×1').waitFor();
    const dueAfter = (await e.ctx.db.selectFrom('case_deadlines').select('due_on').where('case_id', '=', opened.id).where('rule_key', '=', 'investigationDecision').executeTakeFirstOrThrow()).due_on;
    expect(dueAfter! > dueBefore!).toBe(true);
    await page.getByTestId('case-deadlines').getByText(dueAfter!).waitFor();

    await page.getByTestId('case-suspension').click();
    await page.getByTestId('suspension-form-ok').click();
    await expect.poll(() => page.getByTestId('case-stage').innerText()).toContain('中止中');
    await page.getByTestId('suspension-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('case-suspension').innerText()).toMatch(/恢复/);
    await page.getByTestId('case-suspension').click();
    await page.getByTestId('suspension-form-ok').click();
    await expect.poll(() => page.getByTestId('case-stage').innerText()).not.toContain('中止中');

    await page.getByTestId('case-add-member').click();
    await pick(page, page.getByTestId('member-user'), '安全审计员', true);
    await page.getByTestId('member-form-ok').click();
    await expect.poll(() => page.getByTestId('rule-error').innerText()).toContain('应当回避');
    await screenshot(page, 'cases-member-recusal');
    await page.close();
  });

  it('takes a 留置 with its computed due day, refuses a 复核 before the 复审, and records a 复审 upheld', async () => {
    const official = await newOfficial(`措施测试${suffix}`);
    const handler = await apiAs(e, 'cases');
    const today = todayInShanghai();
    const unitId = (await e.ctx.db.selectFrom('users').select('unit_id').where('username', '=', 'cases').executeTakeFirstOrThrow()).unit_id;
    const opened = await handler('POST', '/cases/cases', {
      title: `${official.name}违纪案`, unitId, caseTypeCode: 'duty.neglect', openedOn: today, approverId: await userId('cdi'),
      subjects: [{ officialId: official.id, personCategory: 'civilServant' }],
    }) as { id: string; subjects: Array<{ id: string }> };
    // The sanction itself is the first test's subject; here it is the decision under review.
    await e.ctx.db.insertInto('case_outcomes').values({
      case_id: opened.id, subject_id: opened.subjects[0].id, official_id: official.id, type: 'sanction', track: 'party', kind: 'warning', decided_on: today,
      detail: JSON.stringify({ outcome: { type: 'sanction', sanction: { track: 'party', kind: 'warning' } } }),
    }).execute();

    const page = await signIn('cases');
    await page.goto(`${e.baseUrl}/cases/cases/${opened.id}`);
    await page.getByTestId('case-add-measure').click();
    await pick(page, page.getByTestId('measure-kind'), '留置');
    await page.getByTestId('measure-form').getByLabel('批准文号').fill('昆纪留〔2026〕3号');
    await page.getByTestId('measure-form-ok').click();
    await expect.poll(() => page.getByTestId('measure-table').innerText()).toContain('留置');
    const measure = await e.ctx.db.selectFrom('case_measures').select(['kind', 'due_on']).where('case_id', '=', opened.id).executeTakeFirstOrThrow();
    expect(measure.kind).toBe('detention');
    expect(measure.due_on! > today).toBe(true);
    await expect.poll(() => page.getByTestId('measure-table').innerText()).toContain(measure.due_on!);
    expect(await page.getByTestId('measure-table').innerText()).toContain('进行中');

    const reviews = page.getByTestId('case-reviews');
    await reviews.getByTestId('review-apply-recheck').click();
    await page.getByTestId('review-apply-form-ok').click();
    await expect.poll(() => page.getByTestId('rule-error').innerText()).toContain('须先经复审');
    expect(await page.getByTestId('rule-error').innerText()).toContain('第五十六条');
    await screenshot(page, 'cases-review-refused');
    await page.keyboard.press('Escape');
    await page.getByTestId('review-apply-form').waitFor({ state: 'detached' });

    await reviews.getByTestId('review-apply-reexamination').click();
    await page.getByTestId('review-apply-form-ok').click();
    const history = page.getByTestId('review-history');
    await expect.poll(() => history.innerText()).toContain('复审');
    await history.getByTestId('review-decide').click();
    await page.getByTestId('review-reason').fill('事实清楚，处分适当，予以维持。');
    await page.getByTestId('review-decide-form-ok').click();
    await expect.poll(() => history.innerText()).toContain('维持');
    await page.getByTestId('review-decide-form').waitFor({ state: 'detached' });
    const stored = await e.ctx.db.selectFrom('case_reviews').select(['level', 'decision', 'decision_due']).where('case_id', '=', opened.id).execute();
    expect(stored).toEqual([{ level: 'reexamination', decision: 'upheld', decision_due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    expect(await history.innerText()).toContain(stored[0].decision_due);
    await screenshot(page, 'cases-reviews');
    await page.close();
  });
});
