import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Progress, Steps, Switch, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { downloadFile, showError } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT, type MessageKey } from '../../../web/i18n';
import { riskApi, riskKeys } from './api';
import { batchPercent } from './derive';
import { ImportErrors } from './ImportErrors';

const phases = ['parse', 'write', 'screen', 'done'] as const;

/** Template download, the upload with its default unit, and the live progress of the batch just started. */
export function ImportPanel() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { me, can } = useAuth();
  const [unitId, setUnitId] = useState<string | undefined>(me?.unit.id);
  const [screen, setScreen] = useState(true);
  const [batchId, setBatchId] = useState<string>();
  const upload = useMutation({
    meta: { manualError: true },
    mutationFn: (file: File) => riskApi.upload(file, unitId, screen),
    onSuccess: (b) => { setBatchId(b.id); qc.setQueryData(riskKeys.batch(b.id), b); void qc.invalidateQueries({ queryKey: ['risk', 'imports'] }); },
    onError: showError,
  });
  // Poll while the batch runs; stop as soon as it is done or failed.
  const batch = useQuery({
    queryKey: riskKeys.batch(batchId ?? ''),
    queryFn: () => riskApi.batch(batchId!),
    enabled: !!batchId,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 700 : false),
  });
  const b = batch.data;
  useEffect(() => {
    if (!b || b.status === 'running') return;
    void qc.invalidateQueries({ queryKey: riskKeys.all });
    if (b.status === 'done') void message.success(t('risk.ui.importDone'));
    // Once per finished batch.
  }, [b?.status, b?.id]);
  const current = b ? phases.indexOf(b.phase) : -1;
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
        <div data-testid="risk-import-progress" data-status={b.status} style={{ marginTop: 16 }}>
          <Typography.Text strong>{b.fileName}</Typography.Text>
          {/* A failed batch ends in phase "done" too; its errors say where it stopped, the steps would not. */}
          {b.status !== 'failed' && (
            <Steps size="small" style={{ margin: '12px 0' }} current={current} status={b.status === 'done' ? 'finish' : 'process'}
              items={phases.map((p) => ({ title: t(`risk.ui.phase.${p}` as MessageKey) }))} />
          )}
          <Progress percent={batchPercent(b)} status={b.status === 'failed' ? 'exception' : b.status === 'done' ? 'success' : 'active'} />
          {b.counts && (
            <Typography.Paragraph style={{ marginTop: 8 }} data-testid="risk-import-counts">
              {t('risk.ui.countsText', { ...b.counts })}
              {b.counts.hits !== undefined && <>；<Link to="/risk/hits">{t('risk.ui.hitsFound', { n: b.counts.hits })}</Link></>}
            </Typography.Paragraph>
          )}
          {b.errors.length > 0 && <ImportErrors errors={b.errors} />}
        </div>
      )}
    </Card>
  );
}
