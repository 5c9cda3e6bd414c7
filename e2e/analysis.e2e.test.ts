import fs from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

describe('the county leader works with the situation analysis in the browser', () => {
  it('signs in and opens the dashboard; unlanded metrics say so instead of 0', async () => {
    const { page } = e;
    await page.goto(`${e.baseUrl}/login`);
    await page.getByTestId('login-username').fill('cdi');
    await page.getByTestId('login-password').fill('Demo@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('metric-org.officials').waitFor();
    await expect.poll(() => page.getByTestId('metric-resources.marketAllocated').innerText()).toContain('未接入');
    // Breakdowns sit in one tab per module, each saying what it splits by, in the reader's language.
    await page.getByTestId('breakdown-tabs').getByRole('tab', { name: '组织机构' }).click();
    await page.getByText('在册干部（按职级）').waitFor();
    await screenshot(page, 'dashboard');
  });

  it('clicks a figure and sees the records behind it', async () => {
    const { page } = e;
    await page.getByTestId('metric-org.officials').click();
    await page.getByTestId('drilldown-item').first().waitFor();
    const text = await page.getByTestId('drilldown').innerText();
    expect(text).toMatch(/共 \d+ 条记录/);
    await page.keyboard.press('Escape');
  });

  it('generates a report, downloads it, and sees what changed after a record is edited', async () => {
    const { page } = e;
    await page.getByTestId('menu-analysis-reports').click();
    await page.getByTestId('report-generate').click();
    const row = page.getByTestId('reports-table').locator('tbody tr').first();
    await row.locator('[data-testid^="report-download-"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid^="report-download-"]').click()]);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('一、主要做法和成效');

    await row.locator('[data-testid^="report-changes-"]').click();
    await page.getByTestId('report-no-changes').waitFor();
    await page.keyboard.press('Escape');

    // A record behind the frozen numbers changes: a new official joins the township.
    const unit = await e.ctx.db.selectFrom('units').select('id').where('code', '=', '530125102').executeTakeFirstOrThrow();
    await e.ctx.db.insertInto('officials').values({ county_code: '530125', unit_id: unit.id, name: '新调入干部', gender: 'female', rank: 'general', managed_by: 'township' }).execute();
    await row.locator('[data-testid^="report-changes-"]').click();
    await expect.poll(() => page.getByTestId('report-change-list').innerText()).toContain('新增 1 条');
    await screenshot(page, 'report-changes');
  });

  it('edits the report sentences: the preview fills figures, an unknown metric is refused, a saved edit persists', async () => {
    const { page } = e;
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await page.getByTestId('menu-analysis-templates').click();
    await page.getByText('坚持在依纪依法、规范办案上下功夫').click();
    const clause = page.getByTestId('template-clause-cases-0');
    await clause.waitFor();
    await expect.poll(() => page.getByTestId('template-preview-cases').innerText()).toMatch(/累计办案\d+件/);

    await clause.fill('{period}，全县累计办案{cases.nonexistent}件');
    await page.getByTestId('template-save').click();
    await expect.poll(() => page.getByTestId('template-problems').innerText()).toContain('cases.nonexistent');

    await clause.fill('{period}，全县纪检监察机关共立案审查{cases.opened}件');
    await page.getByTestId('template-title').fill('{period}全县党风廉政建设形势分析（修订）');
    await page.getByTestId('template-save').click();
    await page.getByText('模板已保存').waitFor();
    const stored = await e.ctx.db.selectFrom('settings').select('value').where('key', '=', 'analysis.reportTemplates').executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.value)).toContain('共立案审查{cases.opened}件');
    await page.reload();
    await expect.poll(() => page.getByTestId('template-title').inputValue()).toBe('{period}全县党风廉政建设形势分析（修订）');
    await screenshot(page, 'report-templates');
  });
});
