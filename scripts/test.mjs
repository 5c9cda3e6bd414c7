// `npm test`: the unit and integration suite on a real database (embedded PGlite, or the PostgreSQL server
// named by DATABASE_URL), then the browser end-to-end tests in Debian's Chromium. Without Chromium the
// browser tests are skipped with a message, except under CI, where a skip is a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const chromium = process.env.LIANJIAN_CHROMIUM ?? '/usr/bin/chromium';
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const extra = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };

function vitest(config, label) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-test-')), 'report.json');
  console.log(`\n▶ ${label} (${engine})`);
  const run = spawnSync('npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], { stdio: 'inherit', env: process.env });
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  }
  return run.status === 0;
}

let ok = vitest('vitest.config.ts', 'Unit and integration tests');
if (fs.existsSync(chromium)) {
  ok = vitest('vitest.e2e.config.ts', 'Browser end-to-end tests') && ok;
} else if (process.env.CI) {
  console.error(`\n✗ Browser tests need Chromium at ${chromium} (apt-get install -y chromium); CI never skips them.`);
  ok = false;
} else {
  console.log(`\n⚠ Browser end-to-end tests skipped: Chromium not found at ${chromium}. Install Debian's package: apt-get install -y chromium`);
}
console.log(`\n${engine}: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
