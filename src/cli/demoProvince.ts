import { generateProvince } from '../modules/analysis/scale/province';
import type { AppContext } from '../platform/context';

/**
 * `lianjian demo --scale province|county [--province 53] [--counties 100] [--years 5] [--reports-per-year 2200]
 * [--cases-per-year 440]`: the scale dataset of the situation analysis (see analysis/scale/province.ts).
 * `--scale county` is the same generator for one county (the `--county`, default 530125).
 */
export const scaleOptions = {
  scale: { type: 'string' }, province: { type: 'string' }, counties: { type: 'string' }, years: { type: 'string' },
  'reports-per-year': { type: 'string' }, 'cases-per-year': { type: 'string' },
} as const;

export async function demoScale(ctx: AppContext, values: Record<string, string | boolean | undefined>): Promise<number> {
  const num = (k: string, d: number) => {
    const v = values[k] === undefined ? d : Number(values[k]);
    if (!Number.isFinite(v) || v <= 0) throw new Error(`--${k} must be a positive number`);
    return v;
  };
  const county = String(values.county ?? '530125');
  const province = county ? String(values.province ?? county.slice(0, 2)) : '53';
  const r = await generateProvince(ctx.db, ctx.config, ctx.audit, {
    province, counties: num('counties', values.scale === 'county' ? 1 : 100), years: num('years', values.scale === 'county' ? 10 : 5),
    reportsPerYear: num('reports-per-year', 2200), casesPerYear: num('cases-per-year', 440), firstCounty: county,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`规模数据已生成 Scale dataset: ${r.counties.length} counties of province ${province}, ${r.from}–${r.to}: `
    + `${r.reports} reports, ${r.clues} clues, ${r.cases} cases in ${r.seconds} s. Accounts cdi<county code> / cases<county code>, password as the demo's.\n`);
  return 0;
}
