import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
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
