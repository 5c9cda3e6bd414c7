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
    await expect.poll(() => page.getByTestId('metric-duty.secretaryReportsHeard').innerText()).toContain('未接入');
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
});
