import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Modal, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, ApiError, showError } from '../../../web/api/client';
import { useT } from '../../../web/i18n';
import type { ImportRowError } from './types';

/**
 * Excel import: the server validates every row and rejects the whole file (422) if any row is wrong,
 * so the user gets the complete list of row errors at once and fixes the sheet in one go.
 */
export function ImportButton({ path, onImported, testId }: { path: string; onImported: () => void; testId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [rows, setRows] = useState<ImportRowError[] | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => api.upload<{ imported: number }>(path, file),
    meta: { manualError: true },
    onSuccess: (res) => {
      void message.success(t('import.done', { n: res.imported }));
      onImported();
    },
    onError: (err) => {
      const details = err instanceof ApiError ? (err.details as { rows?: ImportRowError[] } | undefined) : undefined;
      if (err instanceof ApiError && err.status === 422 && details?.rows) setRows(details.rows);
      else showError(err);
    },
  });
  return (
    <>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          upload.mutate(file);
          return false; // we post it ourselves so errors come back through the API client
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid={testId}>
          {t('import.button')}
        </Button>
      </Upload>
      <Modal open={rows !== null} title={t('import.rejectedTitle')} width={720} onCancel={() => setRows(null)} footer={<Button onClick={() => setRows(null)}>{t('common.close')}</Button>}>
        <Typography.Paragraph type="danger">{t('import.rejected', { n: rows?.length ?? 0 })}</Typography.Paragraph>
        <Table<ImportRowError>
          size="small"
          rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
          dataSource={rows ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 560 }}
          data-testid="import-errors"
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80 },
            { title: t('import.field'), dataIndex: 'field', width: 160 },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      </Modal>
    </>
  );
}
