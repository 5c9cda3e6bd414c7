import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Progress, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { downloadFile, showError } from '../../../web/api/client';
import { useT, type MessageKey } from '../../../web/i18n';
import { ImportErrors } from '../../risk/pages/ImportErrors';
import { spendingApi, spendingKeys, type ImportBatch } from './api';

const phases = ['parse', 'write', 'screen', 'done'] as const;

/** Share of the job done: reading is the first tenth, writing most of the rest, the screening the end. */
function percent(b: ImportBatch): number {
  if (b.status !== 'running') return 100;
  const within = b.total > 0 ? Math.min(1, b.processed / b.total) : 0;
  const slice: Record<ImportBatch['phase'], [number, number]> = { parse: [0, 10], write: [10, 85], screen: [85, 99], done: [100, 100] };
  const [from, to] = slice[b.phase];
  return Math.round(from + (to - from) * within);
}

/** Template download, the upload, and the live progress and row errors of the batch just started. */
export function ImportPanel() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [batchId, setBatchId] = useState<string>();
  const upload = useMutation({
    meta: { manualError: true },
    mutationFn: (file: File) => spendingApi.upload(file),
    onSuccess: (b) => { setBatchId(b.id); qc.setQueryData(spendingKeys.batch(b.id), b); },
    onError: showError,
  });
  const batch = useQuery({
    queryKey: spendingKeys.batch(batchId ?? ''), queryFn: () => spendingApi.batch(batchId!), enabled: !!batchId,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 600 : false),
  });
  const b = batch.data;
  useEffect(() => {
    if (!b || b.status === 'running') return;
    void qc.invalidateQueries({ queryKey: ['spending', 'list'] });
    void qc.invalidateQueries({ queryKey: ['spending', 'imports'] });
    if (b.status === 'done') void message.success(t('spending.ui.importDone'));
    // Once per finished batch.
  }, [b?.status, b?.id]);
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex gap={16} wrap>
        <Button icon={<DownloadOutlined />} data-testid="spending-template"
          onClick={() => downloadFile('/spending/imports/template.xlsx', undefined, '公务支出导入模板.xlsx').catch(showError)}>{t('spending.ui.template')}</Button>
        <Upload accept=".xlsx" showUploadList={false} maxCount={1} beforeUpload={(file) => { upload.mutate(file); return false; }}>
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="spending-import-upload">{t('spending.ui.upload')}</Button>
        </Upload>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>{t('spending.ui.uploadHint')}</Typography.Paragraph>
      {b && (
        <div data-testid="spending-import-progress" data-status={b.status} style={{ marginTop: 16 }}>
          <Typography.Text strong>{b.fileName}</Typography.Text>
          {b.status !== 'failed' && (
            <Steps size="small" style={{ margin: '12px 0' }} current={phases.indexOf(b.phase)} status={b.status === 'done' ? 'finish' : 'process'}
              items={phases.map((p) => ({ title: t(`spending.ui.phase.${p}` as MessageKey) }))} />
          )}
          <Progress percent={percent(b)} status={b.status === 'failed' ? 'exception' : b.status === 'done' ? 'success' : 'active'} />
          {b.counts && (
            <Typography.Paragraph style={{ marginTop: 8 }} data-testid="spending-import-counts">
              {t('spending.ui.importCounts', { ...b.counts })}；<Link to="/risk/hits?domain=spending">{t('spending.ui.hitsLink')}</Link>
            </Typography.Paragraph>
          )}
          {b.errors.length > 0 && <ImportErrors errors={b.errors} />}
        </div>
      )}
    </Card>
  );
}
