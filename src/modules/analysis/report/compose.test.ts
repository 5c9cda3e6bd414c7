import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedMetrics } from '../catalogue';
import type { MetricResult } from '../evaluate';
import { parsePeriod } from '../periods';
import { composeReport } from './compose';
import { sharesToOneDecimal, type ReportModel } from './model';
import { defaultTemplates } from './templates';

function metricsWith(values: Record<string, number>): Record<string, MetricResult> {
  return Object.fromEntries(expectedMetrics.map((m) => [m.key, m.key in values
    ? { key: m.key, label: m.labelZh, labelEn: m.labelEn, unit: m.unit, value: values[m.key], recordIds: [] }
    : { key: m.key, label: m.labelZh, labelEn: m.labelEn, unit: m.unit, unavailable: true as const }]));
}

const compose = (metrics: Record<string, MetricResult>): ReportModel => composeReport({
  period: parsePeriod('2026Q1'), metrics, templates: defaultTemplates, countyCode: '530125', countyName: '宜良县', issuer: '中共宜良县纪律检查委员会', date: '2026-04-08',
});

const allRuns = (r: ReportModel) => r.sections.flatMap((s) => s.subsections.flatMap((sub) => sub.paragraphs.flatMap((p) => p.runs)));

describe('report composition', () => {
  const full = metricsWith(Object.fromEntries(expectedMetrics.map((m, i) => [m.key, (i * 7) % 23 + 1])));

  it('puts every number of the text in a figure run that names its metric', () => {
    const report = compose(full);
    const runs = allRuns(report);
    for (const r of runs.filter((x) => x.kind === 'text')) expect(r.text, r.text).not.toMatch(/\d/);
    for (const r of runs.filter((x) => x.kind === 'figure')) {
      const sources = r.derivedFrom ?? [r.key!];
      for (const key of sources) expect(full[key], `${r.key} → ${key}`).toBeDefined();
      if (!r.derivedFrom) expect(r.text).toBe(String((full[r.key!] as { value: number }).value));
    }
    expect(runs.filter((x) => x.kind === 'figure').length).toBeGreaterThan(30);
  });

  it('follows the speech: achievements, problems, next steps, then the bulletin statistics with four-form shares', () => {
    const report = compose(full);
    expect(report.sections.map((s) => s.heading)).toEqual(['一、主要做法和成效', '二、存在的主要问题', '三、下一步意见', '四、主要数据统计']);
    const text = allRuns(report).map((r) => r.text).join('');
    expect(text).toContain('全县纪检监察机关累计办案');
    expect(text).toContain('运用“四种形态”批评教育帮助和处理共');
    const shares = allRuns(report).filter((r) => r.key?.endsWith('.share')).map((r) => Number(r.text));
    expect(shares).toHaveLength(4);
    expect(shares.reduce((a, b) => a + b, 0).toFixed(1)).toBe('100.0');
  });

  it('leaves out clauses whose metric is unavailable instead of printing 0', () => {
    const report = compose(metricsWith({ 'cases.opened': 12, 'sanctions.persons': 9 }));
    const text = allRuns(report).map((r) => r.text).join('');
    expect(text).toContain('累计办案12件');
    expect(text).toContain('给予党纪政务处分9人');
    expect(text).not.toContain('科级干部案件');
    expect(text).not.toMatch(/(^|[^\d])0件/);
    expect(text).not.toContain('四种形态');
  });

  it('says plainly when no module has data yet', () => {
    const report = compose(metricsWith({}));
    expect(report.sections[0].subsections[0].paragraphs[0].runs[0].text).toContain('尚无可统计的数据');
    expect(report.sections.find((s) => s.id === 'statistics')).toBeUndefined();
  });
});

describe('shares to one decimal', () => {
  it('always sum to exactly 100.0 and stay within 0.1 of the exact share', () => {
    fc.assert(fc.property(fc.array(fc.nat(100000), { minLength: 1, maxLength: 8 }).filter((xs) => xs.some((x) => x > 0)), (counts) => {
      const shares = sharesToOneDecimal(counts);
      const total = counts.reduce((a, b) => a + b, 0);
      expect(Math.round(shares.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
      shares.forEach((s, i) => expect(Math.abs(s - (counts[i] / total) * 100)).toBeLessThanOrEqual(0.1 + 1e-9));
    }));
  });

  it('adjusts the bucket with the largest remainder, worked by hand', () => {
    // 236/333 = 70.870…, 74/333 = 22.222…, 11/333 = 3.303…, 12/333 = 3.603… → floors in tenths 708, 222, 33, 36 = 999;
    // the missing tenth goes to the largest remainder (708.7 tenths, remainder .7) → 70.9, 22.2, 3.3, 3.6.
    expect(sharesToOneDecimal([236, 74, 11, 12])).toEqual([70.9, 22.2, 3.3, 3.6]);
    // 1/3 each: 333 + 333 + 333 = 999 tenths; remainders tie, so the first bucket gets the tenth.
    expect(sharesToOneDecimal([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
  });
});
