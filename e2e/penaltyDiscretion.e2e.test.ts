import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPenalty } from '../src/modules/penaltyDiscretion/demo';
import { screenshot, signInPage, startE2E, type E2E } from './harness';

/**
 * 行政处罚自由裁量 in the browser: the market-regulation department records a fine above the 一般 band of its
 * benchmark; the decision opens flagged (畸轻畸重) with the band and the amount, and the consistency page draws
 * the item's fines by tier over the bands.
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
    await page.getByTestId('penalty-item').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'SC-002' }).click();
    await page.getByTestId('penalty-tier').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^一般$/ }).click();
    await page.locator('input[data-testid="penalty-fine"], [data-testid="penalty-fine"] input').first().fill('4800');
    const officers = page.locator('input[data-testid="penalty-officers"], [data-testid="penalty-officers"] input').first();
    await officers.fill('李明');
    await officers.press('Enter');
    await officers.fill('王建华');
    await officers.press('Enter');
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
    await page.keyboard.press('Escape');
    const row = page.getByTestId('penalty-table').locator('tr').filter({ hasText: docNo });
    await row.waitFor();
    expect(await row.getByTestId('penalty-flags').innerText()).toContain('罚款超出裁量基准幅度');

    await page.getByTestId('menu-penalty-consistency').click();
    await page.getByTestId('penalty-rate-chart').locator('canvas').waitFor();
    await page.getByTestId('penalty-item-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'SC-002' }).click();
    await page.getByTestId('penalty-item-chart').locator('canvas').waitFor();
    await screenshot(page, 'penalty-consistency');
  });
});
