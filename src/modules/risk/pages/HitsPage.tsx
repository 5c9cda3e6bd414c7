import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Popconfirm, Segmented, Select, Table, Tag, Tooltip, Typography, type ButtonProps, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { hitDomains, riskApi, riskKeys, type HitDomain, type HitFilter, type HitRow } from './api';
import { TownshipSelect } from './filters';
import { HitDrawer } from './HitDrawer';
import { codeName, sources, statusColor, statuses, strengthColor, strengths } from './labels';

const filterKeys = ['domain', 'code', 'source', 'buyer', 'supplier', 'township', 'unit', 'status', 'strength'] as const;

/**
 * 预警线索: every hit in the caller's scope — procurement, spending over standard, penalty discretion, village funds —
 * filtered by domain, indicator (with counts), kind, buyer, company, township, status and strength. Filters, page
 * and the open hit live in the address so a hit can be linked to.
 */
export default function HitsPage() {
  const t = useT();
  const locale = useLocale();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const filter: HitFilter = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v)) as HitFilter;
  const page = { page: Number(params.get('page') ?? 1) || 1, pageSize: Number(params.get('pageSize') ?? 20) || 20 };
  const open = params.get('hit') ?? undefined;
  const update = (patch: Record<string, string | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    if (!keepPage) next.delete('page');
    setParams(next);
  };
  const list = useQuery({ queryKey: riskKeys.hits({ ...filter, ...page }), queryFn: () => riskApi.hits({ ...filter, ...page }), placeholderData: keepPreviousData });
  const rescreen = useMutation({
    mutationFn: riskApi.screening,
    onSuccess: (r) => { void message.success(t('risk.ui.rescreenDone', { processes: r.processes, hits: r.hits, kept: r.kept })); void qc.invalidateQueries({ queryKey: riskKeys.all }); },
  });
  const codes = list.data?.codes ?? [];
  const columns: TableColumnsType<HitRow> = [
    {
      title: t('risk.ui.strength'), dataIndex: 'strength', width: 70,
      render: (s: HitRow['strength']) => <Tag color={strengthColor[s]}>{t(`risk.ui.strength.${s}` as MessageKey)}</Tag>,
    },
    {
      title: t('risk.ui.indicator'), dataIndex: 'code', width: 230,
      render: (c: string, r) => (
        <Tooltip title={r.rule}>
          <span data-testid="risk-hit-code" data-code={c}>{codeName(c, locale)}</span> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c}</Typography.Text>
        </Tooltip>
      ),
    },
    {
      // Procurement hits name their processes; the other domains' hits name their record in one line.
      title: filter.domain === 'procurement' ? t('risk.ui.project') : t('risk.ui.subject'), dataIndex: 'ocids', ellipsis: true,
      render: (ocids: string[], r) => (r.processId
        ? <Link to={`/risk/processes/${r.processId}`} onClick={(e) => e.stopPropagation()}>{ocids[0]}</Link>
        : r.subjectTitle ?? ocids.join('、')) || '—',
    },
    {
      title: filter.domain === 'procurement' ? t('risk.ui.buyer') : t('risk.ui.buyerOrUnit'), dataIndex: 'buyerName', ellipsis: true,
      render: (b: string | null, r) => b ?? (r.domain === 'procurement' ? '—' : r.unitName),
    },
    ...(!filter.domain || filter.domain === 'procurement'
      ? [{ title: t('risk.ui.supplier'), dataIndex: 'supplierNames', ellipsis: true, render: (s: string[]) => s.join('、') || '—' }] : []),
    { title: t('risk.ui.township'), dataIndex: 'townshipName', width: 110, render: (s: string | null) => s ?? '—' },
    {
      title: t('risk.ui.status'), dataIndex: 'status', width: 100,
      render: (s: HitRow['status']) => <Tag color={statusColor[s]}>{t(`risk.ui.hitStatus.${s}` as MessageKey)}</Tag>,
    },
    { title: t('risk.ui.hitCreatedAt'), dataIndex: 'createdAt', width: 110, render: (d: string) => new Date(d).toLocaleDateString(locale) },
  ];
  const opt = <T extends string>(values: T[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
  return (
    <>
      <PageHeader title={t('menu.riskHits')} crumbs={[t('menu.group.risk')]} extra={can('risk.decide') && (!filter.domain || filter.domain === 'procurement') && (
        <Popconfirm title={t('risk.ui.rescreenConfirm')} onConfirm={() => rescreen.mutate()} okButtonProps={{ 'data-testid': 'risk-rescreen-ok' } as unknown as ButtonProps}>
          <Button icon={<ReloadOutlined />} loading={rescreen.isPending} data-testid="risk-rescreen">{t('risk.ui.rescreen')}</Button>
        </Popconfirm>
      )} />
      <Card>
        <Segmented<HitDomain | 'all'> style={{ marginBottom: 12 }} data-testid="risk-filter-domain" value={filter.domain ?? 'all'}
          onChange={(v) => update({ domain: v === 'all' ? undefined : v, code: undefined })}
          options={[{ value: 'all', label: t('risk.ui.domain.all') }, ...hitDomains.map((d) => ({ value: d, label: t(`risk.ui.domain.${d}` as MessageKey) }))]} />
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 300 }} placeholder={t('risk.ui.allIndicators')} value={filter.code}
            data-testid="risk-filter-code" popupMatchSelectWidth={false} onChange={(v: string | undefined) => update({ code: v })}
            options={codes.map((c) => ({ value: c.code, label: `${codeName(c.code, locale)}（${c.n}）`, title: c.code }))} />
          <Select allowClear style={{ width: 170 }} placeholder={t('risk.ui.hitSource')} value={filter.source} data-testid="risk-filter-source"
            onChange={(v: string | undefined) => update({ source: v })} options={opt(sources, 'risk.ui.hitSource')} />
          <Input.Search allowClear style={{ width: 180 }} placeholder={t('risk.ui.buyer')} key={`b${filter.buyer ?? ''}`} defaultValue={filter.buyer} data-testid="risk-filter-buyer"
            onSearch={(v) => update({ buyer: v.trim() || undefined })} />
          <Input.Search allowClear style={{ width: 180 }} placeholder={t('risk.ui.supplier')} key={`s${filter.supplier ?? ''}`} defaultValue={filter.supplier} data-testid="risk-filter-supplier"
            onSearch={(v) => update({ supplier: v.trim() || undefined })} />
          <TownshipSelect value={filter.township} onChange={(v) => update({ township: v })} testId="risk-filter-township" />
          <Select allowClear style={{ width: 110 }} placeholder={t('risk.ui.status')} value={filter.status} data-testid="risk-filter-status"
            onChange={(v: string | undefined) => update({ status: v })} options={opt(statuses, 'risk.ui.hitStatus')} />
          <Select allowClear style={{ width: 90 }} placeholder={t('risk.ui.strength')} value={filter.strength} data-testid="risk-filter-strength"
            onChange={(v: string | undefined) => update({ strength: v })} options={opt(strengths, 'risk.ui.strength')} />
          {filter.unit && (
            // Set by a link from a unit's own page (a village ledger): the unit and the units under it.
            <Tag closable color="blue" onClose={() => update({ unit: undefined })} data-testid="risk-filter-unit" style={{ alignSelf: 'center' }}>
              {t('risk.ui.unitFilter', { unit: list.data?.items[0]?.unitName ?? filter.unit })}
            </Tag>
          )}
          <Button onClick={() => setParams({})}>{t('risk.ui.filters.reset')}</Button>
        </Flex>
        <Table<HitRow> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns} data-testid="risk-hits"
          onRow={(r) => ({ onClick: () => update({ hit: r.id }, true), style: { cursor: 'pointer' } })}
          pagination={serverPagination(t, page, (p) => update({ page: String(p.page), pageSize: String(p.pageSize) }, true), list.data?.total)} />
      </Card>
      <HitDrawer id={open} onClose={() => update({ hit: undefined }, true)} />
    </>
  );
}
