import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPrevention } from '../src/modules/prevention/demo';
import { screenshot, signInPage, startE2E, type E2E, pick } from './harness';

/**
 * 预防腐败 in the browser on the demo register: the county leader records a rule and the dashboard's 预防腐败制度
 * figure moves by one; a township committee sees only its own risk points, cannot record county rules, and adds a
 * risk point of its own, which the list and the chart then count.
 */
let e: E2E;
const township = '530125102';
const docNo = `宜纪发〔${new Date().getFullYear()}〕88号`;

beforeAll(async () => {
  e = await startE2E();
  await createDemoPrevention(e.ctx.db, '530125');
});
afterAll(async () => { await e?.close(); });

const figure = async (page: import('playwright-core').Page, key: string) =>
  Number((await page.getByTestId(`metric-${key}`).locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''));

describe('corruption prevention rules and risk points', () => {
  it('a rule added by the county changes the 预防腐败制度 count on the dashboard', async () => {
    const page = await signInPage(e, 'cdi');
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('metric-prevention.rulesIssued').locator('.ant-statistic-content-value').waitFor();
    const before = await figure(page, 'prevention.rulesIssued');

    await page.getByTestId('menu-prevention-rules').click();
    await page.getByTestId('rules-table').locator('tbody tr[data-row-key]').first().waitFor();
    await page.getByTestId('rule-add').click();
    await page.getByTestId('rule-title').fill('关于规范村级小额工程项目管理的实施细则');
    await page.getByTestId('rule-docno').fill(docNo);
    await page.getByTestId('rule-issuer').fill('中共宜良县纪委');
    await pick(page, page.getByTestId('rule-area'), '工程建设');
    await page.getByTestId('rule-save').click();
    const row = page.getByTestId('rules-table').locator('tr').filter({ hasText: docNo });
    await row.waitFor();
    expect(await row.innerText()).toContain('《关于规范村级小额工程项目管理的实施细则》');
    expect(await row.getByTestId('rule-status').getAttribute('data-status')).toBe('current');
    await screenshot(page, 'prevention-rules');

    await page.getByTestId('menu-dashboard').click();
    await expect.poll(() => figure(page, 'prevention.rulesIssued')).toBe(before + 1);
    await page.close();
  });

  it('a township committee sees only its own risk points and adds one; it cannot record county rules', async () => {
    const page = await signInPage(e, `t${township}`);
    await page.getByTestId('menu-prevention-rules').click();
    await page.getByTestId('rules-table').locator('tbody tr[data-row-key]').first().waitFor();
    expect(await page.getByTestId('rule-add').count()).toBe(0);

    await page.getByTestId('menu-risk-points').click();
    const table = page.getByTestId('risks-table');
    await table.locator('tbody tr[data-row-key]').first().waitFor();
    const ids = await table.locator('tbody tr[data-row-key]').evaluateAll((els) => els.map((el) => el.getAttribute('data-row-key')!));
    const rows = await e.ctx.db.selectFrom('prevention_risk_points').select('township_code').where('id', 'in', ids).execute();
    expect(rows.every((r) => r.township_code === township)).toBe(true);
    const totalText = async () => Number((await page.getByTestId('risk-total').innerText()).replace(/\D/g, ''));
    const before = await totalText();
    await page.getByTestId('risk-chart-level').locator('canvas').first().waitFor();

    await page.getByTestId('risk-add').click();
    await page.getByTestId('risk-post').fill('扶贫项目资金管理员');
    await page.getByTestId('risk-description').fill('项目资金拨付中可能虚报冒领、优亲厚友');
    await pick(page, page.getByTestId('risk-level-select'), /^高$/);
    await page.getByTestId('risk-measures').fill('资金拨付实行村、乡两级公示和双人审核');
    await page.getByTestId('risk-responsible').fill('李某某');
    await page.getByTestId('risk-save').click();
    await table.locator('tr').filter({ hasText: '扶贫项目资金管理员' }).waitFor();
    await expect.poll(totalText).toBe(before + 1);
    const saved = await e.ctx.db.selectFrom('prevention_risk_points').select(['township_code', 'level']).where('post', '=', '扶贫项目资金管理员').executeTakeFirstOrThrow();
    expect(saved).toEqual({ township_code: township, level: 'high' });
    await screenshot(page, 'prevention-risk-points');
    await page.close();
  });
});
