import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import '../modules';
import { countyActor } from '../modules/analysis/registry';
import { parsePeriod } from '../modules/analysis/periods';
import { docxToPdf } from '../modules/analysis/report/pdf';
import { generateReport, reportJson } from '../modules/analysis/report/reportService';
import { loadConfig } from '../platform/config';
import { closeContext, createContext } from '../platform/context';

const usage = `Usage: lianjian report quarterly --period 2026Q1 [--county CODE] [--cumulative] --out report.docx [--json report.json] [--pdf report.pdf]
  --period      2026Q1, 2026H1, 2026M01-09, 2026 or 2026-01-01..2026-03-31
  --cumulative  count from January to the end of the period (累计)
  --pdf         also write a PDF (needs LibreOffice)
  The report is also stored (frozen) so the web UI can reopen it and show what changed since.
`;

export async function reportCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'quarterly') {
    process.stderr.write(usage);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: {
    period: { type: 'string' }, county: { type: 'string' }, cumulative: { type: 'boolean', default: false },
    out: { type: 'string' }, json: { type: 'string' }, pdf: { type: 'string' },
  } });
  if (!values.period || !values.out) {
    process.stderr.write(usage);
    return 2;
  }
  const period = parsePeriod(values.period, { cumulative: values.cumulative });
  const ctx = await createContext(loadConfig());
  try {
    const county = values.county ?? (await sql<{ code: string }>`select code from units where kind = 'county' order by code limit 1`.execute(ctx.db)).rows[0]?.code;
    if (!county) throw new Error('No county in the database: create one with `lianjian demo` or `lianjian admin create`');
    const r = await generateReport({
      query: { db: ctx.db, actor: countyActor(), countyCode: county }, period, generatedBy: null,
      onProgress: (step, done, total) => process.stderr.write(`[${done}/${total}] ${step}\n`),
    });
    fs.writeFileSync(values.out, r.docx);
    if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(reportJson(r), null, 2)}\n`);
    if (values.pdf) fs.writeFileSync(values.pdf, docxToPdf(r.docx));
    await ctx.audit.record(ctx.db, { username: `cli:${process.env.USER ?? 'unknown'}` }, { action: 'analysis.report.generate', objectType: 'analysisReport', objectId: r.id, detail: { period: period.key, county } });
    const unavailable = Object.values(r.metrics).filter((m) => 'unavailable' in m).length;
    process.stdout.write(`${period.labelZh} 形势分析已生成 Report written to ${values.out}${values.json ? ` and ${values.json}` : ''} (frozen as ${r.id}; ${unavailable} metric(s) unavailable)\n`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
