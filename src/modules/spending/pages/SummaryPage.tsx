import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Select, Statistic } from 'antd';
import type { EChartsOption } from 'echarts';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../web/components/PageHeader';
import { useT, type MessageKey } from '../../../web/i18n';
import { EChart } from '../../analysis/pages/EChart';
import { spendingApi, spendingKeys, type Bucket } from './api';

const wan = (yuan: number) => Math.round(yuan / 100) / 100;

/** 超标准支出分析: a year's records and over-standard records by category, by unit and by month; a bar opens the filtered list. */
export default function SummaryPage() {
  const t = useT();
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const q = useQuery({ queryKey: spendingKeys.summary(year), queryFn: () => spendingApi.summary(year) });
  const s = q.data;
  const over = t('spending.ui.seriesOver');
  const overAmount = t('spending.ui.seriesOverAmount');
  const bars = (items: Bucket[], label: (b: Bucket) => string): EChartsOption => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [over, overAmount] },
    grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: items.map(label), axisLabel: { interval: 0, rotate: items.length > 4 ? 30 : 0 } },
    yAxis: [{ type: 'value', name: over, minInterval: 1 }, { type: 'value', name: overAmount }],
    series: [
      { name: over, type: 'bar', barMaxWidth: 28, data: items.map((b) => b.over), itemStyle: { color: '#cf1322' } },
      { name: overAmount, type: 'line', yAxisIndex: 1, data: items.map((b) => b.overAmount), itemStyle: { color: '#fa8c16' } },
    ],
  });
  const trend: EChartsOption | null = !s ? null : {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('spending.ui.seriesRecords'), over] },
    grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: s.byMonth.map((m) => m.key.slice(5)) },
    yAxis: [{ type: 'value', name: t('spending.ui.seriesRecords'), minInterval: 1 }, { type: 'value', name: over, minInterval: 1 }],
    series: [
      { name: t('spending.ui.seriesRecords'), type: 'bar', barMaxWidth: 24, data: s.byMonth.map((m) => m.records), itemStyle: { color: '#91caff' } },
      { name: over, type: 'line', yAxisIndex: 1, data: s.byMonth.map((m) => m.over), itemStyle: { color: '#cf1322' } },
    ],
  };
  const topUnits = (s?.byUnit ?? []).filter((u) => u.over > 0).slice(0, 15);
  return (
    <>
      <PageHeader title={t('spending.ui.summaryTitle')} crumbs={[t('menu.group.spending')]} extra={(
        <Select value={year} style={{ width: 110 }} onChange={setYear} data-testid="spending-summary-year"
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))} />
      )} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}><Card><Statistic title={t('spending.ui.totalRecords')} value={s?.total.records ?? 0} /></Card></Col>
        <Col span={6}><Card><Statistic title={t('spending.ui.totalAmount')} value={wan(s?.total.amount ?? 0)} precision={2} /></Card></Col>
        <Col span={6}><Card><Statistic title={t('spending.ui.overRecords')} value={s?.total.over ?? 0} valueStyle={{ color: '#cf1322' }} data-testid="spending-over-count" /></Card></Col>
        <Col span={6}><Card><Statistic title={t('spending.ui.overAmount')} value={wan(s?.total.overAmount ?? 0)} precision={2} valueStyle={{ color: '#cf1322' }} /></Card></Col>
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Card title={t('spending.ui.byCategory')} style={{ marginBottom: 16 }}>
            {s && <EChart testId="spending-chart-category" height={300} option={bars(s.byCategory, (b) => t(`spending.ui.category.${b.key}` as MessageKey))}
              onClick={(p) => navigate(`/spending/records?category=${s.byCategory[p.dataIndex]?.key ?? ''}`)} />}
          </Card>
        </Col>
        <Col span={14}>
          <Card title={t('spending.ui.byUnit')} style={{ marginBottom: 16 }}>
            {s && <EChart testId="spending-chart-unit" height={300} option={bars(topUnits, (b) => b.name ?? b.key)} />}
          </Card>
        </Col>
      </Row>
      <Card title={t('spending.ui.trend')}>{trend && <EChart testId="spending-chart-trend" height={280} option={trend} />}</Card>
    </>
  );
}
