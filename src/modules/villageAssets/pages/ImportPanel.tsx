import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { downloadFile, showError } from '../../../web/api/client';
import { useT, type MessageKey } from '../../../web/i18n';
import { ImportProgress, useImportBatch } from '../../../web/components/ImportProgress';
import { villageApi, villageKeys } from './api';

/** Template download, the upload into the chosen village, and the live progress and row errors of the batch just started. */
export function ImportPanel({ villageId }: { villageId: string }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { upload, batch: b } = useImportBatch({
    key: villageKeys.batch, fetch: villageApi.batch, upload: (file: File) => villageApi.upload(file, villageId),
    onFinished: (done) => {
      void qc.invalidateQueries({ queryKey: ['villageAssets', 'ledger'] });
      if (done.status === 'done') void message.success(t('villageAssets.ui.importDone'));
    },
  });
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
        <ImportProgress batch={b} testId="village-import-progress" phaseLabel={(p) => t(`villageAssets.ui.phase.${p}` as MessageKey)}>
          {b.counts && (
            <Typography.Paragraph style={{ marginTop: 8 }} data-testid="village-import-counts">
              {t('villageAssets.ui.countsText', { entries: b.counts.entries ?? 0, contracts: b.counts.contracts ?? 0, disposals: b.counts.disposals ?? 0 })}
              {b.counts.hits !== undefined && <>；<Link to={`/risk/hits?domain=villageAssets`} data-testid="village-import-hits">{t('villageAssets.ui.hitsFound', { n: b.counts.hits })}</Link></>}
            </Typography.Paragraph>
          )}
        </ImportProgress>
      )}
    </div>
  );
}
