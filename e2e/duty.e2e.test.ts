import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, screenshot, signInOn, startE2E, pick } from './harness';

/**
 * 党风廉政建设责任制 in the browser: the county leader assigns a task to a township, the township committee records
 * its completion, the leader records a meeting at which two township secretaries reported and an appraisal round
 * with a rating, and the dashboard shows 听取乡镇党委书记汇报 as a number instead of 未接入.
 */
let e: E2E;
let townshipName = '';
const title = `测试：落实“一岗双责”责任清单${Date.now() % 10000}`;

beforeAll(async () => {
  e = await startE2E();
  townshipName = (await e.ctx.db.selectFrom('units').select('name').where('code', '=', '530125102').executeTakeFirstOrThrow()).name;
});
afterAll(async () => { await e?.close(); });

async function signIn(username: string) {
  await signInOn(e, e.page, username);
  await e.page.getByTestId('menu-duty-tasks').waitFor();
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const taskRow = () => e.page.getByTestId('duty-tasks').locator('tbody tr').filter({ hasText: title });

describe('the responsibility system from task to dashboard', () => {
  it('the county leader assigns a task to a township', async () => {
    const { page } = e;
    await signIn('cdi');
    await page.getByTestId('menu-duty-tasks').click();
    await page.getByTestId('task-new').click();
    await page.getByTestId('task-title').fill(title);
    await page.getByTestId('task-leader').fill('王某某');
    await pick(page, page.getByTestId('task-units'), townshipName, true);
    const date = page.locator('.ant-drawer').getByPlaceholder('请选择日期');
    await date.click();
    await date.fill(`${today().slice(0, 4)}-12-31`);
    await date.press('Enter');
    await page.getByTestId('task-save').click();
    await expect.poll(async () => (await e.ctx.db.selectFrom('duty_tasks').select('status').where('title', '=', title).execute()).map((r) => r.status)).toEqual(['pending']);
    await taskRow().waitFor();
    await screenshot(page, 'duty-tasks');
  });

  it('the township committee sees its task and records the completion', async () => {
    const { page } = e;
    await signIn('t530125102');
    await page.getByTestId('menu-duty-tasks').click();
    await taskRow().getByTestId('task-complete').click();
    await page.getByTestId('task-completion-note').fill('已逐级签订责任书，资料已归档');
    await page.getByTestId('task-complete-ok').click();
    await expect.poll(async () => (await e.ctx.db.selectFrom('duty_tasks').select('status').where('title', '=', title).executeTakeFirstOrThrow()).status).toBe('done');
    await expect.poll(() => taskRow().getByTestId('task-status').getAttribute('data-status')).toBe('done');
    // Only its own units' tasks are listed.
    const units = await page.getByTestId('duty-tasks').locator('tbody tr[data-row-key]').evaluateAll((els) => els.map((el) => el.getAttribute('data-row-key')!));
    const rows = await e.ctx.db.selectFrom('duty_tasks as t').innerJoin('units as u', 'u.id', 't.unit_id').select('u.path').where('t.id', 'in', units).execute();
    const own = await e.ctx.db.selectFrom('units').select('path').where('code', '=', '530125102').executeTakeFirstOrThrow();
    expect(rows.every((r) => r.path.startsWith(own.path))).toBe(true);
  });

  it('the leader records a meeting with two secretaries\' reports and an appraisal with a rating', async () => {
    const { page } = e;
    await signIn('cdi');
    await page.getByTestId('menu-duty-meetings').click();
    await page.getByTestId('meeting-new').click();
    await page.getByTestId('meeting-name').fill('本季度党风廉政建设和反腐败工作形势分析会');
    // The quarter analysed defaults to the one before; this meeting analyses the current one.
    const now = new Date();
    const quarter = `${now.getFullYear()}Q${Math.floor(now.getMonth() / 3) + 1}`;
    await pick(page, page.getByTestId('meeting-quarter'), quarter);
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meeting-reports').waitFor();
    expect((await e.ctx.db.selectFrom('duty_meetings').select('reviewed_quarter').executeTakeFirstOrThrow()).reviewed_quarter).toBe(quarter);
    for (const summary of ['认真履行主体责任，书记带头签订责任书', '加强对村级“小微权力”的监督']) {
      await page.getByTestId('report-add').click();
      // The first secretary who has not reported yet (those who have are disabled in the list).
      await page.getByTestId('report-secretary').click();
      const next = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"]) .ant-select-item-option:not(.ant-select-item-option-disabled)')
        .filter({ visible: true }).first();
      await pick(page, page.getByTestId('report-secretary'), (await next.innerText()).trim());
      await page.getByTestId('report-summary').fill(summary);
      await page.getByTestId('report-save').click();
      await page.getByTestId('meeting-reports').getByText(summary).waitFor();
    }
    await expect.poll(() => page.getByTestId('meeting-reports-count').innerText()).toBe('2');

    await page.getByTestId('round-new').click();
    await page.getByTestId('round-save').click();
    const form = page.getByTestId('round-rate-form');
    await form.waitFor();
    await form.locator('tbody tr').first().getByText('好', { exact: true }).click();
    await page.getByTestId('round-submit').click();
    await expect.poll(async () => (await e.ctx.db.selectFrom('duty_appraisals').select('rating').execute()).map((r) => r.rating)).toEqual(['good']);
    await page.getByTestId('round-chart').locator('canvas').first().waitFor();
    await expect.poll(() => page.getByTestId('round-results').innerText()).toContain('100%');
    await screenshot(page, 'duty-meeting');
  });

  it('the dashboard shows 听取乡镇党委书记汇报 as a number', async () => {
    const { page } = e;
    await page.getByTestId('menu-dashboard').click();
    const card = page.getByTestId('metric-duty.secretaryReportsHeard');
    await card.waitFor();
    await expect.poll(() => card.innerText()).toMatch(/听取乡镇党委书记汇报[\s\S]*2/);
    expect(await card.innerText()).not.toContain('未接入');
    await screenshot(page, 'duty-dashboard');
  });
});
