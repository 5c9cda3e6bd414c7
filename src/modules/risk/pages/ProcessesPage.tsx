import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Flex, Input, Table, Tag, type TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { hasMessage, useLocale, useT } from '../../../web/i18n';
import { riskApi, riskKeys, type ProcessRow } from './api';
import { TownshipSelect } from './filters';
import { yuan } from './labels';

const keys = ['q', 'buyer', 'supplier', 'township', 'flagged'] as const;

/** 采购项目: the stored processes in the caller's scope, searchable, with their bid counts, winners and flags. */
export default function ProcessesPage() {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const f = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v)) as Partial<Record<(typeof keys)[number], string>>;
  const page = { page: Number(params.get('page') ?? 1) || 1, pageSize: Number(params.get('pageSize') ?? 20) || 20 };
  const update = (patch: Record<string, string | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    if (!keepPage) next.delete('page');
    setParams(next);
  };
  const query = { ...f, flagged: f.flagged === 'true' ? ('true' as const) : undefined, ...page };
  const list = useQuery({ queryKey: riskKeys.processes(query), queryFn: () => riskApi.processes(query), placeholderData: keepPreviousData });
  const label = (prefix: string, v: string | null) => (v ? (hasMessage(`${prefix}.${v}`) ? t(`${prefix}.${v}` as never) : v) : '—');
  const columns: TableColumnsType<ProcessRow> = [
    { title: t('risk.ui.tenderDate'), dataIndex: 'tenderDate', width: 110, render: (d: string | null) => d?.slice(0, 10) ?? '—' },
    {
      title: t('risk.ui.title'), dataIndex: 'title', ellipsis: true,
      render: (title: string | null, r) => <Link to={`/risk/processes/${r.id}`} onClick={(e) => e.stopPropagation()}>{title ?? r.ocid}</Link>,
    },
    { title: t('risk.ui.buyer'), dataIndex: 'buyerName', ellipsis: true, render: (b: string | null) => b ?? '—' },
    { title: t('risk.ui.category'), dataIndex: 'category', width: 70, render: (c: string | null) => label('risk.ui.category', c) },
    { title: t('risk.ui.value'), dataIndex: 'value', width: 150, align: 'right', render: (v: number | null) => yuan(v, locale) },
    { title: t('risk.ui.bidCount'), dataIndex: 'bids', width: 70, align: 'right' },
    { title: t('risk.ui.awardedTo'), dataIndex: 'awardedTo', ellipsis: true, render: (a: string[]) => a.join('、') || '—' },
    { title: t('risk.ui.awardValue'), dataIndex: 'awardValue', width: 150, align: 'right', render: (v: number | null) => yuan(v, locale) },
    { title: t('risk.ui.hitCount'), dataIndex: 'hits', width: 70, render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : <Tag>0</Tag>) },
  ];
  return (
    <>
      <PageHeader title={t('menu.riskProcesses')} crumbs={[t('menu.group.risk')]} />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search key={`q${f.q ?? ''}`} allowClear style={{ width: 280 }} placeholder={t('risk.ui.search')} defaultValue={f.q} data-testid="risk-process-search"
            onSearch={(v) => update({ q: v.trim() || undefined })} />
          <Input.Search key={`b${f.buyer ?? ''}`} allowClear style={{ width: 180 }} placeholder={t('risk.ui.buyer')} defaultValue={f.buyer} onSearch={(v) => update({ buyer: v.trim() || undefined })} />
          <Input.Search key={`s${f.supplier ?? ''}`} allowClear style={{ width: 180 }} placeholder={t('risk.ui.supplier')} defaultValue={f.supplier} onSearch={(v) => update({ supplier: v.trim() || undefined })} />
          <TownshipSelect value={f.township} onChange={(v) => update({ township: v })} />
          <Checkbox checked={f.flagged === 'true'} onChange={(e) => update({ flagged: e.target.checked ? 'true' : undefined })} data-testid="risk-process-flagged">{t('risk.ui.flaggedOnly')}</Checkbox>
        </Flex>
        <Table<ProcessRow> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns} data-testid="risk-processes"
          onRow={(r) => ({ onClick: () => navigate(`/risk/processes/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={serverPagination(t, page, (p) => update({ page: String(p.page), pageSize: String(p.pageSize) }, true), list.data?.total)} />
      </Card>
    </>
  );
}
