import type { EChartsOption } from 'echarts';
import type { Contract, ProcessDetail } from './api';

/** Chart options of the tender page, built from the process detail; pure, so the page only renders them. */
export interface ChartText { bid: string; winner: string; estimate: string; mean: string; paid: string; contractValue: string; progress: string; yuan: string; zh: boolean }

/** Axis and line labels: 万 in Chinese, compact notation in English. */
const short = (v: number, zh: boolean) => (zh
  ? (Math.abs(v) >= 10_000 ? `${Number((v / 10_000).toFixed(2))}万` : String(v))
  : new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 }).format(v));

/**
 * Bids as bars from lowest to highest, the winner in red, the estimate (ceiling) and the mean as lines. The
 * y axis starts near the bids, not at 0, so a 1% spread between bids is visible, which is the point.
 */
export function bidChartOption(p: ProcessDetail, x: ChartText): EChartsOption {
  const bids = p.bids.filter((b) => b.amount !== null).sort((a, b) => a.amount! - b.amount!);
  const amounts = bids.map((b) => b.amount!);
  const lines: number[] = [...amounts, ...(p.value !== null ? [p.value] : [])];
  const lo = Math.min(...lines);
  const hi = Math.max(...lines);
  const pad = Math.max((hi - lo) * 0.15, hi * 0.005, 1);
  const mean = amounts.length ? amounts.reduce((s, a) => s + a, 0) / amounts.length : null;
  const markData: Array<{ name: string; yAxis: number; lineStyle: object; label: object }> = [];
  if (p.value !== null) markData.push({ name: x.estimate, yAxis: p.value, lineStyle: { color: '#d4380d', type: 'solid' }, label: { formatter: `${x.estimate} ${short(p.value, x.zh)}`, position: 'insideEndTop' } });
  if (mean !== null) markData.push({ name: x.mean, yAxis: mean, lineStyle: { color: '#8c8c8c', type: 'dashed' }, label: { formatter: `${x.mean} ${short(Number(mean.toFixed(2)), x.zh)}`, position: 'insideStartTop' } });
  return {
    grid: { left: 80, right: 24, top: 36, bottom: 64 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${Number(v).toLocaleString()} ${x.yuan}` },
    legend: { data: [x.bid, x.winner], top: 0 },
    xAxis: { type: 'category', data: bids.map((b) => b.bidderNames.join('+') || b.bidId || ''), axisLabel: { interval: 0, rotate: bids.length > 4 ? 20 : 0, width: 120, overflow: 'truncate' } },
    yAxis: { type: 'value', min: Math.max(0, Math.floor(lo - pad)), max: Math.ceil(hi + pad), axisLabel: { formatter: (v: number) => short(v, x.zh) } },
    series: [
      {
        name: x.bid, type: 'bar', barMaxWidth: 48, stack: 'bids',
        data: bids.map((b) => (b.winner ? '-' : b.amount!)), itemStyle: { color: '#4096ff' },
        markLine: { symbol: 'none', data: markData as never },
      },
      { name: x.winner, type: 'bar', barMaxWidth: 48, stack: 'bids', data: bids.map((b) => (b.winner ? b.amount! : '-')), itemStyle: { color: '#cf1322' } },
    ],
  };
}

/** The value a contract stands at after its amendments (the last amended amount), for the payment chart's ceiling. */
export function currentValue(c: Contract): number | null {
  const amended = c.amendments.filter((a) => a.amount !== null).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return amended.length ? amended[amended.length - 1].amount : c.amount;
}

/**
 * Cumulative payments of each contract over time (a step line) against the contract value and its amended value,
 * and the physical progress converted to yuan of the contract (progress × value): payments above that line are
 * paid ahead of the work.
 */
export function paymentChartOption(contracts: Contract[], x: ChartText): EChartsOption {
  const palette = ['#1677ff', '#13a8a8', '#722ed1', '#fa8c16'];
  const series: NonNullable<EChartsOption['series']> = [];
  let top = 0;
  contracts.forEach((c, i) => {
    let sum = 0;
    const points = c.payments.filter((p) => p.amount !== null && p.date).sort((a, b) => a.date!.localeCompare(b.date!))
      .map((p) => { sum += p.amount!; return [p.date!.slice(0, 10), Number(sum.toFixed(2))] as [string, number]; });
    if (c.dateSigned && points.length && c.dateSigned.slice(0, 10) < points[0][0]) points.unshift([c.dateSigned.slice(0, 10), 0]);
    const value = currentValue(c);
    top = Math.max(top, sum, value ?? 0, c.amount ?? 0);
    const colour = palette[i % palette.length];
    series.push({
      name: `${x.paid} ${c.contractId}`, type: 'line', step: 'end', data: points, color: colour, symbolSize: 8,
      markLine: value === null ? undefined : {
        symbol: 'none',
        data: [
          { yAxis: value, name: x.contractValue, lineStyle: { color: '#cf1322' }, label: { formatter: `${x.contractValue} ${short(value, x.zh)}`, position: 'insideEndTop' } },
          ...(c.amount !== null && c.amount !== value ? [{ yAxis: c.amount, lineStyle: { color: '#8c8c8c', type: 'dashed' as const }, label: { formatter: short(c.amount, x.zh), position: 'insideStartTop' as const } }] : []),
        ] as never,
      },
    });
    const progress = c.milestones.filter((m) => m.progress !== null && m.date).sort((a, b) => a.date!.localeCompare(b.date!));
    if (value !== null && progress.length) {
      series.push({
        name: `${x.progress} ${c.contractId}`, type: 'line', color: colour, lineStyle: { type: 'dashed' }, symbol: 'triangle', symbolSize: 9,
        data: progress.map((m) => [m.date!.slice(0, 10), Number((m.progress! * value).toFixed(2))]),
      });
    }
  });
  return {
    grid: { left: 80, right: 24, top: 36, bottom: 36 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toLocaleString()} ${x.yuan}` },
    legend: { top: 0 },
    // Room after the last payment, so its step shows, and above the contract value, so its line shows.
    xAxis: { type: 'time', max: (v: { min: number; max: number }) => v.max + Math.max((v.max - v.min) * 0.08, 86_400_000 * 3) },
    yAxis: { type: 'value', min: 0, max: top > 0 ? Math.ceil(top * 1.12) : undefined, axisLabel: { formatter: (v: number) => short(v, x.zh) } },
    series,
  };
}
