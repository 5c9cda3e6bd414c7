import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiAs, type E2E, screenshot, signInPage, startE2E } from '../../../../e2e/harness';
import { ensureReportRoles } from '../permissions';

/**
 * Browser test of 信访举报设置, signed in as the intake office (信访室, holds reports.routing.write): a routing
 * rule added on the page makes the triage drawer suggest its unit for a report of that category and township;
 * a 效能投诉 category's drift flag is switched, a category is added (a bad code and a taken code are refused on
 * the code field, in Chinese) and renamed in its row; a township user has no menu entry and is refused the page.
 * Run by e2e/reportSettings.e2e.test.ts (which imports this file).
 */
let e: E2E;
let current: Page | undefined;
const suffix = Date.now().toString().slice(-5);
const category = `测试分办类别${suffix}`;
let township: { id: string; code: string; name: string };

async function signIn(username: string): Promise<Page> {
  if (current && !current.isClosed()) await current.close();
  current = await signInPage(e, username);
  return current;
}


/** A searchable antd Select: type, then Enter on the first match; retried because a list re-rendering can swallow the key. */
async function pick(page: Page, select: Locator, text: string) {
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').locator('.ant-select-item-option').filter({ hasText: text }).first();
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await select.locator('input').first().fill(text);
    await option.waitFor();
    await page.keyboard.press('Enter');
    try {
      await expect.poll(() => select.innerText(), { timeout: 3_000 }).toContain(text);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** The machine is shared: give the page and the server time to answer before a check fails. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const fieldError = (scope: Locator, label: string) => scope.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-form-item-explain-error');
const categoryRow = async (code: string) => e.ctx.db.selectFrom('report_efficiency_categories').select(['name', 'counts_as_drift', 'active'])
  .where('county_code', '=', '530125').where('code', '=', code).executeTakeFirst();

beforeAll(async () => {
  e = await startE2E();
  await ensureReportRoles(e.ctx.db);
  township = await e.ctx.db.selectFrom('units').select(['id', 'code', 'name']).where('code', '=', '530125103').executeTakeFirstOrThrow();
}, 180_000);
afterAll(async () => { await e?.close(); });
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && current && !current.isClosed()) await screenshot(current, `report-settings-failed-${task.name.slice(0, 12)}`);
});

describe('report settings in the browser', () => {
  it('adds a routing rule and the triage drawer suggests its unit for a report of that category and township', async () => {
    const page = await signIn('intake');
    await page.getByTestId('menu-report-settings').click();
    await page.waitForURL(/\/reports\/settings/);
    await poll(() => page.getByTestId('routing-hint').innerText()).toContain('最具体');

    await page.getByTestId('rule-add').click();
    const form = page.getByTestId('rule-form');
    await form.getByTestId('rule-category').locator('input').fill(category);
    await pick(page, form.getByTestId('rule-township'), township.name);
    // Picking the township presets its own unit as the handling unit.
    await poll(() => form.getByTestId('rule-unit').innerText()).toContain(township.name);
    await page.getByTestId('rule-save').click();
    await form.waitFor({ state: 'detached' });
    const table = page.getByTestId('rules-table');
    await poll(() => table.innerText()).toContain(category);
    expect(await table.locator('tr', { hasText: category }).innerText()).toContain(township.name);
    const stored = await e.ctx.db.selectFrom('report_routing_rules').select(['township_code', 'handling_unit_id', 'active', 'priority'])
      .where('category', '=', category).executeTakeFirstOrThrow();
    expect(stored).toEqual({ township_code: township.code, handling_unit_id: township.id, active: true, priority: 100 });
    await screenshot(page, 'report-settings-routing');

    const intake = await apiAs(e, 'intake');
    const report = await intake('POST', '/reports', {
      channel: 'letter', kind: 'accusation', category, townshipCode: township.code, anonymous: true, title: '反映村干部优亲厚友', content: '来信反映低保评定优亲厚友。',
    });
    const suggestion = await intake('GET', `/reports/${report.id}/route-suggestion`);
    expect(suggestion).toMatchObject({ unitId: township.id, basis: 'rule' });

    await page.goto(`${e.baseUrl}/reports/${report.id}`);
    await page.getByTestId('report-route').click();
    await page.getByText(`建议承办单位：${township.name}`).waitFor();

    // Changed and then deleted on the page: without the rule the suggestion falls back to the county CDI.
    await page.goto(`${e.baseUrl}/reports/settings`);
    const row = page.getByTestId('rules-table').locator('tr', { hasText: category });
    await row.getByTestId('rule-edit').click();
    await poll(() => form.getByTestId('rule-category').locator('input').inputValue()).toBe(category);
    await form.getByLabel('优先级').fill('7');
    await page.getByTestId('rule-save').click();
    await poll(async () => (await e.ctx.db.selectFrom('report_routing_rules').select('priority').where('category', '=', category).executeTakeFirstOrThrow()).priority).toBe(7);
    await poll(() => row.locator('td').nth(4).innerText()).toBe('7');
    await row.getByTestId('rule-delete').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await row.waitFor({ state: 'detached' });
    expect(await e.ctx.db.selectFrom('report_routing_rules').select('id').where('category', '=', category).execute()).toEqual([]);
    expect(await intake('GET', `/reports/${report.id}/route-suggestion`)).toMatchObject({ basis: 'default' });
  });

  it('switches a category\'s drift flag, refuses bad and taken codes on the field, adds and renames a category', async () => {
    const page = await signIn('intake');
    // Loaded directly: "settings" is a page of its own, never asked for as a report id.
    const asked: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/reports/settings')) asked.push(r.url()); });
    await page.goto(`${e.baseUrl}/reports/settings?tab=efficiency`);
    const table = page.getByTestId('category-table');
    const poorSkill = table.locator('tr[data-row-key="poorSkill"]');
    await poorSkill.waitFor();
    expect((await categoryRow('poorSkill'))?.counts_as_drift).toBe(false);
    await poorSkill.getByTestId('category-drift').click();
    await poll(async () => (await categoryRow('poorSkill'))?.counts_as_drift).toBe(true);
    await poll(() => poorSkill.getByTestId('category-drift').getAttribute('aria-checked')).toBe('true');

    await page.getByTestId('category-add').click();
    const form = page.getByTestId('category-form');
    await form.getByTestId('category-name').fill('办事推诿');
    await form.getByTestId('category-code').fill('1bad-code');
    await page.getByTestId('category-save').click();
    await poll(() => fieldError(form, '类别代码').innerText()).toContain('须以英文字母开头');
    // A code the county already has passes the form's check and is refused by the server, on the same field.
    await form.getByTestId('category-code').fill('buckPassing');
    await page.getByTestId('category-save').click();
    await poll(() => fieldError(form, '类别代码').innerText()).toContain('与已有记录重复');
    await fieldError(form, '类别代码').waitFor({ state: 'visible' });
    await screenshot(page, 'report-settings-code-taken');
    expect(await categoryRow('buckPassing')).toMatchObject({ name: '推诿扯皮' });

    await form.getByTestId('category-code').fill(`slowService${suffix}`);
    await form.getByTestId('category-new-drift').click();
    await page.getByTestId('category-save').click();
    const added = table.locator(`tr[data-row-key="slowService${suffix}"]`);
    await added.waitFor();
    expect(await categoryRow(`slowService${suffix}`)).toEqual({ name: '办事推诿', counts_as_drift: true, active: true });

    await added.getByTestId('category-edit').click();
    await added.getByTestId('category-name-input').fill('办事推诿拖延');
    await added.getByTestId('category-row-save').click();
    await poll(async () => (await categoryRow(`slowService${suffix}`))?.name).toBe('办事推诿拖延');
    await poll(() => added.innerText()).toContain('办事推诿拖延');
    await screenshot(page, 'report-settings-categories');
    expect(asked).toEqual([]);
  });

  it('adds a 领域 sector on its tab and the intake drawer offers it; the report keeps it', async () => {
    const page = await signIn('intake');
    await page.goto(`${e.baseUrl}/reports/settings?tab=sectors`);
    const table = page.getByTestId('sector-table');
    await table.locator('tr[data-row-key="construction"]').waitFor();
    // Sectors have no drift flag: that column belongs to the 效能投诉 categories.
    expect(await table.getByTestId('sector-drift').count()).toBe(0);
    await page.getByTestId('sector-add').click();
    const form = page.getByTestId('sector-form');
    await form.getByTestId('sector-name').fill(`文化旅游${suffix}`);
    await form.getByTestId('sector-code').fill(`tourism${suffix}`);
    await page.getByTestId('sector-save').click();
    await table.locator(`tr[data-row-key="tourism${suffix}"]`).waitFor();

    await page.getByTestId('menu-reports').click();
    await page.getByTestId('intake-create').click();
    await page.getByLabel('标题').fill(`反映景区门票收入去向不明${suffix}`);
    await page.getByLabel('内容').fill('反映某景区门票收入未入账。');
    await pick(page, page.getByTestId('intake-sector'), `文化旅游${suffix}`);
    await page.getByTestId('intake-save').click();
    await page.getByText('请告知举报人').waitFor();
    await page.getByRole('button', { name: /知道了|OK/ }).click();
    await poll(async () => (await e.ctx.db.selectFrom('reports').select('sector').where('title', '=', `反映景区门票收入去向不明${suffix}`).executeTakeFirst())?.sector).toBe(`tourism${suffix}`);
    await page.getByText('领域').first().waitFor();
    await poll(() => page.locator('.ant-descriptions').first().innerText()).toContain(`文化旅游${suffix}`);
    await screenshot(page, 'report-sector-on-detail');
  });

  it('the system administrator, who edits the settings without reading reports, opens the page from the menu', async () => {
    const page = await signIn('admin');
    expect(await page.getByTestId('menu-reports').count()).toBe(0);
    await page.getByTestId('menu-report-settings').click();
    await page.getByTestId('settings-tab-efficiency').click();
    await page.getByTestId('category-table').locator('tr[data-row-key="delay"]').waitFor();
    await page.getByTestId('settings-tab-routing').click();
    await page.getByTestId('rules-table').waitFor();
    expect(await page.locator('.ant-message-error').count()).toBe(0);
  });

  it('a township user has no menu entry, is refused the page and the API', async () => {
    const page = await signIn('t530125102');
    await page.getByTestId('menu-reports').waitFor();
    expect(await page.getByTestId('menu-report-settings').count()).toBe(0);
    await page.goto(`${e.baseUrl}/reports/settings`);
    await page.getByTestId('page-forbidden').waitFor();
    const res = await page.request.post(`${e.baseUrl}/api/v1/reports/routing-rules`, { data: { handlingUnitId: township.id } });
    expect(res.status()).toBe(403);
  });
});
