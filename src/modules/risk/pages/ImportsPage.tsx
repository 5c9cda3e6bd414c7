import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Modal, Table, Tag, type TableColumnsType } from 'antd';
import { PageHeader } from '../../../web/components/PageHeader';
import { serverPagination } from '../../../web/components/serverPagination';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { riskApi, riskKeys, type ImportBatch } from './api';
import { ImportErrors } from '../../../web/components/ImportErrors';
import { ImportPanel } from './ImportPanel';

const statusColor = { running: 'processing', done: 'success', failed: 'error' } as const;

/** 数据导入: the trading centre's workbook or OCDS files in, with progress; the batches and their row errors. */
export default function ImportsPage() {
  const t = useT();
  const locale = useLocale();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [errorsOf, setErrorsOf] = useState<ImportBatch | null>(null);
  const list = useQuery({
    queryKey: riskKeys.imports(page),
    queryFn: () => riskApi.imports(page),
    placeholderData: keepPreviousData,
    // A batch started elsewhere (CLI, another user) shows its progress here too.
    refetchInterval: (q) => (q.state.data?.items.some((b) => b.status === 'running') ? 2000 : false),
  });
  const columns: TableColumnsType<ImportBatch> = [
    { title: t('risk.ui.createdAt'), dataIndex: 'createdAt', width: 170, render: (d: string) => new Date(d).toLocaleString(locale) },
    { title: t('risk.ui.fileName'), dataIndex: 'fileName', ellipsis: true },
    { title: t('risk.ui.source'), dataIndex: 'source', width: 110, render: (s: string) => t(`risk.ui.source.${s}` as MessageKey) },
    {
      title: t('risk.ui.status'), dataIndex: 'status', width: 150,
      render: (s: ImportBatch['status'], b) => (
        <Tag color={statusColor[s]}>{t(`risk.ui.batch.${s}` as MessageKey)}{s === 'running' ? ` · ${t(`risk.ui.phase.${b.phase}` as MessageKey)}` : ''}</Tag>
      ),
    },
    {
      title: t('risk.ui.counts'), dataIndex: 'counts',
      render: (c: ImportBatch['counts']) => (c ? `${t('risk.ui.countsText', { ...c })}${c.hits !== undefined ? `；${t('risk.ui.hitsFound', { n: c.hits })}` : ''}` : '—'),
    },
    {
      title: t('risk.ui.errors'), dataIndex: 'errors', width: 130,
      render: (e: ImportBatch['errors'], b) => (e.length > 0
        ? <Button type="link" danger size="small" onClick={() => setErrorsOf(b)} data-testid="risk-batch-errors">{t('risk.ui.viewErrors', { n: e.length })}</Button>
        : '—'),
    },
  ];
  return (
    <>
      <PageHeader title={t('menu.riskImports')} crumbs={[t('menu.group.risk')]} />
      <ImportPanel />
      <Card title={t('risk.ui.batches')}>
        <Table<ImportBatch> rowKey="id" size="middle" loading={list.isFetching && !list.data} dataSource={list.data?.items ?? []} columns={columns}
          data-testid="risk-batches" pagination={serverPagination(t, page, setPage, list.data?.total)} />
      </Card>
      <Modal open={!!errorsOf} width={820} title={errorsOf?.fileName} onCancel={() => setErrorsOf(null)}
        footer={<Button onClick={() => setErrorsOf(null)}>{t('common.close')}</Button>}>
        {errorsOf && <ImportErrors errors={errorsOf.errors} />}
      </Modal>
    </>
  );
}
