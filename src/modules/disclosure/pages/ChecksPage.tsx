import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { checkResultWords, disclosureKindWords } from '../words';
import { checkResults, disclosureApi, disclosureKeys, resultColor, word, type Check, type CheckResult } from './api';
import { CheckDrawer, RectifyModal } from './CheckDrawers';

/** 专项检查: spot checks of disclosures, open problems first; record a check, rectify a failed one. */
export default function ChecksPage() {
  const t = useT();
  const locale = useLocale();
  const { can } = useAuth();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [result, setResult] = useState<CheckResult | ''>('');
  const [open, setOpen] = useState(false);
  const [rectifying, setRectifying] = useState<Check | null>(null);
  const filter = { ...page, checkResult: result || undefined };
  const list = useQuery({ queryKey: disclosureKeys.checks(filter), queryFn: () => disclosureApi.checks(filter), placeholderData: keepPreviousData });
  const columns: TableColumnsType<Check> = [
    { title: t('disclosure.ui.checkedOn'), dataIndex: 'checkedOn', width: 110 },
    { title: t('disclosure.ui.township'), dataIndex: 'townshipName', width: 120, render: (v: string | null) => v ?? t('disclosure.ui.countyLevel') },
    { title: t('disclosure.ui.unit'), dataIndex: 'unitName', width: 150 },
    { title: t('disclosure.ui.kind'), dataIndex: 'kind', width: 100, render: (k: string) => word(disclosureKindWords[k], locale) },
    { title: t('disclosure.ui.result'), dataIndex: 'checkResult', width: 110,
      render: (r: CheckResult) => <Tag color={resultColor[r]} data-testid="check-result-tag" data-result={r}>{word(checkResultWords[r], locale)}</Tag> },
    { title: t('disclosure.ui.problem'), dataIndex: 'problemNote', ellipsis: true },
    { title: t('disclosure.ui.inspector'), dataIndex: 'inspector', width: 180, ellipsis: true },
    { title: t('disclosure.ui.dueOn'), dataIndex: 'dueOn', width: 110, render: (v: string | null, r) => (v ? <span style={{ color: r.overdue ? '#cf1322' : undefined }}>{v}</span> : '—') },
    { title: t('disclosure.ui.status'), dataIndex: 'status', width: 150, render: (s: Check['status'], r) => (s === null ? '—' : (
      <Space size={4}>
        <Tag color={s === 'open' ? (r.overdue ? 'red' : 'orange') : 'green'} data-testid="check-status" data-status={s}>
          {t(`disclosure.ui.status.${s}` as MessageKey)}{r.overdue ? `（${t('disclosure.ui.overdue')}）` : ''}
        </Tag>
        {s === 'open' && can('disclosure.write') && <Button size="small" type="link" onClick={() => setRectifying(r)} data-testid="check-rectify">{t('disclosure.ui.rectify')}</Button>}
      </Space>
    )) },
  ];
  return (
    <>
      <PageHeader title={t('menu.disclosureChecks')} crumbs={[t('menu.group.disclosure')]} extra={can('disclosure.check') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="check-new">{t('disclosure.ui.addCheck')}</Button>
      )} />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Select value={result} style={{ width: 160 }} onChange={(v) => { setResult(v); setPage({ ...page, page: 1 }); }} data-testid="check-filter-result"
            options={[{ value: '', label: t('disclosure.ui.allResults') }, ...checkResults.map((r) => ({ value: r, label: word(checkResultWords[r], locale) }))]} />
        </Space>
        <Table<Check> rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data?.items} columns={columns} data-testid="disclosure-checks"
          pagination={serverPagination(t, page, setPage, list.data?.total)} scroll={{ x: 1100 }} />
      </Card>
      <CheckDrawer open={open} onClose={() => setOpen(false)} />
      <RectifyModal check={rectifying} onClose={() => setRectifying(null)} />
    </>
  );
}
