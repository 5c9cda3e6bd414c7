import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signInPage, startE2E, type E2E } from './harness';

/**
 * 超标准支出 in the browser: a township committee enters a reception over the meal standard (¥3,680 for 6 guests and
 * 4 accompanying: ¥368 a head against ¥120). The record shows its flags at once; the hit is in the shared
 * red-flag list under the spending domain, its evidence shows the standard and the computed value, and its record
 * link opens the expense again. Correcting the 陪餐 count there clears that flag and keeps the meal one.
 */
let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

describe('spending over standard', () => {
  it('flags a reception over standard on entry and shows it in the hits list under spending', async () => {
    const page = await signInPage(e, 't530125102');
    await page.getByTestId('menu-spending-records').click();
    await page.getByTestId('expenses-table').waitFor();

    await page.getByTestId('expense-add').click();
    const drawer = page.getByTestId('expense-drawer');
    await page.getByTestId('expense-amount').fill('3680');
    await page.getByTestId('expense-persons').fill('6');
    await page.getByTestId('expense-accompanying').fill('4');
    await page.getByTestId('expense-payee').fill('县城南盘江饭店');
    await page.getByTestId('expense-description').fill('接待市农业农村局调研组');
    await page.getByTestId('expense-save').click();
    await drawer.waitFor({ state: 'hidden' });

    // The new record opens with its flags.
    const detail = page.getByTestId('expense-detail');
    await expect.poll(() => detail.getByTestId('expense-hits').innerText()).toContain('公务接待人均超标准');
    expect(await detail.innerText()).toContain('人均（元/人·餐）：368');
    expect(await detail.innerText()).toContain('陪餐人数超标');
    const saved = await e.ctx.db.selectFrom('spending_expenses').select(['id', 'amount']).where('payee', '=', '县城南盘江饭店').executeTakeFirstOrThrow();
    expect(Number(saved.amount)).toBe(3680);
    await screenshot(page, 'spending-record-flags');

    // The list marks it; the hit opens in the shared red-flag list, filtered to the spending domain.
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await detail.waitFor({ state: 'hidden' });
    await page.getByTestId('expense-filter-flagged').check();
    const row = page.getByTestId('expenses-table').locator('tr[data-row-key]').filter({ hasText: '县城南盘江饭店' });
    expect(await row.getByTestId('expense-flags').innerText()).toBe('2');
    await row.getByTestId('expense-view').click();
    await detail.getByTestId('expense-hit').filter({ hasText: '公务接待人均超标准' }).getByRole('link').click();

    await page.waitForURL(/\/risk\/hits\?domain=spending/);
    const hitRow = page.getByTestId('risk-hits').locator('tr[data-row-key]').filter({ has: page.locator('[data-code="RECEPTION_MEAL_OVER_STANDARD"]') });
    await hitRow.waitFor();
    const evidence = page.getByTestId('risk-hit-drawer').getByTestId('risk-evidence');
    await expect.poll(() => evidence.innerText()).toContain('368');
    expect(await evidence.innerText()).toContain('120');
    await screenshot(page, 'spending-hit');

    // The evidence names the record and links back to it.
    await page.getByTestId('risk-evidence-records').getByRole('link').click();
    await page.waitForURL(/\/spending\/records\?record=/);
    await expect.poll(() => page.getByTestId('expense-detail').innerText()).toContain('县城南盘江饭店');

    // A correction: 2 accompanying persons, not 4. The 陪餐 flag goes (2 ≤ 3 for 6 guests); the meal stays over (¥3,680 ÷ 8 = ¥460).
    await page.getByTestId('expense-detail').getByTestId('expense-detail-edit').click();
    const edit = page.getByTestId('expense-drawer');
    await expect.poll(() => page.getByTestId('expense-accompanying').inputValue()).toBe('4');
    await page.getByTestId('expense-accompanying').fill('2');
    await page.getByTestId('expense-save').click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => detail.getByTestId('expense-hits').innerText()).not.toContain('陪餐人数超标');
    expect(await detail.getByTestId('expense-hits').innerText()).toContain('人均（元/人·餐）：460');
    const flags = await e.ctx.db.selectFrom('risk_hits').select('code').where('domain', '=', 'spending').where('subject_id', '=', `expense:${saved.id}`).execute();
    expect(flags.map((h) => h.code)).toEqual(['RECEPTION_MEAL_OVER_STANDARD']);
    expect(Number((await e.ctx.db.selectFrom('spending_expenses').select('accompanying').where('id', '=', saved.id).executeTakeFirstOrThrow()).accompanying)).toBe(2);
    await screenshot(page, 'spending-record-corrected');
    await page.close();
  });
});
