import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../web/components/PageHeader';
import { useT, type MessageKey } from '../../../web/i18n';
import { EChart } from '../../analysis/pages/EChart';
import { allTiers, penaltyApi, penaltyKeys, type DepartmentRow, type ItemFines } from './api';
import { useRuleNames } from './DecisionsPage';
import { SettingsButton } from './SettingsModal';

/**
 * 裁量一致性: the flagged share per department, and for one item the fines of each tier drawn over the tier's band
 * (a multiple band is drawn per decision from its 违法所得, so only yuan bands are shaded), so the outliers show.
 */
export default function ConsistencyPage() {
  const t = useT();
  const navigate = useNavigate();
  const rules = useRuleNames();
  const [year, setYear] = useState<number | undefined>();
  const [itemId, setItemId] = useState<string>();
  const data = useQuery({ queryKey: penaltyKeys.consistency(year), queryFn: () => penaltyApi.consistency(year) });
  const chosen = itemId ?? data.data?.items[0]?.id;
  const item = useQuery({ queryKey: penaltyKeys.item(chosen ?? '', year), queryFn: () => penaltyApi.item(chosen!, year), enabled: !!chosen });
  const depts = data.data?.departments ?? [];
  const tierName = (k: string) => t(`penalty.ui.tier.${k}` as MessageKey);
  return (
    <>
      <PageHeader title={t('penalty.ui.consistency')} crumbs={[t('menu.group.penalty')]}
        extra={<Space><SettingsButton />
          <InputNumber placeholder={t('penalty.ui.year')} min={1990} max={2100} value={year} onChange={(v) => setYear(v ?? undefined)} /></Space>} />
      <Card title={t('penalty.ui.rateChart')} style={{ marginBottom: 16 }}>
        {depts.length === 0 ? <Empty /> : <EChart testId="penalty-rate-chart" height={280} option={rateOption(depts, t('penalty.ui.rate'))} />}
        <Table<DepartmentRow> rowKey="departmentId" size="small" pagination={false} dataSource={depts} style={{ marginTop: 12 }} columns={[
          { title: t('penalty.ui.department'), dataIndex: 'departmentName' },
          { title: t('penalty.ui.decisionsCount'), dataIndex: 'decisions', width: 100 },
          { title: t('penalty.ui.flaggedCount'), dataIndex: 'flagged', width: 100 },
          { title: t('penalty.ui.rate'), dataIndex: 'flaggedRate', width: 100 },
          { title: t('penalty.ui.closedCount'), dataIndex: 'closed', width: 110 },
          { title: t('penalty.ui.flags'), dataIndex: 'byRule', render: (r: Record<string, number>) => Object.entries(r).map(([c, n]) => `${rules(c)} ${n}`).join('；') },
        ]} />
      </Card>
      <Card title={t('penalty.ui.itemChart')}>
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Select style={{ minWidth: 420 }} value={chosen} onChange={setItemId} placeholder={t('penalty.ui.pickItem')} data-testid="penalty-item-select"
            options={(data.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.departmentName} · ${i.itemCode} ${i.violation}（${i.decisions}）` }))} />
        </Flex>
        {item.data ? (
          <>
            <EChart testId="penalty-item-chart" height={360} option={itemOption(item.data, tierName, t('penalty.ui.inBand'), t('penalty.ui.outlier'))}
              onClick={(p) => { const id = (p.data as { id?: string } | undefined)?.id; if (id) navigate(`/penalty/decisions?decision=${id}`); }} />
            <Typography.Text type="secondary">{item.data.item.penaltyBasis}</Typography.Text>
          </>
        ) : <Empty />}
      </Card>
    </>
  );
}

function rateOption(depts: DepartmentRow[], rate: string): EChartsOption {
  return {
    tooltip: { trigger: 'axis' }, grid: { left: 48, right: 16, top: 24, bottom: 60 },
    xAxis: { type: 'category', data: depts.map((d) => d.departmentName), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', name: rate, max: (v) => Math.max(10, Math.ceil(v.max / 10) * 10) },
    series: [{ type: 'bar', name: rate, data: depts.map((d) => d.flaggedRate), itemStyle: { color: '#cf1322' }, label: { show: true, position: 'top', formatter: '{c}%' } }],
  };
}

function itemOption(d: ItemFines, tierName: (k: string) => string, ok: string, flagged: string): EChartsOption {
  const tiers = allTiers.filter((k) => d.item.tiers.some((b) => b.tier === k) || d.decisions.some((x) => x.discretionTier === k));
  // Spread the points of one tier sideways (deterministically) so equal fines do not hide each other.
  const point = (x: ItemFines['decisions'][number], i: number) => ({ id: x.id, name: `${x.documentNo} ${x.partyName}`,
    value: [tiers.indexOf(x.discretionTier) + ((i % 7) - 3) * 0.05, x.fineAmount] });
  const bands = d.item.tiers.filter((b) => b.fineBasis === 'amount')
    .map((b) => [{ xAxis: tiers.indexOf(b.tier) - 0.4, yAxis: b.fineMin }, { xAxis: tiers.indexOf(b.tier) + 0.4, yAxis: b.fineMax }]);
  return {
    tooltip: { trigger: 'item', formatter: (p) => { const x = p as unknown as { name: string; value: number[] }; return `${x.name}<br/>¥${x.value[1].toLocaleString()}`; } },
    legend: { data: [ok, flagged] }, grid: { left: 72, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'value', min: -0.5, max: tiers.length - 0.5, interval: 1, axisLabel: { formatter: (v: number) => (Number.isInteger(v) ? tierName(tiers[v] ?? '') : '') }, splitLine: { show: false } },
    yAxis: { type: 'value', name: '¥' },
    series: [
      { type: 'scatter', name: ok, data: d.decisions.filter((x) => x.flags.length === 0).map(point), itemStyle: { color: '#1677ff' },
        markArea: { silent: true, itemStyle: { color: 'rgba(82,196,26,0.15)' }, data: bands as never } },
      { type: 'scatter', name: flagged, data: d.decisions.filter((x) => x.flags.length > 0).map(point), itemStyle: { color: '#cf1322' }, symbolSize: 12 },
    ],
  };
}
