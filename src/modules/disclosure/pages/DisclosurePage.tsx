import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { EChartsOption } from 'echarts';
import { useSearchParams } from 'react-router-dom';
import { EChart } from '../../analysis/pages/EChart';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useLocale, useT } from '../../../web/i18n';
import { disclosureKindWords, obligationStatusWords } from '../words';
import { disclosureApi, disclosureKeys, disclosureKinds, statusColor, word, type Cell, type DisclosureKind, type MatrixRow, type TownshipRate } from './api';
import { CellRecords, type CellTarget } from './CellRecords';
import { RecordDrawer, type RecordTarget } from './RecordDrawer';
import { SettingsModal } from './SettingsModal';

/**
 * 公开台账: units × quarters with each obligation's status, the on-time rate by township, and recording a disclosure.
 * A cell with records opens them (to read or correct); an empty one opens the form for that unit and quarter.
 */
export default function DisclosurePage() {
  const t = useT();
  const locale = useLocale();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const kind = (disclosureKinds.find((k) => k === params.get('kind')) ?? 'village') as DisclosureKind;
  const year = Number(params.get('year')) || thisYear;
  const township = params.get('township') ?? '';
  const set = (k: string, v: string) => { const n = new URLSearchParams(params); if (v) n.set(k, v); else n.delete(k); setParams(n, { replace: true }); };
  const [target, setTarget] = useState<RecordTarget | null>(null);
  const [cell, setCell] = useState<CellTarget | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const q = useQuery({ queryKey: disclosureKeys.matrix({ kind, year }), queryFn: () => disclosureApi.matrix({ kind, year }), placeholderData: keepPreviousData });
  const m = q.data;
  const rows = useMemo(() => (m?.rows ?? []).filter((r) => !township || (r.townshipCode ?? '') === township), [m, township]);
  const towns = m?.byTownship ?? [];
  const canWrite = can('disclosure.write');
  const cellView = (r: MatrixRow, c: Cell) => {
    const open = () => {
      if (c.records > 0) setCell({ unitId: r.unitId, unitName: r.unitName, quarter: c.period });
      else if (canWrite && c.status !== 'untracked') setTarget({ unitId: r.unitId, quarter: c.period });
    };
    const clickable = c.records > 0 || (canWrite && c.status !== 'untracked');
    const tag = (
      <Tag color={statusColor[c.status]} data-testid={`cell-${r.unitCode}-${c.period}`} data-status={c.status}
        style={{ cursor: clickable ? 'pointer' : undefined }} onClick={open}>
        {word(obligationStatusWords[c.status], locale)}{c.records > 1 ? ` ×${c.records}` : ''}
      </Tag>
    );
    return c.status === 'untracked' ? tag : (
      <Tooltip title={[t('disclosure.ui.cellTitle', { due: c.dueOn }), c.publishedOn ? t('disclosure.ui.publishedAt', { date: c.publishedOn }) : ''].filter(Boolean).join('，')}>{tag}</Tooltip>
    );
  };
  const columns: TableColumnsType<MatrixRow> = [
    { title: t('disclosure.ui.township'), dataIndex: 'townshipName', width: 140, render: (v: string | null) => v ?? t('disclosure.ui.countyLevel') },
    { title: t('disclosure.ui.unit'), dataIndex: 'unitName', width: 200 },
    ...(m?.periods ?? []).map((p, i) => ({ title: p, key: p, width: 110, render: (_: unknown, r: MatrixRow) => cellView(r, r.cells[i]) })),
  ];
  return (
    <>
      <PageHeader title={t('menu.disclosureLedger')} crumbs={[t('menu.group.disclosure')]} extra={canWrite && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({})} data-testid="disclosure-record-new">{t('disclosure.ui.record')}</Button>
      )} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select value={kind} style={{ width: 140 }} onChange={(v) => set('kind', v)} data-testid="disclosure-filter-kind"
            options={disclosureKinds.map((k) => ({ value: k, label: word(disclosureKindWords[k], locale) }))} />
          <Select value={year} style={{ width: 110 }} onChange={(v) => set('year', String(v))} data-testid="disclosure-filter-year"
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))} />
          <Select value={township} style={{ width: 180 }} onChange={(v) => set('township', v)} data-testid="disclosure-filter-township"
            options={[{ value: '', label: t('disclosure.ui.allTownships') }, ...towns.map((x) => ({ value: x.code ?? '', label: x.name ?? t('disclosure.ui.countyLevel') }))]} />
          {m && <span style={{ color: '#8c8c8c' }}>{t('disclosure.ui.dueRule', { days: m.dueDays, first: m.firstQuarter ?? '—' })}</span>}
          {can('disclosure.check') && <Button size="small" icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="disclosure-settings">{t('disclosure.ui.settings')}</Button>}
        </Space>
      </Card>
      <Card title={t('disclosure.ui.rateChart')} style={{ marginBottom: 16 }}>
        <EChart option={rateOption(towns, t('disclosure.ui.rate'), t('disclosure.ui.countyLevel'))} height={300} testId="disclosure-rate-chart" />
      </Card>
      <Card>
        <Table<MatrixRow> rowKey="unitId" size="small" loading={q.isLoading} dataSource={rows} columns={columns} data-testid="disclosure-matrix"
          locale={{ emptyText: t('disclosure.ui.empty') }} pagination={{ defaultPageSize: 50, showSizeChanger: true }} scroll={{ x: 800 }} />
      </Card>
      <SettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      <CellRecords kind={kind} cell={cell} canWrite={canWrite} onClose={() => setCell(null)}
        onCorrect={(record) => setTarget({ record })} onAdd={(x) => setTarget({ unitId: x.unitId, quarter: x.quarter })} />
      {m && <RecordDrawer kind={kind} rows={m.rows} periods={m.periods} items={m.items} target={target} onClose={() => setTarget(null)} />}
    </>
  );
}

function rateOption(towns: TownshipRate[], rate: string, countyLevel: string): EChartsOption {
  const shown = towns.filter((x) => x.onTimeRate !== null);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: shown.map((x) => x.name ?? countyLevel), axisLabel: { interval: 0, rotate: shown.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', max: 100, name: '%' },
    series: [{ name: rate, type: 'bar', barMaxWidth: 28, data: shown.map((x) => ({ value: x.onTimeRate, itemStyle: { color: (x.onTimeRate ?? 0) >= 90 ? '#52c41a' : (x.onTimeRate ?? 0) >= 75 ? '#fa8c16' : '#cf1322' } })) }],
  };
}
