import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Switch, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { downloadFile, showError } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { ImportProgress, useImportBatch } from '../../../web/components/ImportProgress';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT, type MessageKey } from '../../../web/i18n';
import { riskApi, riskKeys } from './api';

/** Template download, the upload with its default unit, and the live progress of the batch just started. */
export function ImportPanel() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { me, can } = useAuth();
  const [unitId, setUnitId] = useState<string | undefined>(me?.unit.id);
  const [screen, setScreen] = useState(true);
  const { upload, batch: b } = useImportBatch({
    key: riskKeys.batch, fetch: riskApi.batch,
    upload: async (file: File) => {
      const started = await riskApi.upload(file, unitId, screen);
      void qc.invalidateQueries({ queryKey: ['risk', 'imports'] });
      return started;
    },
    onFinished: (done) => {
      void qc.invalidateQueries({ queryKey: riskKeys.all });
      if (done.status === 'done') void message.success(t('risk.ui.importDone'));
    },
  });
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex gap={16} wrap align="flex-end">
        <Button icon={<DownloadOutlined />} data-testid="risk-template"
          onClick={() => downloadFile('/risk/imports/template.xlsx', undefined, '招投标数据导入模板.xlsx').catch(showError)}>{t('risk.ui.template')}</Button>
        {can('risk.import') && (
          <>
            <Form.Item label={t('risk.ui.defaultUnit')} tooltip={t('risk.ui.defaultUnitHelp')} style={{ margin: 0, minWidth: 280 }} layout="vertical">
              <UnitTreeSelect value={unitId} onChange={(v) => setUnitId(v as string | undefined)} data-testid="risk-import-unit" />
            </Form.Item>
            <Form.Item label={t('risk.ui.screenAfter')} style={{ margin: 0 }} layout="vertical">
              <Switch checked={screen} onChange={setScreen} data-testid="risk-import-screen" />
            </Form.Item>
            <Upload accept=".xlsx,.json,.jsonl,.ndjson" showUploadList={false} maxCount={1}
              beforeUpload={(file) => { upload.mutate(file); return false; }}>
              <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="risk-import-upload">{t('risk.ui.upload')}</Button>
            </Upload>
          </>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>{t('risk.ui.uploadHint')}</Typography.Paragraph>
      {b && (
        <ImportProgress batch={b} testId="risk-import-progress" phaseLabel={(p) => t(`risk.ui.phase.${p}` as MessageKey)}>
          {b.counts && (
            <Typography.Paragraph style={{ marginTop: 8 }} data-testid="risk-import-counts">
              {t('risk.ui.countsText', { ...b.counts })}
              {b.counts.hits !== undefined && <>；<Link to="/risk/hits">{t('risk.ui.hitsFound', { n: b.counts.hits })}</Link></>}
            </Typography.Paragraph>
          )}
        </ImportProgress>
      )}
    </Card>
  );
}
