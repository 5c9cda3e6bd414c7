import type { EChartsOption } from 'echarts';
import type { Breakdown } from './api';
import { EChart } from './EChart';

/**
 * One breakdown of a figure: a pie when it splits into two or three parts (实名/匿名 is a share, read at a glance),
 * bars largest first otherwise, with 未填写 last. A click opens the records behind the part.
 */
export function BreakdownChart({ items, label, testId, onPick }: {
  items: Breakdown[]; label: (b: Breakdown) => string; testId: string; onPick: (b: Breakdown) => void;
}) {
  const sorted = [...items].sort((a, b) => Number(a.key === 'unknown') - Number(b.key === 'unknown') || b.value - a.value);
  const option: EChartsOption = sorted.length <= 3
    ? {
        tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' }, color: ['#b71c1c', '#e57373', '#bdbdbd'],
        series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}\n{d}%' }, data: sorted.map((b) => ({ name: label(b), value: b.value })) }],
      }
    : {
        tooltip: {}, grid: { left: 40, right: 16, top: 16, bottom: 60 },
        xAxis: { type: 'category', data: sorted.map(label), axisLabel: { rotate: 30, interval: 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: sorted.map((b) => b.value), itemStyle: { color: '#b71c1c' } }],
      };
  return <EChart testId={testId} option={option} onClick={(p) => onPick(sorted[p.dataIndex])} />;
}
