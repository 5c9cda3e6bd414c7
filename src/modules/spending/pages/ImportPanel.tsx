import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { downloadFile, showError } from '../../../web/api/client';
import { useT, type MessageKey } from '../../../web/i18n';
import { ImportProgress, useImportBatch } from '../../../web/components/ImportProgress';
import { spendingApi, spendingKeys } from './api';

/** Template download, the upload, and the live progress and row errors of the batch just started. */
export function ImportPanel() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { upload, batch: b } = useImportBatch({
    key: spendingKeys.batch, fetch: spendingApi.batch, upload: spendingApi.upload,
    onFinished: (done) => {
      void qc.invalidateQueries({ queryKey: ['spending', 'list'] });
      void qc.invalidateQueries({ queryKey: ['spending', 'imports'] });
      if (done.status === 'done') void message.success(t('spending.ui.importDone'));
    },
  });
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
        <ImportProgress batch={b} testId="spending-import-progress" phaseLabel={(p) => t(`spending.ui.phase.${p}` as MessageKey)}>
          {b.counts && (
            <Typography.Paragraph style={{ marginTop: 8 }} data-testid="spending-import-counts">
              {t('spending.ui.importCounts', { ...b.counts })}；<Link to="/risk/hits?domain=spending">{t('spending.ui.hitsLink')}</Link>
            </Typography.Paragraph>
          )}
        </ImportProgress>
      )}
    </Card>
  );
}
