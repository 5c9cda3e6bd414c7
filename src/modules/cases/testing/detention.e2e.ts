import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiAs, screenshot, signInPage, startE2E, type E2E } from '../../../../e2e/harness';

/**
 * 留置 in the browser, signed in as the demo case handler: a 留置 whose unit and family were not told within 24 hours
 * shows the red 通知逾期 tag; the special further extension is refused until the ≥10-year condition is confirmed,
 * then moves the due day to the end of the extended period + 2 months (no roll-over) and shows in the extension
 * history; recording the notices clears the overdue state. A 复审 handler from the case team is refused by name.
 * Run by e2e/casesDetention.e2e.test.ts (which imports this file).
 */
let e: E2E;
let page: Page;


/** Chooses an option of a searchable antd Select by typing it and pressing Enter (independent of where the list is drawn). */
async function pickSearch(select: Locator, text: string) {
  await select.click();
  await select.locator('input').first().fill(text);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

const userId = async (username: string) => (await e.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
let caseId = '';

/** The 留置 entries of this case in the deadline list, by rule. */
async function detentionWarnings() {
  const list = await (await apiAs(e, 'cases'))('GET', '/cases/deadlines?state=all') as { items: Array<{ id: string; ruleKey: string }> };
  return list.items.filter((w) => w.id === caseId && w.ruleKey.startsWith('detention')).map((w) => w.ruleKey).sort();
}

beforeAll(async () => {
  e = await startE2E();
  const unit = await e.ctx.db.selectFrom('units').select('id').where('code', '=', '530125102').executeTakeFirstOrThrow();
  const official = await e.ctx.db.insertInto('officials').values({
    county_code: '530125', unit_id: unit.id, name: `留置测试${Date.now() % 100000}`, gender: 'male', party_member: true, rank: 'township', managed_by: 'county', post: '副镇长',
  }).returning(['id', 'name']).executeTakeFirstOrThrow();
  const handler = await apiAs(e, 'cases');
  const cdiUnit = (await e.ctx.db.selectFrom('users').select('unit_id').where('username', '=', 'cases').executeTakeFirstOrThrow()).unit_id;
  const opened = await handler('POST', '/cases/cases', {
    title: `${official.name}受贿案`, unitId: cdiUnit, caseTypeCode: 'economic.bribeTaking', openedOn: '2026-01-15', approverId: await userId('cdi'),
    subjects: [{ officialId: official.id, personCategory: 'civilServant' }],
  }) as { id: string; subjects: Array<{ id: string }> };
  caseId = opened.id;
  const m = await handler('POST', `/cases/cases/${caseId}/measures`, { subjectId: opened.subjects[0].id, kind: 'detention', startedOn: '2026-02-01', startedAt: '2026-02-01T10:00:00+08:00', approvalRef: '昆纪留〔2026〕11号' });
  await handler('POST', `/cases/cases/${caseId}/measures/${m.measures[0].id}/extensions`, { approvedOn: '2026-04-20', approvalRef: '市纪批〔2026〕12号' });
  await e.ctx.db.insertInto('case_outcomes').values({
    case_id: caseId, subject_id: opened.subjects[0].id, official_id: official.id, type: 'sanction', track: 'party', kind: 'warning', decided_on: '2026-06-01',
    detail: JSON.stringify({ outcome: { type: 'sanction', sanction: { track: 'party', kind: 'warning' } } }),
  }).execute();
  page = await signInPage(e, 'cases');
}, 180_000);
afterAll(async () => { await e?.close(); });

describe('留置 special extension and notice in the browser', () => {
  it('shows 通知逾期, refuses the special extension without the ≥10-year confirmation, then records it', async () => {
    await page.goto(`${e.baseUrl}/cases/cases/${caseId}`);
    const table = page.getByTestId('measure-table');
    await expect.poll(() => table.innerText()).toContain('2026-08-01');
    // The one ordinary extension is used: only the special one is offered.
    expect(await page.getByTestId('measure-extend').count()).toBe(0);
    expect(await page.getByTestId('measure-notice-state').innerText()).toBe('通知逾期');
    expect(await page.getByTestId('measure-notice-state').evaluate((el) => getComputedStyle(el).color)).toMatch(/rgb\(2\d\d, \d{1,2}, \d{1,2}\)/);

    await page.getByTestId('measure-special').click();
    await page.getByTestId('special-approval-ref').fill('国监批〔2026〕3号');
    await page.getByTestId('measure-special-form').getByLabel('批准日期').fill('2026-07-20');
    await page.getByTestId('measure-special-form-ok').click();
    await expect.poll(() => page.getByTestId('measure-special-form').innerText()).toContain('须确认为');
    await screenshot(page, 'cases-detention-special-refused');
    await page.getByTestId('special-ten-years').click();
    await page.getByTestId('measure-special-form-ok').click();
    await page.getByTestId('measure-special-form').waitFor({ state: 'detached' });
    await expect.poll(() => table.innerText()).toContain('2026-10-01');
    expect(await page.getByTestId('measure-extensions').innerText()).toContain('国监批〔2026〕3号');
    expect(await page.getByTestId('measure-extensions').innerText()).toContain('特别延长');
    expect(await page.getByTestId('measure-special').count()).toBe(0);
    const stored = await e.ctx.db.selectFrom('case_measures').select('due_on').where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(stored.due_on).toBe('2026-10-01');
  });

  it('records the notices to the unit and the family, which clears the overdue state', async () => {
    expect(await detentionWarnings()).toEqual(['detentionNotice', 'detentionSpecialExtension']);
    await page.getByTestId('measure-notice').click();
    await page.getByTestId('notice-method').fill('书面通知');
    await page.getByTestId('measure-notice-form-ok').click();
    await page.getByTestId('measure-notice-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('measure-notice-state').innerText()).toBe('通知逾期');
    await page.getByTestId('measure-notice').click();
    // The unit is told; the form now proposes the family.
    await expect.poll(() => page.getByTestId('notice-party').locator('.ant-radio-button-wrapper-checked').innerText()).toBe('家属');
    await page.getByTestId('notice-method').fill('电话');
    await page.getByTestId('measure-notice-form-ok').click();
    await page.getByTestId('measure-notice-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('measure-notice-state').innerText()).toBe('超时通知');
    const notices = await e.ctx.db.selectFrom('case_detention_notices').select(['party', 'method']).orderBy('party').execute();
    expect(notices).toEqual([{ party: 'family', method: '电话' }, { party: 'unit', method: '书面通知' }]);
    // The deadline list keeps the 留置's due day (special rule) and drops the notice.
    expect(await detentionWarnings()).toEqual(['detentionSpecialExtension']);
    await screenshot(page, 'cases-detention-notified');
  });

  it('refuses a 复审 handler who was on the case team, naming them, and records the statement', async () => {
    await page.getByTestId('case-reviews').getByTestId('review-apply-reexamination').click();
    const form = page.getByTestId('review-apply-form');
    await form.getByLabel('收到决定日期').fill('2026-06-03');
    await form.getByLabel('申请日期').fill('2026-06-10');
    await page.getByTestId('review-statement-input').fill('认为处分过重，请求复审');
    await pickSearch(page.getByTestId('review-handlers'), '审查调查室');
    await page.getByTestId('review-apply-form-ok').click();
    await expect.poll(() => form.innerText()).toContain('审查调查室曾担任原案调查人员');
    await screenshot(page, 'cases-review-handler-refused');
    await page.getByTestId('review-handlers').locator('.ant-select-selection-item-remove').first().click();
    await pickSearch(page.getByTestId('review-handlers'), '信访室');
    await page.getByTestId('review-apply-form-ok').click();
    await form.waitFor({ state: 'detached' });
    const history = page.getByTestId('review-history');
    await expect.poll(() => history.innerText()).toContain('信访室');
    expect(await history.getByTestId('review-statement').innerText()).toBe('认为处分过重，请求复审');
  });
});
