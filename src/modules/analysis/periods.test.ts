import { describe, expect, it } from 'vitest';
import { parsePeriod, previousPeriod, yearOnYear } from './periods';

describe('periods', () => {
  it('parses quarters, halves, month spans, years and custom ranges as half-open date ranges', () => {
    expect(parsePeriod('2026Q1')).toMatchObject({ from: '2026-01-01', to: '2026-04-01', labelZh: '2026年第一季度' });
    expect(parsePeriod('2026Q4')).toMatchObject({ from: '2026-10-01', to: '2027-01-01' });
    expect(parsePeriod('2026H1')).toMatchObject({ from: '2026-01-01', to: '2026-07-01', labelZh: '2026年上半年' });
    expect(parsePeriod('2026M01-09')).toMatchObject({ from: '2026-01-01', to: '2026-10-01', labelZh: '2026年1—9月' });
    expect(parsePeriod('2026')).toMatchObject({ from: '2026-01-01', to: '2027-01-01' });
    expect(parsePeriod('2026-02-03..2026-02-27')).toMatchObject({ from: '2026-02-03', to: '2026-02-28' });
  });

  it('makes a period cumulative from January (累计)', () => {
    expect(parsePeriod('2026Q3', { cumulative: true })).toMatchObject({ from: '2026-01-01', to: '2026-10-01', key: '2026Q3:ytd', labelZh: '2026年1—9月（累计）' });
    expect(parsePeriod('2026Q2:ytd').cumulative).toBe(true);
  });

  it('compares year on year over the same span and quarter on quarter with the span before', () => {
    expect(yearOnYear(parsePeriod('2026Q1'))).toMatchObject({ key: '2025Q1', from: '2025-01-01', to: '2025-04-01' });
    expect(yearOnYear(parsePeriod('2026Q3:ytd'))).toMatchObject({ from: '2025-01-01', to: '2025-10-01', cumulative: true });
    expect(previousPeriod(parsePeriod('2026Q1'))).toMatchObject({ from: '2025-10-01', to: '2026-01-01' });
    expect(previousPeriod(parsePeriod('2026H2'))).toMatchObject({ from: '2026-01-01', to: '2026-07-01' });
    expect(previousPeriod(parsePeriod('2026-03-10..2026-03-19'))).toMatchObject({ from: '2026-02-28', to: '2026-03-10' });
  });

  it('refuses what is not a period', () => {
    for (const bad of ['2026Q5', '2026M10-02', '2026-02-30..2026-03-01', '2026-03-02..2026-03-01', 'last quarter']) {
      expect(() => parsePeriod(bad), bad).toThrow();
    }
  });
});
