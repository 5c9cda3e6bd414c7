import type { MetricResult } from '../evaluate';
import { formatFigure, text, type Paragraph, type Run } from './model';

type Available = Extract<MetricResult, { value: number }>;
type Breakdown = Array<{ key: string; label: string; value: number; recordIds: string[] }>;
const available = (m: MetricResult | undefined): m is Available => !!m && 'value' in m;
/** A breakdown's named parts: records without the value (未填写, 县直及未指明乡镇) are no township or category to point at. */
const breakdownOf = (m: Available, dim: string): Breakdown | undefined => (m.breakdown as Record<string, Breakdown> | undefined)?.[dim]?.filter((b) => b.key !== 'unknown');

interface Finding { score: number; runs: Run[] }

const fig = (value: number, unit: string, key: string, derivedFrom?: string[]): Run => ({ kind: 'figure', text: formatFigure(value, unit), key, ...(derivedFrom ? { derivedFrom } : {}) });

/** Townships whose counts rose year on year by at least a fifth (and by at least three items). */
function risingTownships(metrics: Record<string, MetricResult>, yoy: Record<string, MetricResult> | undefined): Finding[] {
  if (!yoy) return [];
  const out: Finding[] = [];
  for (const [key, m] of Object.entries(metrics)) {
    const before = yoy[key];
    if (!available(m) || !available(before)) continue;
    const now = breakdownOf(m, 'township');
    const then = breakdownOf(before, 'township');
    if (!now || !then) continue;
    const rising = now.map((b) => ({ b, prev: then.find((x) => x.key === b.key)?.value ?? 0 }))
      .filter(({ b, prev }) => b.value - prev >= 3 && (prev === 0 || (b.value - prev) / prev >= 0.2))
      .sort((x, y) => (y.b.value - y.prev) - (x.b.value - x.prev)).slice(0, 3);
    if (!rising.length) continue;
    const runs: Run[] = [text(`${m.label}在部分乡镇上升较快：`)];
    rising.forEach(({ b, prev }, i) => {
      runs.push(text(`${b.label}`), fig(b.value, m.unit, `${key}.township.${b.key}`, [key]), text(`${m.unit}，同比增加`),
        fig(b.value - prev, m.unit, `${key}.township.${b.key}.yoyDelta`, [key]), text(m.unit + (i === rising.length - 1 ? '。' : '；')));
    });
    out.push({ score: 50 + rising.length, runs });
  }
  return out;
}

/** The leading categories (violation types, sectors, case types) and their shares of the total. */
function leadingCategories(metrics: Record<string, MetricResult>): Finding[] {
  const out: Finding[] = [];
  for (const [key, m] of Object.entries(metrics)) {
    if (!available(m) || m.value === 0) continue;
    for (const dim of ['discipline', 'category', 'caseType', 'sector']) {
      const b = breakdownOf(m, dim)?.filter((x) => x.value > 0).sort((x, y) => y.value - x.value).slice(0, 3);
      if (!b?.length) continue;
      const runs: Run[] = [text(`从${m.label}反映的问题看，排在前列的是`)];
      b.forEach((x, i) => runs.push(text(`${x.label}`), fig(x.value, m.unit, `${key}.${dim}.${x.key}`, [key]), text(m.unit + (i === b.length - 1 ? '，' : '、'))));
      const top = b.reduce((s, x) => s + x.value, 0);
      runs.push(text('合计占'), fig(Math.round((top / m.value) * 1000) / 10, '%', `${key}.${dim}.topShare`, [key]), text('%，问题相对集中。'));
      out.push({ score: 40, runs });
    }
  }
  return out;
}

/** Overdue handling and unfinished rectification: any registered `*.overdue` or `*.rectifying` count above zero. */
function openWork(metrics: Record<string, MetricResult>): Finding[] {
  const out: Finding[] = [];
  for (const [key, m] of Object.entries(metrics)) {
    if (!available(m) || m.value === 0) continue;
    if (key.endsWith('.overdue')) out.push({ score: 70 + m.value, runs: [text(`${m.label}`), fig(m.value, m.unit, key), text(`${m.unit}，按期办结压力较大。`)] });
    if (key.endsWith('.rectifying')) out.push({ score: 60 + m.value, runs: [text('整改还不到位，'), text(`${m.label}`), fig(m.value, m.unit, key), text(`${m.unit}，需要持续跟踪销号。`)] });
    if (key === 'risk.hits') out.push({ score: 55 + m.value, runs: [text('数据筛查提示风险'), fig(m.value, m.unit, key), text(`${m.unit}，需逐一核查。`)] });
  }
  return out;
}

/** 二、存在的主要问题: ranked from the data, most pressing first; each finding one paragraph. */
export function detectProblems(metrics: Record<string, MetricResult>, yoy?: Record<string, MetricResult>): Paragraph[] {
  return [...openWork(metrics), ...risingTownships(metrics, yoy), ...leadingCategories(metrics)]
    .sort((a, b) => b.score - a.score).slice(0, 6).map((f) => ({ runs: f.runs }));
}
