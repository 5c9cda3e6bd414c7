import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Modal, Space, Spin, Table, Typography } from 'antd';
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { downloadFile, showError } from '../../../web/api/client';
import { PageHeader } from '../../../web/components/PageHeader';
import { useAuth } from '../../../web/auth/AuthContext';
import { useT } from '../../../web/i18n';
import { analysisApi, type MetricChange, type ReportListItem } from './api';
import { currentPeriod, PeriodPicker, periodKey, type PeriodValue } from './PeriodPicker';

/** Generate the quarterly situation analysis, keep every generated version, and see what changed since. */
export default function ReportsPage() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { can } = useAuth();
  const [period, setPeriod] = useState<PeriodValue>(currentPeriod);
  const [nextSteps, setNextSteps] = useState('');
  const [changes, setChanges] = useState<{ report: ReportListItem; items: MetricChange[] } | null>(null);
  const list = useQuery({ queryKey: ['analysis', 'reports'], queryFn: analysisApi.reports });
  const generate = useMutation({
    mutationFn: () => analysisApi.generate(periodKey(period), period.cumulative, nextSteps.trim() ? nextSteps.split('\n').map((s) => s.trim()).filter(Boolean) : undefined),
    onSuccess: async () => { message.success(t('report.created')); await qc.invalidateQueries({ queryKey: ['analysis', 'reports'] }); },
    onError: showError,
  });
  const canGenerate = can('analysis.report');
  const openChanges = async (report: ReportListItem) => {
    try { setChanges({ report, items: (await analysisApi.changes(report.id)).items }); } catch (err) { showError(err); }
  };

  return (
    <>
      <PageHeader title={t('menu.analysisReports')} crumbs={[t('menu.group.analysis')]} />
      {canGenerate && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form layout="vertical">
            <Form.Item label={t('analysis.period')}><PeriodPicker value={period} onChange={setPeriod} /></Form.Item>
            <Form.Item label={t('report.nextSteps')}>
              <Input.TextArea rows={3} value={nextSteps} onChange={(e) => setNextSteps(e.target.value)} data-testid="report-next-steps" />
            </Form.Item>
            <Space>
              <Button type="primary" icon={<FileWordOutlined />} loading={generate.isPending} onClick={() => generate.mutate()} data-testid="report-generate">
                {t('report.generate')}
              </Button>
              {generate.isPending && <Spin size="small" tip={t('report.generating')}><span data-testid="report-progress">{t('report.generating')}…</span></Spin>}
            </Space>
          </Form>
        </Card>
      )}
      <Card size="small" title={t('report.list')}>
        <Table<ReportListItem> rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={{ pageSize: 10 }} data-testid="reports-table"
          columns={[
            { title: t('analysis.period'), dataIndex: 'periodLabel' },
            { title: t('report.generatedAt'), dataIndex: 'generatedAt', render: (v: string) => new Date(v).toLocaleString() },
            { title: t('report.generatedBy'), dataIndex: 'generatedBy', render: (v: string | null) => v ?? 'CLI' },
            { title: '', key: 'actions', render: (_, r) => (
              <Space>
                <Button size="small" icon={<DownloadOutlined />} data-testid={`report-download-${r.id}`}
                  onClick={() => downloadFile(`/analysis/reports/${r.id}/docx`, undefined, `${r.periodKey}.docx`).catch(showError)}>{t('report.download')}</Button>
                <Button size="small" onClick={() => void openChanges(r)} data-testid={`report-changes-${r.id}`}>{t('report.changes')}</Button>
              </Space>
            ) },
          ]} />
      </Card>
      <Modal open={!!changes} onCancel={() => setChanges(null)} footer={null} title={`${changes?.report.periodLabel ?? ''} · ${t('report.changes')}`}>
        {changes && (changes.items.length === 0
          ? <Typography.Paragraph data-testid="report-no-changes">{t('report.noChanges')}</Typography.Paragraph>
          : <List data-testid="report-change-list" dataSource={changes.items} renderItem={(c) => (
              <List.Item>{t('report.changed', { label: c.label, frozen: c.frozen ?? '—', current: c.current ?? '—', added: c.added.length, removed: c.removed.length })}</List.Item>
            )} />)}
      </Modal>
    </>
  );
}
