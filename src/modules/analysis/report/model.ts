import { apportion } from '../../cases/rules/fourForms';

/**
 * The report as structured text: every paragraph is a list of runs, and every number a reader sees is a
 * `figure` run that names the metric it came from (or the metrics a share was derived from). A test reads
 * the runs to prove that no digit appears in plain text.
 */
export interface Run {
  kind: 'text' | 'figure' | 'label';
  text: string;
  /** For figures: the metric key, or a derived key such as `forms.first.share`. */
  key?: string;
  derivedFrom?: string[];
}

export interface Paragraph { runs: Run[] }

export interface Subsection { heading?: string; paragraphs: Paragraph[] }

export interface Section { id: 'achievements' | 'problems' | 'nextSteps' | 'statistics'; heading: string; subsections: Subsection[] }

export interface ReportModel {
  title: Run[];
  periodKey: string;
  periodLabel: string;
  countyCode: string;
  countyName: string;
  issuer: string;
  date: string;
  sections: Section[];
}

export const text = (t: string): Run => ({ kind: 'text', text: t });
export const label = (t: string): Run => ({ kind: 'label', text: t });

export function plainText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** County figures as integers; amounts in 万元 keep up to two decimals. */
export function formatFigure(value: number, unit: string): string {
  if (unit === '万元') return String(Math.round(value * 100) / 100);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * Shares to one decimal that add up to exactly 100.0: the rule library's largest-remainder apportionment
 * of 1000 tenths (the bulletins adjust the biggest bucket the same way).
 */
export function sharesToOneDecimal(counts: number[]): number[] {
  return apportion(counts, 1000).map((tenths) => tenths / 10);
}
