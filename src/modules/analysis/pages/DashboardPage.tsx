import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Select, Spin, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../../web/components/PageHeader';
import { hasMessage, useLocale, useT } from '../../../web/i18n';
import { analysisApi, isAvailable, type Breakdown } from './api';
import { BreakdownChart } from './BreakdownChart';
import { DrillDownDrawer, type DrillTarget } from './DrillDownDrawer';
import { EChart } from './EChart';
import { HotspotPanel } from '../../reports/pages/HotspotPanel';
import { groupByModule, MetricCards } from './MetricCards';
import { currentPeriod, PeriodPicker, periodKey, type PeriodValue } from './PeriodPicker';

/** The last eight quarters ending with the selected year's latest quarter, oldest first. */
function lastQuarters(year: number, n = 8): string[] {
  const now = new Date();
  let q = year === now.getFullYear() ? Math.floor(now.getMonth() / 3) + 1 : 4;
  let y = year;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}Q${q}`);
    q -= 1;
    if (q === 0) { q = 4; y -= 1; }
  }
  return out;
}

export default function DashboardPage() {
  const t = useT();
  const locale = useLocale();
  const [period, setPeriod] = useState<PeriodValue>(currentPeriod);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [trendKey, setTrendKey] = useState<string | undefined>();
  const key = periodKey(period);
  const catalogue = useQuery({ queryKey: ['analysis', 'catalogue'], queryFn: analysisApi.catalogue });
  const metrics = useQuery({ queryKey: ['analysis', 'metrics', key, period.cumulative], queryFn: () => analysisApi.metrics(key, period.cumulative, 'yoy') });
  const available = useMemo(() => Object.values(metrics.data?.metrics ?? {}).filter(isAvailable), [metrics.data]);
  const trendMetric = trendKey ?? available[0]?.key;
  const chartGroups = useMemo(() => {
    const withCharts = available.filter((m) => Object.keys(m.breakdown ?? {}).length > 0);
    return groupByModule(withCharts.map((m) => m.key), catalogue.data?.items ?? [])
      .map(([module, keys]) => [module, keys.map((k) => withCharts.find((m) => m.key === k)!)] as const);
  }, [available, catalogue.data]);
  const quarters = lastQuarters(period.year);
  const trend = useQueries({
    queries: quarters.map((q) => ({
      queryKey: ['analysis', 'metrics', q, false, trendMetric],
      queryFn: () => analysisApi.metrics(q, false, 'none', [trendMetric!]),
      enabled: !!trendMetric,
    })),
  });
  // Breakdown keys arrive with their words in both languages (analysis/dimensions.ts on the server).
  const itemLabel = (b: Breakdown) => (locale === 'en' ? b.labelEn ?? b.label : b.label);
  const name = (m: { label: string; labelEn: string }) => (locale === 'en' ? m.labelEn : m.label);
  const dimName = (key: string, dim: string) => {
    const w = catalogue.data?.items.find((c) => c.key === key)?.dimensionLabels?.[dim];
    return w ? (locale === 'en' ? w.labelEn : w.labelZh) : dim;
  };

  return (
    <>
      <PageHeader title={t('menu.dashboard')} crumbs={[t('menu.group.analysis')]} extra={<PeriodPicker value={period} onChange={setPeriod} />} />
      <Typography.Paragraph type="secondary">{t('analysis.clickHint')}</Typography.Paragraph>
      {metrics.error && <Alert type="error" message={(metrics.error as Error).message} />}
      <Spin spinning={metrics.isLoading || catalogue.isLoading}>
        {metrics.data && (
          <MetricCards catalogue={catalogue.data?.items ?? []} metrics={metrics.data.metrics} yoy={metrics.data.yoy?.metrics} onDrill={setDrill} />
        )}
        {/* The breakdowns, one tab per module: a county quarter has dozens of them, too many for one scroll. */}
        {chartGroups.length > 0 && (
          <Card size="small" style={{ marginBottom: 12 }}>
            <Tabs size="small" data-testid="breakdown-tabs" items={chartGroups.map(([module, ms]) => ({
              key: module, label: hasMessage(`analysis.module.${module}`) ? t(`analysis.module.${module}` as never) : module,
              children: (
                <Row gutter={12}>
                  {ms.flatMap((m) => Object.entries(m.breakdown ?? {}).map(([dim, items]) => (
                    <Col key={`${m.key}-${dim}`} xs={24} lg={12}>
                      <Card size="small" title={t('analysis.breakdown', { metric: name(m), dimension: dimName(m.key, dim) })} style={{ marginBottom: 12 }}>
                        <BreakdownChart testId={`chart-${m.key}-${dim}`} items={items} label={itemLabel}
                          onPick={(b) => setDrill({ key: m.key, label: name(m), dimension: dim, value: b.key, valueLabel: itemLabel(b) })} />
                      </Card>
                    </Col>
                  )))}
                </Row>
              ),
            }))} />
          </Card>
        )}
        <Row gutter={12}>
          {trendMetric && (
            <Col xs={24}>
              <Card size="small" title={t('analysis.trend')} style={{ marginBottom: 12 }}
                extra={<Select size="small" style={{ width: 220 }} value={trendMetric} onChange={setTrendKey} options={available.map((m) => ({ value: m.key, label: name(m) }))} />}>
                <EChart testId="chart-trend"
                  option={{
                    tooltip: { trigger: 'axis' }, grid: { left: 40, right: 16, top: 16, bottom: 30 },
                    xAxis: { type: 'category', data: quarters },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [{ type: 'line', smooth: true, data: trend.map((r) => { const v = r.data?.metrics[trendMetric]; return isAvailable(v) ? v.value : null; }) }],
                  }} />
              </Card>
            </Col>
          )}
        </Row>
      </Spin>
      <HotspotPanel period={key} cumulative={period.cumulative} />
      <DrillDownDrawer target={drill} period={key} cumulative={period.cumulative} onClose={() => setDrill(null)} />
    </>
  );
}
