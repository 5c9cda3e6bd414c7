import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pick, screenshot, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

describe('an administrator works with the organisation in the browser', () => {
  const name = `测试干部${Date.now().toString().slice(-5)}`;

  it('sends an anonymous visitor to the login page, keeping where they were going', async () => {
    await e.page.goto(`${e.baseUrl}/org/officials`);
    await e.page.getByTestId('login-username').waitFor();
    expect(e.page.url()).toContain('/login?next=%2Forg%2Fofficials');
  });

  it('shows the server message for a wrong password, then signs in', async () => {
    const { page } = e;
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('Wrong#2026');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    await page.getByTestId('login-password').fill('Demo@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('officials-table').waitFor();
  });

  it('opens the org tree and expands the county into its townships', async () => {
    const { page } = e;
    await page.getByTestId('menu-org-units').click();
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('宜良县', { exact: true }).waitFor();
    await tree.locator('.ant-tree-switcher').first().click();
    await tree.getByText('北古城镇').first().waitFor();
    await screenshot(page, 'org-tree');
  });

  it('creates an official and finds it in the list', async () => {
    const { page } = e;
    await page.getByTestId('menu-officials').click();
    await page.getByTestId('official-create').click();
    await page.getByTestId('official-form-name').fill(name);
    await page.getByTestId('official-form-gender').getByText('男').click();
    await pick(page, page.getByTestId('official-form-unit'), /^宜良县$/);
    await pick(page, page.getByTestId('official-form-rank'), '乡科级');
    await pick(page, page.getByTestId('official-form-managedBy'), /^县管$/);
    await page.getByTestId('official-form-submit').click();
    await page.locator('.ant-drawer-content').waitFor({ state: 'detached', timeout: 15_000 });

    const search = page.getByTestId('officials-search').locator('input');
    await search.fill(name);
    await search.press('Enter');
    await page.getByTestId('officials-table').getByText(name).waitFor();
    await screenshot(page, 'officials');
    const stored = await e.app.inject({ method: 'GET', url: '/api/health' });
    expect(stored.statusCode).toBe(200);
  });

  it('logs out and is asked to sign in again', async () => {
    const { page } = e;
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    await page.goto(`${e.baseUrl}/org/officials`);
    await page.getByTestId('login-username').waitFor();
    expect(e.page.url()).toContain('/login');
  });
});
