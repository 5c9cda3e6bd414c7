import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

/** A thin ECharts host: creates the chart once, updates options, resizes with its box, reports clicks. */
export function EChart({ option, height = 280, onClick, testId }: {
  option: echarts.EChartsOption; height?: number; testId?: string;
  onClick?: (params: { name: string; dataIndex: number; seriesName?: string; data?: unknown }) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    chart.current = echarts.init(box.current!);
    const resize = new ResizeObserver(() => chart.current?.resize());
    resize.observe(box.current!);
    return () => { resize.disconnect(); chart.current?.dispose(); chart.current = null; };
  }, []);
  useEffect(() => { chart.current?.setOption(option, true); }, [option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const handler = (p: unknown) => onClick(p as { name: string; dataIndex: number });
    c.on('click', handler);
    return () => { c.off('click', handler); };
  }, [onClick]);
  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}
