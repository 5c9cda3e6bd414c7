import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildWeb, webBuildNeeded } from '../src/cli/webBuild';
import type { AppContext } from '../src/platform/context';
import { buildApp } from '../src/platform/http/app';
import { rootDir } from '../src/platform/version';
import { createTestContext } from '../test/helpers';

export const chromiumPath = process.env.LIANJIAN_CHROMIUM ?? '/usr/bin/chromium';

export interface E2E { baseUrl: string; browser: Browser; page: Page; app: FastifyInstance; ctx: AppContext; close(): Promise<void> }

/** The real server on a free port over a fresh demo database, and Debian's Chromium driving it headless. */
export async function startE2E(): Promise<E2E> {
  if (webBuildNeeded()) await buildWeb();
  const { ctx, close } = await createTestContext();
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  return {
    baseUrl, browser, page, app, ctx,
    async close() { await browser.close(); await app.close(); await close(); },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(rootDir, 'dist/e2e-screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

const DEMO_PASSWORD = 'Demo@2026';

/**
 * A new page signed in as a demo account, on the office's clock (forms default to the browser's local day, the
 * server to China's) and a 1440×900 screen unless told otherwise.
 */
export async function signInPage(e: E2E, username: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await e.browser.newPage({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await signInOn(e, page, username);
  return page;
}

/** Sign in as a demo account on a page already open (the session before is dropped first). */
export async function signInOn(e: E2E, page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${e.baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('menu-home').waitFor();
}

/** API calls as a demo account, for a test's setup (what the browser shows is what the test is about); an error status throws. */
export async function apiAs(e: E2E, username: string) {
  const login = await e.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  return async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await e.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
}

/**
 * Chooses an option of an antd Select or TreeSelect, checks the choice shows in the field and waits for its list to
 * close (a list still closing would take the next click). Searchable ones are driven by the keyboard (type, then
 * Enter on the first match), which does not depend on where a dropdown is drawn; the others by clicking the option
 * in the dropdown that is open. A list re-rendering while options load can swallow a click, hence the retry.
 */
const openDropdowns = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])');

/** Opens a Select and reads its first option (for lists whose entries a test does not know in advance). */
export async function firstOptionText(page: Page, select: Locator): Promise<string> {
  await select.click();
  const option = openDropdowns(page).locator('.ant-select-item-option').filter({ visible: true }).first();
  await option.waitFor();
  return (await option.innerText()).trim();
}

export async function pick(page: Page, select: Locator, text: string | RegExp, searchable = false): Promise<void> {
  const open = openDropdowns(page);
  const option = open.locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper')
    .filter({ hasText: text }).filter({ visible: true }).first();
  const shown = (value: string) => (typeof text === 'string' ? value.includes(text) : text.test(value.trim()));
  for (let attempt = 1; ; attempt++) {
    if (searchable && typeof text === 'string') {
      await select.click();
      await select.locator('input').first().fill(text);
      await option.waitFor();
      await page.keyboard.press('Enter');
    } else {
      if (!(await option.isVisible())) await select.click();
      await option.click();
    }
    try {
      await expect.poll(async () => shown(await select.innerText()), { timeout: attempt < 3 ? 3_000 : 10_000 }).toBe(true);
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
  // A multiple select keeps its list open for more choices: Escape closes it (only then, as Escape with no list
  // open would close the drawer the select sits in).
  const multiple = await select.evaluate((el) => (el.classList.contains('ant-select') ? el : el.closest('.ant-select'))?.classList.contains('ant-select-multiple') ?? false);
  if (multiple && (await open.filter({ visible: true }).count()) > 0) await page.keyboard.press('Escape');
  await expect.poll(() => open.filter({ visible: true }).count(), { timeout: 10_000 }).toBe(0);
}
