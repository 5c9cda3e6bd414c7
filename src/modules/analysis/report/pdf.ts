import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** LibreOffice's command, when installed (Debian: libreoffice-writer-nogui). PDF output is optional. */
export function libreOffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const full = path.join(dir, name);
      if (fs.existsSync(full)) return full;
    }
  }
  return null;
}

/** Convert a docx to PDF with LibreOffice in a private profile, so concurrent conversions never collide. */
export function docxToPdf(docx: Buffer, timeoutMs = 120_000): Buffer {
  const office = libreOffice();
  if (!office) throw new Error('LibreOffice is not installed (apt-get install libreoffice-writer-nogui): PDF output is unavailable');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'report.docx'), docx);
    const run = spawnSync(office, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.docx')],
      { timeout: timeoutMs, encoding: 'utf8' });
    const pdf = path.join(dir, 'report.pdf');
    if (run.status !== 0 || !fs.existsSync(pdf)) throw new Error(`LibreOffice could not convert the report: ${run.stderr || run.error?.message || `exit ${run.status}`}`);
    return fs.readFileSync(pdf);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
