import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Progress, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { downloadFile, showError } from '../../../web/api/client';
import { useT, type MessageKey } from '../../../web/i18n';
import { ImportErrors } from '../../risk/pages/ImportErrors';
import { batchPercent, villageApi, villageKeys } from './api';

const phases = ['parse', 'write', 'screen', 'done'] as const;

/** Template download, the upload into the chosen village, and the live progress and row errors of the batch just started. */
export function ImportPanel({ villageId }: { villageId: string }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [batchId, setBatchId] = useState<string>();
  const upload = useMutation({
    meta: { manualError: true },
    mutationFn: (file: File) => villageApi.upload(file, villageId),
    onSuccess: (b) => { setBatchId(b.id); qc.setQueryData(villageKeys.batch(b.id), b); },
    onError: showError,
  });
  const batch = useQuery({
    queryKey: villageKeys.batch(batchId ?? ''), queryFn: () => villageApi.batch(batchId!), enabled: !!batchId,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 700 : false),
  });
  const b = batch.data;
  useEffect(() => {
    if (!b || b.status === 'running') return;
    void qc.invalidateQueries({ queryKey: ['villageAssets', 'ledger'] });
    if (b.status === 'done') void message.success(t('villageAssets.ui.importDone'));
    // Once per finished batch.
  }, [b?.status, b?.id]);
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap>
        <Button icon={<DownloadOutlined />} data-testid="village-template"
          onClick={() => downloadFile('/village-assets/imports/template.xlsx', undefined, '村集体三资台账导入模板.xlsx').catch(showError)}>{t('villageAssets.ui.template')}</Button>
        <Upload accept=".xlsx" showUploadList={false} maxCount={1} beforeUpload={(file) => { upload.mutate(file); return false; }}>
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="village-import-upload">{t('villageAssets.ui.upload')}</Button>
        </Upload>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('villageAssets.ui.uploadHint')}</Typography.Paragraph>
      {b && (
        <div data-testid="village-import-progress" data-status={b.status} style={{ marginTop: 12 }}>
          <Typography.Text strong>{b.fileName}</Typography.Text>
          {b.status !== 'failed' && (
            <Steps size="small" style={{ margin: '12px 0' }} current={phases.indexOf(b.phase)} status={b.status === 'done' ? 'finish' : 'process'}
              items={phases.map((p) => ({ title: t(`villageAssets.ui.phase.${p}` as MessageKey) }))} />
          )}
          <Progress percent={batchPercent(b)} status={b.status === 'failed' ? 'exception' : b.status === 'done' ? 'success' : 'active'} />
          {b.counts && (
            <Typography.Paragraph style={{ marginTop: 8 }} data-testid="village-import-counts">
              {t('villageAssets.ui.countsText', { entries: b.counts.entries ?? 0, contracts: b.counts.contracts ?? 0, disposals: b.counts.disposals ?? 0 })}
              {b.counts.hits !== undefined && <>；<Link to={`/risk/hits?domain=villageAssets`} data-testid="village-import-hits">{t('villageAssets.ui.hitsFound', { n: b.counts.hits })}</Link></>}
            </Typography.Paragraph>
          )}
          {b.errors.length > 0 && <ImportErrors errors={b.errors} />}
        </div>
      )}
    </div>
  );
}
