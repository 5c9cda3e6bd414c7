import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Collapse, Modal, Table, Tag, type TableColumnsType } from 'antd';
import { serverPagination } from '../../../web/components/serverPagination';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { ImportErrors } from '../../../web/components/ImportErrors';
import { spendingApi, spendingKeys, type ImportBatch } from './api';

const statusColor = { running: 'processing', done: 'success', failed: 'error' } as const;

/** 导入记录: the past imports of the caller's scope (file, who, when, rows, status) and the row errors of a refused one. */
export function ImportHistory() {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [errorsOf, setErrorsOf] = useState<ImportBatch | null>(null);
  const list = useQuery({
    queryKey: spendingKeys.imports(page), queryFn: () => spendingApi.imports(page), enabled: open, placeholderData: keepPreviousData,
    // A batch still running (this upload or another user's) shows its outcome when it ends.
    refetchInterval: (q) => (q.state.data?.items.some((b) => b.status === 'running') ? 2000 : false),
  });
  const columns: TableColumnsType<ImportBatch> = [
    { title: t('spending.ui.importedAt'), dataIndex: 'createdAt', width: 170, render: (d: string) => new Date(d).toLocaleString(locale) },
    { title: t('spending.ui.fileName'), dataIndex: 'fileName', ellipsis: true },
    { title: t('spending.ui.importedBy'), dataIndex: 'createdByName', width: 120, render: (n: string | null) => n ?? '—' },
    { title: t('spending.ui.importRows'), key: 'rows', width: 90, align: 'right', render: (_: unknown, b) => b.counts?.records ?? b.total },
    {
      title: t('spending.ui.importStatus'), dataIndex: 'status', width: 110,
      render: (s: ImportBatch['status']) => <Tag color={statusColor[s]}>{t(`spending.ui.batch.${s}` as MessageKey)}</Tag>,
    },
    { title: t('spending.ui.importHits'), key: 'hits', width: 90, align: 'right', render: (_: unknown, b) => b.counts?.hits ?? '—' },
    {
      title: t('spending.ui.importErrors'), dataIndex: 'errors', width: 120,
      render: (e: ImportBatch['errors'], b) => (e.length > 0
        ? <Button type="link" danger size="small" onClick={() => setErrorsOf(b)} data-testid="spending-batch-errors">{t('spending.ui.viewErrors', { n: e.length })}</Button>
        : '—'),
    },
  ];
  return (
    <>
      <Collapse style={{ marginBottom: 16 }} data-testid="spending-imports" activeKey={open ? ['imports'] : []} onChange={(k) => setOpen(k.includes('imports'))}
        items={[{
          key: 'imports', label: t('spending.ui.pastImports'),
          children: (
            <Table<ImportBatch> rowKey="id" size="small" loading={list.isFetching && !list.data} dataSource={list.data?.items ?? []} columns={columns}
              data-testid="spending-imports-table" pagination={serverPagination(t, page, setPage, list.data?.total)} />
          ),
        }]} />
      <Modal open={!!errorsOf} width={820} title={errorsOf?.fileName} onCancel={() => setErrorsOf(null)}
        footer={<Button onClick={() => setErrorsOf(null)}>{t('common.close')}</Button>}>
        {errorsOf && <ImportErrors errors={errorsOf.errors} />}
      </Modal>
    </>
  );
}
