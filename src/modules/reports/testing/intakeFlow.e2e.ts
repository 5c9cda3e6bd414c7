import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, screenshot, signInPage, startE2E } from '../../../../e2e/harness';
import { addCalendarDays, todayInShanghai } from '../../../platform/calendar/dates';
import { activeClassifiers, retrainIfStale } from '../classifierService';
import { createDemoReports } from '../demo';
import { ensureReportRoles } from '../permissions';
import { sweepReportReminders } from '../reminders';

/**
 * Browser test of the whole intake path: a citizen reports anonymously with an attachment and gets a
 * receipt; the intake office sees the category model's suggestion (trained on the demo county's closed
 * reports, as the daily job does) and routes it to a township (the routing rule's suggestion is preselected); the
 * township replies and closes it; the citizen reads the answer with the receipt; another township cannot
 * see it. Run by e2e/reports.e2e.test.ts (which imports this file).
 */
let e: E2E;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const title = `反映村务不公开${Date.now() % 100000}`;
let receipt = '';
let reportUrl = '';
let labels: string[] = [];

const signIn = (username: string) => signInPage(e, username, { width: 1366, height: 768 });

beforeAll(async () => {
  e = await startE2E();
  await ensureReportRoles(e.ctx.db);
  const township = await e.ctx.db.selectFrom('units').select(['id', 'county_code']).where('code', '=', '530125102').executeTakeFirstOrThrow();
  await e.ctx.db.insertInto('report_routing_rules').values({ county_code: township.county_code, handling_unit_id: township.id, priority: 1 }).execute();
  // A history of closed, categorised reports, and the retraining job's model from it.
  await createDemoReports(e.ctx.db, '530125', { config: e.ctx.config });
  expect(await retrainIfStale(e.ctx)).toBe(1);
  labels = (await activeClassifiers(e.ctx)).get('530125')!.classifier.model.labels;
}, 180_000);
afterAll(async () => { await e?.close(); });

describe('report intake in the browser', () => {
  it('a citizen submits anonymously with an attachment and gets a receipt', async () => {
    const { page } = e;
    await page.goto(`${e.baseUrl}/public`);
    await page.getByTestId('public-title').fill(title);
    await page.getByTestId('public-content').fill('村里的集体土地租金收支从未公开，请纪委监督。');
    await page.locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('public-submit').click();
    receipt = (await page.getByTestId('public-receipt').innerText()).replace(/\D/g, '');
    expect(receipt).toMatch(/^\d{20}$/);
    await screenshot(page, 'reports-public-receipt');
  });

  it('the intake office sees it with the suggested category and routes it to the suggested township', async () => {
    const page = await signIn('intake');
    await page.getByTestId('menu-reports').click();
    await page.getByTestId('reports-search').locator('input').fill(title);
    await page.getByTestId('reports-search').locator('input').press('Enter');
    await page.getByText(title).click();
    await page.getByTestId('report-route').click();
    // The category suggestion stored at intake: one of the model's categories, with a confidence short of certainty.
    const suggestion = page.getByTestId('category-suggestion');
    await suggestion.waitFor();
    const shown = await suggestion.innerText();
    expect(labels.some((l) => shown.includes(l)), shown).toBe(true);
    const pct = Number(/(\d+)%/.exec(shown)?.[1]);
    expect(pct).toBeGreaterThan(0);
    expect(pct).toBeLessThan(100);
    await page.getByText('建议承办单位').waitFor();
    // A due date of the office's choosing, typed into the date picker (the form keeps it as an ISO date).
    const due = addCalendarDays(todayInShanghai(), 20);
    const picker = page.getByTestId('route-due');
    const input = (await picker.evaluate((el) => el.tagName)) === 'INPUT' ? picker : picker.locator('input');
    await input.click();
    await input.fill(due);
    await input.press('Enter');
    await page.getByTestId('route-save').click();
    await page.getByText('北古城镇').first().waitFor();
    await expect.poll(async () => (await e.ctx.db.selectFrom('report_events as ev').innerJoin('reports as r', 'r.id', 'ev.report_id')
      .select('ev.due_date').where('r.title', '=', title).where('ev.type', '=', 'assignment').executeTakeFirst())?.due_date ?? null).toBe(due);
    reportUrl = page.url();
    await screenshot(page, 'reports-detail-routed');
    await page.close();
  });

  it('the township replies and closes; the citizen reads the reply with the receipt', async () => {
    const page = await signIn('t530125102');
    await page.goto(reportUrl);
    await page.getByTestId('report-reply').click();
    await page.getByTestId('report-action-text').fill('经核实，已督促村委会按季度公开土地租金收支。');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('report-close').click();
    await page.getByTestId('report-action-text').fill('已整改');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已办结').first().waitFor();
    await page.close();

    await e.page.goto(`${e.baseUrl}/public`);
    await e.page.getByTestId('public-lookup').locator('input').fill(receipt);
    await e.page.getByTestId('public-lookup').locator('input').press('Enter');
    await expect.poll(() => e.page.getByTestId('public-status').innerText()).toContain('按季度公开土地租金收支');
    await screenshot(e.page, 'reports-public-answer');
  });

  it('the intake office registers a letter and gets its receipt to send back', async () => {
    const page = await signIn('intake');
    await page.getByTestId('menu-reports').click();
    await page.getByTestId('intake-create').click();
    await page.getByLabel('标题').fill('来信反映惠农补贴发放不及时');
    await page.getByLabel('内容').fill('来信反映今年的惠农补贴至今未发放。');
    await page.getByTestId('intake-save').click();
    await page.getByText('请告知举报人').waitFor();
    expect(await page.locator('.ant-modal-confirm').innerText()).toMatch(/\d{20}/);
    await screenshot(page, 'reports-intake-registered');
    await page.getByRole('button', { name: /知道了|OK/ }).click();
    await page.getByText('来信反映今年的惠农补贴至今未发放。').waitFor();
    await page.close();
  });

  it('the header bell lists the handling unit\'s deadline reminders and opens the report', async () => {
    // The demo history has open reports past their deadlines at the county CDI, the intake office's unit.
    expect((await sweepReportReminders(e.ctx)).created).toBeGreaterThan(0);
    const page = await signIn('intake');
    const unread = (await (await page.request.get(`${e.baseUrl}/api/v1/notifications`)).json()).unread as number;
    expect(unread).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('notification-badge').getAttribute('data-count'), { timeout: 15_000 }).toBe(String(unread));
    await page.getByTestId('notification-bell').click();
    const first = page.getByTestId('notification-item').first();
    expect(await first.innerText()).toMatch(/逾期|将至/);
    await screenshot(page, 'reports-notifications');
    await first.locator('a').click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await expect.poll(async () => (await (await page.request.get(`${e.baseUrl}/api/v1/notifications`)).json()).unread, { timeout: 15_000 }).toBe(unread - 1);
    await page.close();
  });

  it('a user of another township cannot see it', async () => {
    const page = await signIn('t530125103');
    const res = await page.request.get(`${e.baseUrl}/api/v1/reports/${reportUrl.split('/').pop()}`);
    expect(res.status()).toBe(404);
    await page.getByTestId('menu-reports').click();
    await page.getByTestId('intake-reports-table').waitFor();
    expect(await page.getByText(title).count()).toBe(0);
    await page.close();
  });
});
