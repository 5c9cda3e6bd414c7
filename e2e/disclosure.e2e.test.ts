import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDisclosure } from '../src/modules/disclosure/demo';
import { quarterOf } from '../src/modules/disclosure/schedule';
import { todayInShanghai } from '../src/platform/calendar/dates';
import { screenshot, signInPage, startE2E, type E2E, pick } from './harness';

/**
 * 公开监督 in the browser on the demo data: a township committee records a village's 村务公开 for the latest quarter
 * and the matrix cell turns 按时, then corrects the record from the cell (an item left out, with the reason); the CDI leader records a failed 专项检查 (假公开); the dashboard shows the
 * 办事公开示范点 figure as a number.
 */
let e: E2E;
const today = todayInShanghai();
const quarter = quarterOf(today);
const village = { id: '', code: '', name: '', township: '' };

beforeAll(async () => {
  e = await startE2E();
  await createDemoDisclosure(e.ctx.db, '530125');
  // A village with nothing published yet for the current quarter.
  const v = await e.ctx.db.selectFrom('units as u').innerJoin('units as t', 't.id', 'u.parent_id').select(['u.id', 'u.code', 'u.name', 't.code as township'])
    .where('u.county_code', '=', '530125').where('u.kind', '=', 'village')
    .where(sql<boolean>`not exists (select 1 from disclosure_records r where r.unit_id = u.id and r.kind = 'village' and r.period = ${quarter})`)
    .orderBy('u.code').executeTakeFirstOrThrow();
  Object.assign(village, v);
});
afterAll(async () => { await e?.close(); });

describe('公开监督', () => {
  it('a township committee records a village\'s disclosure for the latest quarter and the cell turns 按时', async () => {
    const page = await signInPage(e, `t${village.township}`);
    await page.getByTestId('menu-disclosure').click();
    const cell = page.getByTestId(`cell-${village.code}-${quarter}`);
    await expect.poll(() => cell.getAttribute('data-status')).toBe('pending');
    await page.getByTestId('disclosure-rate-chart').locator('canvas').first().waitFor();
    await cell.click();
    const form = page.getByTestId('disclosure-record-form');
    await form.waitFor();
    await form.getByText('财务收支', { exact: true }).click();
    await form.getByText('惠农补贴', { exact: true }).click();
    await page.getByTestId('disclosure-record-save').click();
    await expect.poll(() => cell.getAttribute('data-status')).toBe('onTime');
    expect(await cell.innerText()).toContain('按时');
    const row = await e.ctx.db.selectFrom('disclosure_records').select(['items', 'published_on']).where('unit_id', '=', village.id).where('period', '=', quarter).executeTakeFirstOrThrow();
    expect(row).toEqual({ items: ['finance', 'farmSubsidy'], published_on: today });
    await screenshot(page, 'disclosure-matrix');

    // The cell now opens its record; an item left out is corrected, the reason is required.
    await form.waitFor({ state: 'detached' });
    await cell.click();
    await page.getByTestId('disclosure-cell-record').first().waitFor();
    await page.getByTestId('disclosure-record-correct').click();
    await form.getByText('工程项目', { exact: true }).click();
    await page.getByTestId('disclosure-record-save').click();
    await form.locator('.ant-form-item-explain-error').filter({ hasText: '必填' }).waitFor();
    await page.getByTestId('disclosure-correction-reason').fill('漏登工程项目公开事项，以公开栏照片为准');
    await page.getByTestId('disclosure-record-save').click();
    await expect.poll(() => page.getByTestId('disclosure-correction').innerText()).toContain('漏登工程项目公开事项');
    const fixed = await e.ctx.db.selectFrom('disclosure_records').select(['items', 'correction_reason']).where('unit_id', '=', village.id).where('period', '=', quarter).executeTakeFirstOrThrow();
    expect(fixed).toEqual({ items: ['finance', 'farmSubsidy', 'projects'], correction_reason: '漏登工程项目公开事项，以公开栏照片为准' });
    await screenshot(page, 'disclosure-correction');
    await page.close();
  });

  it('the CDI leader records a failed spot check (假公开)', async () => {
    const page = await signInPage(e, 'cdi');
    await page.getByTestId('menu-disclosure-checks').click();
    await page.getByTestId('disclosure-checks').locator('tbody tr[data-row-key]').first().waitFor();
    await page.getByTestId('check-new').click();
    await pick(page, page.getByTestId('check-unit'), village.name, true);
    await page.getByTestId('check-inspector').fill('县纪委监委第一监督检查室 张某某');
    await pick(page, page.getByTestId('check-result'), '假公开');
    await page.getByTestId('check-problem').fill('公开栏张贴内容与账目不符（浏览器测试）');
    const due = page.getByTestId('check-due');
    const input = (await due.evaluate((el) => el.tagName)) === 'INPUT' ? due : due.locator('input');
    await input.click();
    await input.fill(`${Number(today.slice(0, 4)) + 1}-01-31`);
    await input.press('Enter');
    await page.getByTestId('check-save').click();
    await expect.poll(async () => (await e.ctx.db.selectFrom('disclosure_checks').select(['result', 'status', 'unit_id'])
      .where('problem', '=', '公开栏张贴内容与账目不符（浏览器测试）').executeTakeFirst()) ?? null, { timeout: 15_000 }).toEqual({ result: 'fake', status: 'open', unit_id: village.id });
    const listed = page.getByTestId('disclosure-checks').locator('tbody tr[data-row-key]').filter({ hasText: '公开栏张贴内容与账目不符（浏览器测试）' });
    await listed.waitFor();
    expect(await listed.getByTestId('check-status').getAttribute('data-status')).toBe('open');
    await screenshot(page, 'disclosure-checks');
    await page.close();
  });

  it('the dashboard shows 办事公开示范点 with a number', async () => {
    const page = await signInPage(e, 'cdi');
    await page.getByTestId('menu-dashboard').click();
    const card = page.getByTestId('metric-disclosure.demoSites');
    await card.waitFor();
    await expect.poll(() => card.innerText()).toMatch(/办事公开示范点[\s\S]*\d/);
    expect(await card.innerText()).not.toContain('未接入');
    expect(Number((await card.locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''))).toBe(4);
    await page.close();
  });
});
