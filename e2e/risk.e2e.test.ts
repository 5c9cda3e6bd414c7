import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootDir } from '../src/platform/version';
import { screenshot, startE2E, type E2E, pick } from './harness';

/**
 * Red-flag screening in the browser, signed in as the demo case handler (审查调查室, risk.import + risk.decide +
 * cases.clue.write): the trading-centre template is downloaded, filled with a rigged tender (four bidders sharing
 * one contact phone, bids within 1% of each other) and uploaded; the progress runs to done; the hit is found in
 * the hits list by its indicator; the tender page shows the bids chart and the flag; the hit becomes a clue that
 * the clue register lists.
 */
let e: E2E;
const suffix = Date.now().toString().slice(-6);
const projectNo = `E2E-${suffix}`;
const title = `村道硬化工程（测试${suffix}）`;

beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

/** Fills the downloaded template by its header texts (the reader matches headers, so this is what users do). */
async function fillTemplate(template: Buffer, buyer: string, firstAmount?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const put = (sheet: string, rows: Array<Record<string, string | number>>) => {
    const ws = wb.getWorksheet(sheet)!;
    const cols = new Map<string, number>();
    ws.getRow(1).eachCell((c, i) => cols.set(String(c.value).replace(/\*/g, ''), i));
    rows.forEach((r, n) => {
      const row = ws.getRow(n + 2);
      for (const [header, v] of Object.entries(r)) {
        const i = cols.get(header);
        if (!i) throw new Error(`template has no column ${header} in ${sheet}`);
        row.getCell(i).value = v;
      }
      row.commit();
    });
  };
  const project = { 项目编号: projectNo, 项目名称: title, 采购人: buyer, 采购类别: '工程', 采购方式: '公开招标' };
  const bidders: Array<[string, number]> = [['云岭路桥建设有限公司', 1_000_000], ['滇中市政工程有限公司', 1_003_500], ['金马建筑工程有限公司', 1_006_000], ['春城土木工程有限公司', 1_008_800]];
  put('开标记录', bidders.map(([name, amount], i) => ({
    ...project, '最高限价(元)': 1_050_000, 开标日期: '2026-09-15', 投标人: name, '投标报价(元)': i === 0 && firstAmount ? firstAmount : amount, 投标状态: '有效',
    联系人: `联系人${i}`, 联系电话: '13888001234', 地址: `昆明市呈贡区${i + 1}号`,
  })));
  put('中标公示', [{ ...project, 中标人: bidders[0][0], '中标金额(元)': bidders[0][1], 公示日期: '2026-09-20' }]);
  put('合同', [{ 项目编号: projectNo, 合同编号: `HT-${suffix}`, 供应商: bidders[0][0], '合同金额(元)': 1_000_000, 签订日期: '2026-09-28' }]);
  put('支付', [
    { 合同编号: `HT-${suffix}`, 支付日期: '2026-10-10', '支付金额(元)': 350_000, 支付类型: '预付款' }, // 35% > the 30% cap
    { 合同编号: `HT-${suffix}`, 支付日期: '2026-11-10', '支付金额(元)': 400_000, 支付类型: '进度款', '形象进度(%)': 50 },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a case handler screens a rigged tender and hands the flag over as a clue', () => {
  it('imports the filled template and watches the progress to done', async () => {
    const { page } = e;
    const township = await e.ctx.db.selectFrom('units').select('name').where('code', '=', '530125102').executeTakeFirstOrThrow();
    await page.goto(`${e.baseUrl}/login`);
    await page.getByTestId('login-username').fill('cases');
    await page.getByTestId('login-password').fill('Demo@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('menu-risk-imports').click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('risk-template').click()]);
    const filled = await fillTemplate(fs.readFileSync((await download.path())!), township.name);

    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const progress = page.getByTestId('risk-import-progress');
    // A wrong amount: nothing is imported and the row error names sheet, row and column.
    const wrong = await fillTemplate(fs.readFileSync((await download.path())!), township.name, '一百万');
    await page.locator('input[type=file]').setInputFiles({ name: 'wrong.xlsx', mimeType: xlsx, buffer: wrong });
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('failed');
    const errorRow = page.getByTestId('import-errors').locator('tbody tr').first();
    expect(await errorRow.innerText()).toMatch(/开标记录\s+2\s+投标报价\(元\)/);

    await page.locator('input[type=file]').setInputFiles({ name: `${projectNo}.xlsx`, mimeType: xlsx, buffer: filled });
    await expect.poll(() => progress.getAttribute('data-status')).not.toBe('failed');
    await progress.waitFor();
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await page.getByTestId('risk-import-counts').innerText()).toContain('项目 1，投标 4');
    await expect.poll(() => page.getByTestId('risk-batches').innerText()).toContain(`${projectNo}.xlsx`);
    await screenshot(page, 'risk-import');
  });

  it('finds the shared-phone hit by its indicator and opens the tender with its bids chart and flag', async () => {
    const { page } = e;
    await page.getByTestId('menu-risk-hits').click();
    await pick(page, page.getByTestId('risk-filter-code'), '不同投标人联系电话相同');
    await expect.poll(() => page.url()).toContain('code=SHARED_PHONE');
    // The filtered list replaces the unfiltered one (which also holds the prepayment flag) once it arrives.
    const codes = () => page.getByTestId('risk-hits').locator('[data-testid="risk-hit-code"]').evaluateAll((els) => els.map((x) => x.getAttribute('data-code')));
    await expect.poll(codes).toEqual(['SHARED_PHONE']);
    const row = page.getByTestId('risk-hits').locator('tbody tr').filter({ hasText: projectNo });
    await row.first().click();
    await page.getByTestId('risk-evidence').waitFor();
    expect(await page.getByTestId('risk-evidence-values').innerText()).toContain('13888001234');
    await screenshot(page, 'risk-hit');

    await page.getByTestId('risk-hit-process').first().click();
    await page.getByTestId('risk-process').waitFor();
    await page.getByTestId('risk-bid-chart').locator('canvas').first().waitFor();
    const flags = page.getByTestId('risk-process-hit');
    await flags.first().waitFor();
    expect(await flags.evaluateAll((els) => els.map((x) => x.getAttribute('data-code')))).toContain('SHARED_PHONE');
    expect(await page.getByTestId('risk-bids').innerText()).toContain('13888001234');
    await page.getByTestId('risk-payment-chart').locator('canvas').first().waitFor();
    await page.screenshot({ path: path.join(rootDir, 'dist/e2e-screenshots/risk-process.png'), fullPage: true });
  });

  it('dismisses the prepayment flag with a reason and turns the shared-phone hit into a clue the clue register lists', async () => {
    const { page } = e;
    await page.locator('[data-testid="risk-process-hit"][data-code="PREPAYMENT_OVER_CAP"]').click();
    await page.getByTestId('risk-hit-dismiss').click();
    await page.getByTestId('risk-dismiss-ok').click();
    await page.getByText('必填').first().waitFor(); // the reason is required
    await page.getByTestId('risk-dismiss-reason').fill('经核实，合同约定预付款比例为 35%，已报财政部门备案');
    await page.getByTestId('risk-dismiss-ok').click();
    await expect.poll(() => page.getByTestId('risk-hit-status').innerText()).toBe('已排除');
    await page.getByTestId('risk-hit-drawer').locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-mask').waitFor({ state: 'hidden' });

    await page.locator('[data-testid="risk-process-hit"][data-code="SHARED_PHONE"]').click();
    await page.getByTestId('risk-hit-clue').click();
    await page.getByTestId('risk-clue-ok').click();
    const link = page.getByTestId('risk-hit-clue-link');
    await link.waitFor();
    expect(await page.getByTestId('risk-hit-status').innerText()).toBe('已转线索');
    await link.click();
    await expect.poll(() => page.url()).toContain('/cases/clues');
    const clueRow = page.locator('tbody tr').filter({ hasText: '招投标风险预警：不同投标人联系电话相同' });
    await clueRow.first().waitFor();
    expect(await clueRow.first().innerText()).toContain(title);
    await screenshot(page, 'risk-clue');
    await page.locator('.ant-drawer-close').click(); // the clue drawer the link opened
    await page.locator('.ant-drawer-mask').waitFor({ state: 'hidden' });
  });

  it('screens again: the decided hits keep their decisions', async () => {
    const { page } = e;
    const township = await e.ctx.db.selectFrom('units').select('name').where('code', '=', '530125102').executeTakeFirstOrThrow();
    await page.getByTestId('menu-risk-hits').click();
    await page.getByTestId('risk-rescreen').click();
    // The run's answer, not only its toast (which lasts 3 s): a failed or slow run says so here.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/risk/screening') && r.request().method() === 'POST', { timeout: 90_000 }),
      page.getByTestId('risk-rescreen-ok').click(),
    ]);
    expect(answer.status(), await answer.text()).toBe(200);
    expect((await answer.json()).kept).toBeGreaterThanOrEqual(2);
    await page.getByText(/筛查完成：\d+ 个项目/).waitFor();
    const rows = page.getByTestId('risk-hits').locator('tbody tr').filter({ hasText: projectNo });
    await expect.poll(() => rows.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('已转线索'), expect.stringContaining('已排除')]));
    await screenshot(page, 'risk-hits');
    // The buyer is a township: its hits are found under that township.
    await pick(page, page.getByTestId('risk-filter-township'), township.name);
    await expect.poll(() => page.url()).toContain('township=530125102');
    await expect.poll(() => rows.count()).toBe(2);
  });

  it('draws the bidder network of the buyer (four companies, the shared phone as red edges) and lists a company\'s tenders', async () => {
    const { page } = e;
    const township = await e.ctx.db.selectFrom('units').select('name').where('code', '=', '530125102').executeTakeFirstOrThrow();
    await page.getByTestId('menu-risk-network').click();
    await page.getByTestId('risk-network-buyer').fill(township.name);
    await page.getByTestId('risk-network-show').click();
    await page.getByTestId('risk-network-chart').locator('canvas').first().waitFor();
    await expect.poll(() => page.getByTestId('risk-network-stats').innerText()).toMatch(/^4 家企业，6 条共同投标关系，[1-9]\d* 条信息相同关系$/);
    await pick(page, page.getByTestId('risk-network-pick'), '滇中市政工程有限公司');
    await expect.poll(() => page.getByTestId('risk-network-tenders').innerText()).toContain(title);
    await screenshot(page, 'risk-network');
  });
});
