import type { MetricResult } from '../evaluate';
import type { Period } from '../periods';
import { formatFigure, label, sharesToOneDecimal, text, type Paragraph, type ReportModel, type Run, type Section } from './model';
import { detectProblems } from './problems';
import { placeholderPattern, placeholders, type ParagraphTemplate, type ReportTemplates } from './templates';

export interface ComposeInput {
  period: Period;
  metrics: Record<string, MetricResult>;
  yoy?: Record<string, MetricResult>;
  templates: ReportTemplates;
  countyCode: string;
  countyName: string;
  issuer: string;
  date: string;
}

type Available = Extract<MetricResult, { value: number }>;
const available = (m: MetricResult | undefined): m is Available => !!m && 'value' in m;

/** Fill one clause; null when any figure it needs is unavailable (the clause is then left out). */
function fillClause(template: string, input: ComposeInput): Run[] | null {
  const runs: Run[] = [];
  let last = 0;
  for (const match of template.matchAll(placeholderPattern)) {
    if (match.index! > last) runs.push(text(template.slice(last, match.index)));
    const key = match[1];
    if (key === 'period') runs.push(label(input.period.labelZh));
    else {
      const m = input.metrics[key];
      if (!available(m)) return null;
      runs.push({ kind: 'figure', text: formatFigure(m.value, m.unit), key });
    }
    last = match.index! + match[0].length;
  }
  if (last < template.length) runs.push(text(template.slice(last)));
  return runs;
}

function fillParagraph(p: ParagraphTemplate, input: ComposeInput): Paragraph | null {
  const kept = p.clauses.map((c) => ({ runs: fillClause(c.text, input), sep: c.sep })).filter((c) => c.runs !== null);
  // A paragraph made only of the period's name says nothing: leave it out with its figures.
  if (!kept.some((c) => c.runs!.some((r) => r.kind === 'figure'))) return null;
  const runs: Run[] = [];
  kept.forEach((c, i) => {
    runs.push(...c.runs!);
    const last = i === kept.length - 1;
    runs.push(text(last ? '。' : c.sep === '。' ? '。' : c.sep));
  });
  return { runs };
}

const formNames = ['first', 'second', 'third', 'fourth'] as const;
const formWords = ['批评教育帮助', '处理', '处理', '处理'];

/** The bulletin's four-forms sentence, with shares to one decimal that sum to 100.0%. */
function fourFormsParagraph(input: ComposeInput): Paragraph | null {
  const forms = formNames.map((f) => input.metrics[`forms.${f}`]);
  if (!forms.every(available)) return null;
  const counts = (forms as Available[]).map((f) => f.value);
  const total = counts.reduce((a, b) => a + b, 0);
  const shares = sharesToOneDecimal(counts);
  const keys = formNames.map((f) => `forms.${f}`);
  const runs: Run[] = [label(input.period.labelZh), text('，全县纪检监察机关运用“四种形态”批评教育帮助和处理共'),
    { kind: 'figure', text: String(total), key: 'forms.total', derivedFrom: keys }, text('人次。其中，')];
  formNames.forEach((f, i) => {
    runs.push(text(`运用第${'一二三四'[i]}种形态${formWords[i]}`), { kind: 'figure', text: String(counts[i]), key: `forms.${f}` },
      text(i === 0 ? '人次，占总人次的' : '人次，占'), { kind: 'figure', text: shares[i].toFixed(1), key: `forms.${f}.share`, derivedFrom: keys },
      text(i === 3 ? '%。' : '%；'));
  });
  return { runs };
}

const chineseOrdinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function composeReport(input: ComposeInput): ReportModel {
  const achievements = input.templates.paragraphs.filter((p) => p.section === 'achievements')
    .map((p) => ({ heading: p.heading, paragraph: fillParagraph(p, input) }))
    .filter((x) => x.paragraph !== null)
    .map((x, i) => ({ heading: x.heading ? `（${chineseOrdinals[i]}）${x.heading}` : undefined, paragraphs: [x.paragraph!] }));
  const statistics = input.templates.paragraphs.filter((p) => p.section === 'statistics').map((p) => fillParagraph(p, input)).filter((p): p is Paragraph => p !== null);
  const forms = fourFormsParagraph(input);
  if (forms) statistics.push(forms);
  const problems = detectProblems(input.metrics, input.yoy);
  const sections: Section[] = [
    { id: 'achievements', heading: '一、主要做法和成效', subsections: achievements.length ? achievements : [{ paragraphs: [{ runs: [text('本期各业务模块尚无可统计的数据。')] }] }] },
    { id: 'problems', heading: '二、存在的主要问题', subsections: [{ paragraphs: problems.length ? problems : [{ runs: [text('从本期数据看，暂未发现需要专门提示的突出问题。')] }] }] },
    { id: 'nextSteps', heading: '三、下一步意见', subsections: [{ paragraphs: input.templates.nextSteps.map((t) => ({ runs: [text(t)] })) }] },
  ];
  if (statistics.length) sections.push({ id: 'statistics', heading: '四、主要数据统计', subsections: [{ paragraphs: statistics }] });
  const titleRuns = (fillClause(input.templates.title, input) ?? [text(input.templates.title)]);
  return {
    title: titleRuns, periodKey: input.period.key, periodLabel: input.period.labelZh, countyCode: input.countyCode,
    countyName: input.countyName, issuer: input.issuer, date: input.date, sections,
  };
}

/** Metric keys a set of templates refers to (for validation of office edits). */
export function templateMetricKeys(t: ReportTemplates): string[] {
  return [...new Set([t.title, ...t.paragraphs.flatMap((p) => p.clauses.map((c) => c.text))].flatMap(placeholders).filter((k) => k !== 'period'))];
}
