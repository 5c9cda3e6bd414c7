import fs from 'node:fs';
import path from 'node:path';
import { rootDir } from '../platform/version';

const webSources = [path.join(rootDir, 'src/web'), path.join(rootDir, 'src/modules'), path.join(rootDir, 'src/platform')];
const builtIndex = path.join(rootDir, 'dist/web/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(tsx?|css|html)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The UI bundle is missing or older than its sources (a fresh clone, or a pull with UI changes). */
export function webBuildNeeded(): boolean {
  if (!fs.existsSync(builtIndex)) return true;
  if (!fs.existsSync(path.join(rootDir, 'src/web'))) return false;
  const built = fs.statSync(builtIndex).mtimeMs;
  return webSources.some((d) => fs.existsSync(d) && newestMtime(d) > built);
}

export async function buildWeb(): Promise<void> {
  const started = Date.now();
  process.stdout.write('正在构建网页界面 Building the web UI…\n');
  const { build } = await import('vite');
  await build({ configFile: path.join(rootDir, 'vite.config.ts'), logLevel: 'warn' });
  process.stdout.write(`网页界面构建完成 Web UI built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
