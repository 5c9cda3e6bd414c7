import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../../../web/i18n';
import { areaUnitWords, awardMethodWords, directionWords, fundCategoryWords, objectTypeWords, paymentMethodWords } from '../words';
import { villageApi, villageKeys, type Contract, type Disposal, type Entry, type LedgerTab } from './api';

/** One ledger tab of a village as a server-paged table; `ids` narrows it to the rows a flag names. */
const money = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function LedgerTable({ tab, villageId, ids }: { tab: LedgerTab; villageId: string; ids?: string }) {
  const t = useT();
  const locale = useLocale();
  const w = (x: readonly [string, string]) => x[locale === 'en' ? 1 : 0];
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = { villageId, ids, ...page };
  const data = useQuery({ queryKey: villageKeys.ledger(tab, q), queryFn: () => villageApi.ledger<Entry | Contract | Disposal>(tab, q), placeholderData: keepPreviousData });
  const decision = (r: { decisionDate: string | null; decisionMeeting: string | null }) => (r.decisionDate ? `${r.decisionDate} ${r.decisionMeeting ?? ''}` : '—');
  const funds: TableColumnsType<Entry> = [
    { title: t('villageAssets.ui.date'), dataIndex: 'date', width: 110 },
    { title: t('villageAssets.ui.voucherNo'), dataIndex: 'voucherNo', width: 110 },
    { title: t('villageAssets.ui.direction'), dataIndex: 'direction', width: 70, render: (v: Entry['direction']) => <Tag color={v === 'income' ? 'green' : 'blue'}>{w(directionWords[v])}</Tag> },
    { title: t('villageAssets.ui.amount'), dataIndex: 'amount', width: 120, align: 'right', render: money },
    { title: t('villageAssets.ui.counterparty'), dataIndex: 'counterparty', width: 220, ellipsis: true },
    { title: t('villageAssets.ui.paymentMethod'), dataIndex: 'paymentMethod', width: 90, render: (v: Entry['paymentMethod']) => <Tag color={v === 'cash' ? 'orange' : undefined}>{w(paymentMethodWords[v])}</Tag> },
    { title: t('villageAssets.ui.category'), dataIndex: 'category', width: 90, render: (v: Entry['category']) => w(fundCategoryWords[v]) },
    { title: t('villageAssets.ui.summary'), dataIndex: 'summary', width: 180, ellipsis: true },
    { title: t('villageAssets.ui.approvedBy'), dataIndex: 'approvedBy', width: 100 },
    { title: t('villageAssets.ui.decision'), key: 'decision', width: 190, render: (_: unknown, r) => decision(r) },
    { title: t('villageAssets.ui.published'), dataIndex: 'published', width: 80, render: (v: boolean) => (v ? t('villageAssets.ui.yes') : <Tag color="red">{t('villageAssets.ui.no')}</Tag>) },
  ];
  const contracts: TableColumnsType<Contract> = [
    { title: t('villageAssets.ui.contractNo'), dataIndex: 'contractNo', width: 160 },
    { title: t('villageAssets.ui.object'), key: 'object', render: (_: unknown, r) => `${r.objectName}（${w(objectTypeWords[r.objectType])}）` },
    { title: t('villageAssets.ui.area'), key: 'area', width: 110, render: (_: unknown, r) => `${r.area} ${w(areaUnitWords[r.areaUnit])}` },
    { title: t('villageAssets.ui.counterparty'), dataIndex: 'counterparty', ellipsis: true },
    { title: t('villageAssets.ui.term'), key: 'term', width: 200, render: (_: unknown, r) => `${r.startOn} ~ ${r.endOn}` },
    { title: t('villageAssets.ui.annualRent'), dataIndex: 'annualRent', width: 120, align: 'right', render: money },
    { title: t('villageAssets.ui.awardMethod'), dataIndex: 'awardMethod', width: 100, render: (v: Contract['awardMethod']) => w(awardMethodWords[v]) },
    { title: t('villageAssets.ui.decision'), key: 'decision', width: 190, render: (_: unknown, r) => decision(r) },
  ];
  const disposals: TableColumnsType<Disposal> = [
    { title: t('villageAssets.ui.date'), dataIndex: 'disposedOn', width: 110 },
    { title: t('villageAssets.ui.assetName'), dataIndex: 'assetName' },
    { title: t('villageAssets.ui.appraisedValue'), dataIndex: 'appraisedValue', width: 130, align: 'right', render: money },
    { title: t('villageAssets.ui.salePrice'), dataIndex: 'salePrice', width: 130, align: 'right', render: money },
    { title: t('villageAssets.ui.buyer'), dataIndex: 'buyer', ellipsis: true },
    { title: t('villageAssets.ui.method'), dataIndex: 'method', width: 100, render: (v: Disposal['method']) => w(awardMethodWords[v]) },
    { title: t('villageAssets.ui.decision'), key: 'decision', width: 190, render: (_: unknown, r) => decision(r) },
  ];
  const columns = { funds, contracts, disposals }[tab] as TableColumnsType<Entry | Contract | Disposal>;
  return (
    <Table<Entry | Contract | Disposal> rowKey="id" size="small" loading={data.isLoading} dataSource={data.data?.items ?? []} columns={columns} data-testid={`ledger-${tab}`}
      locale={{ emptyText: t('villageAssets.ui.empty') }} scroll={{ x: 1400 }}
      pagination={{ current: page.page, pageSize: page.pageSize, total: data.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => setPage({ page: p, pageSize: s }) }} />
  );
}
