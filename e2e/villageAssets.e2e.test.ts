import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerWorkbook, splitRows, villageOf } from '../src/modules/villageAssets/testing/fixtures';
import { apiAs, pick, screenshot, signInPage, startE2E, type E2E } from './harness';

/**
 * 村集体三资 in the browser, as the demo case handler: choose a township and a village, import a ledger whose three
 * payments to one supplier split ¥7,800 under the ¥5,000 approval limit (first a copy with a bad payment method:
 * refused with sheet, row and column, nothing written), follow the import's link to the shared flags list, open
 * the split-payment flag and its evidence, and open one of its ledger rows on the village page. Then one contract
 * recorded by hand on the contracts tab (a number the village already uses is refused on its field first).
 */
let e: E2E;
const supplier = `宜良县测试${Date.now().toString().slice(-5)}建材经营部`;
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

describe('village ledgers', () => {
  it('imports a ledger with a split payment, sees the flag and opens its rows', async () => {
    const village = await villageOf(e, '530125102');
    const town = await e.ctx.db.selectFrom('units').select('name').where('code', '=', '530125102').executeTakeFirstOrThrow();
    const page = await signInPage(e, 'cases');
    await page.getByTestId('menu-village-ledger').click();
    // Both pickers search as one types; Enter takes the match.
    await page.getByTestId('village-township').click();
    await page.keyboard.type(town.name);
    await page.locator('.ant-select-item-option-active').filter({ hasText: town.name }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="village-village"]:not(.ant-select-disabled)').click();
    await page.keyboard.type(village.name);
    await page.locator('.ant-select-item-option-active').filter({ hasText: village.name }).waitFor();
    await page.keyboard.press('Enter');
    const progress = page.getByTestId('village-import-progress');

    const rows = splitRows(supplier);
    const wrong = await ledgerWorkbook({ 资金收支: [...rows.slice(0, 2), { ...rows[2], paymentMethod: '微信' }] });
    await page.locator('input[type=file]').setInputFiles({ name: 'wrong.xlsx', mimeType: xlsx, buffer: wrong });
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('failed');
    expect(await page.getByTestId('import-errors').locator('tbody tr').first().innerText()).toMatch(/资金收支\s+4\s+支付方式/);
    expect((await e.ctx.db.selectFrom('village_fund_entries').select('id').where('counterparty', '=', supplier).execute()).length).toBe(0);

    await page.locator('input[type=file]').setInputFiles({ name: 'ledger.xlsx', mimeType: xlsx, buffer: await ledgerWorkbook({ 资金收支: rows }) });
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await page.getByTestId('village-import-counts').innerText()).toContain('资金收支 3 笔');
    await expect.poll(() => page.getByTestId('ledger-funds').innerText()).toContain(supplier);
    await screenshot(page, 'village-ledger-import');

    await page.getByTestId('village-import-hits').click();
    const hit = page.getByTestId('risk-hits').locator('tr').filter({ hasText: supplier });
    await hit.first().waitFor();
    expect(await hit.count()).toBe(1);
    expect(await hit.getByTestId('risk-hit-code').getAttribute('data-code')).toBe('VILLAGE_SPLIT_PAYMENT');
    await hit.click();
    const records = page.getByTestId('risk-evidence-records').locator('a');
    await records.first().waitFor();
    expect(await records.count()).toBe(3);
    expect(await page.getByTestId('risk-evidence-values').innerText()).toContain('7,800');
    await screenshot(page, 'village-flag');

    await records.first().click();
    await page.getByTestId('village-ids-filter').waitFor();
    const table = page.getByTestId('ledger-funds');
    await expect.poll(() => table.locator('tbody tr[data-row-key]').count()).toBe(1);
    expect(await table.innerText()).toContain(supplier);
    await page.getByTestId('village-show-all').click();
    await expect.poll(() => table.locator('tbody tr[data-row-key]').count()).toBe(3);
    await screenshot(page, 'village-flag-rows');

    // The village's own flags: the list filtered to the village, the filter named.
    await page.getByTestId('village-flags').click();
    await expect.poll(() => page.url()).toContain(`unit=${village.code}`);
    await expect.poll(() => page.getByTestId('risk-filter-unit').innerText()).toContain(village.name);
    await expect.poll(() => page.getByTestId('risk-hits').locator('tr').filter({ hasText: supplier }).count()).toBe(1);
    await page.close();
  });

  it('records a contract through the drawer of the contracts tab, sees it listed and stored', async () => {
    const village = await villageOf(e, '530125102', 1);
    const town = await e.ctx.db.selectFrom('units').select('name').where('code', '=', '530125102').executeTakeFirstOrThrow();
    const user = await e.ctx.db.selectFrom('users').select('id').where('username', '=', 'cases').executeTakeFirstOrThrow();
    const taken = `HT-E2E-${Date.now().toString().slice(-6)}`;
    const contractNo = `${taken}-2`;
    await (await apiAs(e, 'cases'))('POST', '/village-assets/contracts', { villageId: village.id, contractNo: taken, objectType: 'land', objectName: '村西机动地', area: 3,
      areaUnit: 'mu', counterparty: '王德顺', startOn: '2025-01-01', endOn: '2027-01-01', annualRent: 900, awardMethod: 'bidding' });
    const page = await signInPage(e, 'cases');
    await page.getByTestId('menu-village-ledger').click();
    await pick(page, page.getByTestId('village-township'), town.name, true);
    await pick(page, page.locator('[data-testid="village-village"]:not(.ant-select-disabled)'), village.name, true);
    await page.getByTestId('village-tabs').getByRole('tab', { name: '合同' }).click();
    const table = page.getByTestId('ledger-contracts');
    await expect.poll(() => table.innerText()).toContain(taken);
    const add = page.getByTestId('village-entry-new');
    await expect.poll(() => add.innerText()).toContain('登记合同');
    await add.click();

    const drawer = page.getByTestId('village-contract-drawer');
    await drawer.getByTestId('village-contract-no').fill(taken);
    await pick(page, drawer.getByTestId('village-contract-object-type'), '鱼塘');
    await drawer.getByTestId('village-contract-object-name').fill('龙潭鱼塘');
    await drawer.getByTestId('village-contract-area').fill('8.5');
    await drawer.getByTestId('village-contract-counterparty').fill('宜良县龙潭养殖专业合作社');
    // The date picker puts its data-* attributes on its text input: typed, then taken with Enter.
    for (const [id, date] of [['village-contract-start', '2026-01-01'], ['village-contract-end', '2031-01-01']]) {
      const input = drawer.getByTestId(id);
      await input.click();
      await input.fill(date);
      await input.press('Enter');
    }
    await drawer.getByTestId('village-contract-rent').fill('4800');
    await drawer.getByText('协商', { exact: true }).click();
    await drawer.getByTestId('village-contract-save').click();
    // The number the village already uses: the server's refusal shows on the field, nothing is written.
    await expect.poll(() => drawer.locator('.ant-form-item-has-error').innerText(), { timeout: 15_000 }).toContain(`合同编号“${taken}”本村已登记过`);
    expect((await e.ctx.db.selectFrom('village_contracts').select('id').where('unit_id', '=', village.id).where('contract_no', '=', taken).execute()).length).toBe(1);
    await screenshot(page, 'village-contract-refused');

    await drawer.getByTestId('village-contract-no').fill(contractNo);
    await drawer.getByTestId('village-contract-save').click();
    await expect.poll(() => drawer.isVisible(), { timeout: 15_000 }).toBe(false);
    const row = table.locator('tbody tr[data-row-key]').filter({ hasText: contractNo });
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('龙潭鱼塘（鱼塘）');
    expect(await row.innerText()).toMatch(/2026-01-01 ~ 2031-01-01[\s\S]*4,800\.00[\s\S]*协商/);
    const stored = await e.ctx.db.selectFrom('village_contracts').selectAll().where('unit_id', '=', village.id).where('contract_no', '=', contractNo).executeTakeFirstOrThrow();
    expect({ ...stored, area: Number(stored.area), annual_rent: Number(stored.annual_rent) }).toEqual(expect.objectContaining({
      object_type: 'pond', object_name: '龙潭鱼塘', area: 8.5, area_unit: 'mu', counterparty: '宜良县龙潭养殖专业合作社', start_on: '2026-01-01', end_on: '2031-01-01',
      annual_rent: 4800, award_method: 'negotiation', decision_date: null, township_code: '530125102', batch_id: null, created_by: user.id,
    }));
    await screenshot(page, 'village-contract-recorded');
    await page.close();
  });

  it('shows the year\'s flags by township and rule and the cash share per village', async () => {
    const page = await signInPage(e, 'cdi');
    await page.getByTestId('menu-village-summary').click();
    for (const chart of ['village-chart-township', 'village-chart-rule', 'village-chart-cash']) await page.getByTestId(chart).locator('canvas').first().waitFor();
    await expect.poll(() => page.getByTestId('village-thresholds').innerText()).toContain('现金管理暂行条例');
    await screenshot(page, 'village-summary');
    await page.close();
  });
});
