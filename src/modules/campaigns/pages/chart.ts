import type { EChartsOption } from 'echarts';
import { findingStatuses, type StatusCounts } from './api';

const colors = { open: '#cf1322', rectifying: '#fa8c16', rectified: '#1677ff', signedOff: '#52c41a' } as const;

/** Findings per category or township as horizontal bars stacked by rectification status. */
export function stackedOption(rows: Array<{ name: string; counts: StatusCounts }>, statusName: (s: (typeof findingStatuses)[number]) => string): EChartsOption {
  const names = rows.map((r) => r.name).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names },
    series: findingStatuses.map((s) => ({
      name: statusName(s), type: 'bar', stack: 'status', itemStyle: { color: colors[s] }, barMaxWidth: 22,
      data: rows.map((r) => r.counts[s]).reverse(),
    })),
  };
}
