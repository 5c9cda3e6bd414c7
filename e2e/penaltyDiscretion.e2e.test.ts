import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPenalty } from '../src/modules/penaltyDiscretion/demo';
import { screenshot, signInPage, startE2E, type E2E, pick } from './harness';

/**
 * 行政处罚自由裁量 in the browser: the market-regulation department records a fine above the 一般 band of its
 * benchmark; the decision opens flagged (畸轻畸重) with the band and the amount, and the consistency page draws
 * the item's fines by tier over the bands. The department adds a benchmark item through the form (a band upside
 * down is refused on that tier's field) and sees it listed; the CDI changes a screening threshold.
 */
let e: E2E;
const docNo = `宜市监罚〔${new Date().getFullYear()}〕浏览器1号`;

beforeAll(async () => {
  e = await startE2E();
  await createDemoPenalty(e.ctx.db, '530125');
});
afterAll(async () => { await e?.close(); });

describe('penalty discretion', () => {
  it('records an out-of-band decision, shows it flagged, and opens the consistency chart', async () => {
    const page = await signInPage(e, 'scjg');
    await page.getByTestId('menu-penalty-decisions').click();
    await page.getByTestId('penalty-table').locator('tbody tr[data-row-key]').first().waitFor();

    await page.getByTestId('penalty-add').click();
    const drawer = page.getByTestId('penalty-drawer');
    await page.getByTestId('penalty-docno').fill(docNo);
    await drawer.getByText('个人', { exact: true }).click();
    await page.getByTestId('penalty-party').fill('宜良县浏览器测试商店');
    await pick(page, page.getByTestId('penalty-item'), 'SC-002');
    await pick(page, page.getByTestId('penalty-tier'), /^一般$/);
    await page.locator('input[data-testid="penalty-fine"], [data-testid="penalty-fine"] input').first().fill('4800');
    const officers = page.locator('input[data-testid="penalty-officers"], [data-testid="penalty-officers"] input').first();
    await officers.fill('李明');
    await officers.press('Enter');
    await officers.fill('王建华');
    await officers.press('Enter');
    // Both officers are tags before saving (two are required; a tag still being typed is not one).
    for (const name of ['李明', '王建华']) await drawer.locator('.ant-select-selection-item', { hasText: name }).waitFor();
    await page.getByTestId('penalty-save').click();
    await drawer.waitFor({ state: 'hidden' });

    const detail = page.getByTestId('penalty-detail');
    const hit = detail.getByTestId('penalty-hit').filter({ hasText: '罚款超出裁量基准幅度' });
    await hit.waitFor();
    expect(await hit.innerText()).toContain('幅度上限：3000');
    expect(await hit.innerText()).toContain('罚款金额：4800');
    const saved = await e.ctx.db.selectFrom('penalty_decisions').select(['fine_amount', 'tier', 'officers']).where('doc_no', '=', docNo).executeTakeFirstOrThrow();
    expect({ fine: Number(saved.fine_amount), tier: saved.tier, officers: saved.officers }).toEqual({ fine: 4800, tier: 'ordinary', officers: ['李明', '王建华'] });
    await screenshot(page, 'penalty-flagged');
    // Close the detail drawer (its mask would take the menu click below).
    await page.locator('.ant-drawer-open .ant-drawer-close').first().click();
    await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden' });
    const row = page.getByTestId('penalty-table').locator('tr').filter({ hasText: docNo });
    await row.waitFor();
    expect(await row.getByTestId('penalty-flags').innerText()).toContain('罚款超出裁量基准幅度');

    await page.getByTestId('menu-penalty-consistency').click();
    await page.getByTestId('penalty-rate-chart').locator('canvas').waitFor();
    await pick(page, page.getByTestId('penalty-item-select'), 'SC-002');
    await page.getByTestId('penalty-item-chart').locator('canvas').waitFor();
    await screenshot(page, 'penalty-consistency');
  });

  it('adds a benchmark item with its tiers through the form and sees it listed', async () => {
    const page = await signInPage(e, 'scjg');
    await page.getByTestId('menu-penalty-benchmarks').click();
    await page.getByTestId('penalty-benchmarks').locator('tbody tr[data-row-key]').first().waitFor();
    await page.getByTestId('benchmark-add').click();
    const drawer = page.getByTestId('benchmark-drawer');
    await page.getByTestId('benchmark-code').fill('SC-901');
    await page.getByTestId('benchmark-violation').fill('浏览器测试：未按规定公示经营信息');
    await page.getByTestId('benchmark-legal').fill('《测试条例》第十条');
    await page.getByTestId('benchmark-penalty').fill('《测试条例》第三十条');
    const num = (id: string, i: number) => drawer.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).nth(i);
    // Default rows: 从轻, 一般, 从重. The 一般 band is entered upside down first.
    const bands = [[500, 1000], [3000, 2000], [3000, 5000]];
    for (const [i, [min, max]] of bands.entries()) { await num('benchmark-min', i).fill(String(min)); await num('benchmark-max', i).fill(String(max)); }
    await page.getByTestId('benchmark-save').click();
    const fieldError = drawer.getByTestId('benchmark-tier').nth(1).locator('.ant-form-item-explain-error');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toContain('罚款上限（2000）不能小于罚款下限（3000）');
    expect(await e.ctx.db.selectFrom('penalty_benchmark_items').select('id').where('code', '=', 'SC-901').executeTakeFirst()).toBeUndefined();
    await num('benchmark-min', 1).fill('1000');
    await num('benchmark-max', 1).fill('3000');
    await page.getByTestId('benchmark-save').click();
    await drawer.waitFor({ state: 'hidden' });
    const row = page.getByTestId('penalty-benchmarks').locator('tr').filter({ hasText: 'SC-901' });
    await row.waitFor();
    expect(await row.innerText()).toContain('未按规定公示经营信息');
    await row.locator('.ant-table-row-expand-icon').click();
    const tiersTable = page.getByTestId('penalty-benchmarks').locator('.ant-table-expanded-row').filter({ hasText: '从重' });
    await tiersTable.waitFor();
    expect(await tiersTable.innerText()).toMatch(/1,000 – 3,000/);
    const saved = await e.ctx.db.selectFrom('penalty_benchmark_items as i').innerJoin('penalty_benchmark_tiers as t', 't.item_id', 'i.id')
      .select(['t.tier', 't.fine_min', 't.fine_max']).where('i.code', '=', 'SC-901').orderBy('t.fine_min').execute();
    expect(saved.map((r) => [r.tier, Number(r.fine_min), Number(r.fine_max)])).toEqual([['lenient', 500, 1000], ['ordinary', 1000, 3000], ['aggravated', 3000, 5000]]);
    await screenshot(page, 'penalty-benchmark-added');
  });

  it('lets the CDI change a screening threshold from the consistency page', async () => {
    const page = await signInPage(e, 'cdi');
    await page.getByTestId('menu-penalty-consistency').click();
    await page.getByTestId('penalty-settings').click();
    const days = page.locator('input[data-testid="penalty-set-unpaidDays"], [data-testid="penalty-set-unpaidDays"] input').first();
    await days.waitFor();
    expect(await days.inputValue()).toBe('30');
    await days.fill('45');
    await page.getByTestId('penalty-settings-save').click();
    await page.locator('.ant-message').getByText('筛查参数已保存').waitFor();
    const row = await e.ctx.db.selectFrom('settings').select('value').where('key', '=', 'penaltyDiscretion.settings.530125').executeTakeFirstOrThrow();
    expect(row.value).toMatchObject({ unpaidDays: 45 });
  });
});
