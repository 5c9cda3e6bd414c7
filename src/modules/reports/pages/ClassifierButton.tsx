import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Modal, Progress, Tag } from 'antd';
import { useState } from 'react';
import { ApiError, api, showError } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { useT } from '../../../web/i18n';

interface Status {
  job: { id: string; status: 'queued' | 'running' | 'succeeded' | 'failed'; progress: number; stage: string | null; error: string | null; finishedAt: string | null } | null;
  model: { id: string; trainedAt: string; trainedBy: string | null; examples: number; macroF1: number | null; labels: string[] } | null;
  minPerCategory: number;
}

/** The category model: what is active, and (with the permission) training it again, with the job's progress. */
export function ClassifierButton() {
  const t = useT();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const status = useQuery({
    queryKey: ['reports', 'classifier'],
    queryFn: () => api.get<Status>('/reports/classifier'),
    enabled: open,
    refetchInterval: (q) => (q.state.data?.job && ['queued', 'running'].includes(q.state.data.job.status) ? 1000 : false),
  });
  const train = useMutation({
    mutationFn: () => api.post<{ jobId: string }>('/reports/classifier/train'),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['reports', 'classifier'] }),
    // A refusal names its reason (too few categories, a job already running) in the issue, not the headline.
    onError: (err) => showError(err instanceof ApiError && err.issues.length > 0 ? new Error(err.issues.map((i) => i.message).join('；')) : err),
  });
  const s = status.data;
  const running = !!s?.job && ['queued', 'running'].includes(s.job.status);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="classifier-open">{t('reports.classifier.title')}</Button>
      <Modal open={open} onCancel={() => setOpen(false)} title={t('reports.classifier.title')} destroyOnHidden
        footer={can('reports.classifier.train') && (
          <Button type="primary" loading={train.isPending || running} onClick={() => train.mutate()} data-testid="classifier-train">{t('reports.classifier.train')}</Button>
        )}>
        <Alert type="info" style={{ marginBottom: 12 }} title={t('reports.classifier.hint', { min: s?.minPerCategory ?? 5 })} />
        {s?.model ? (
          <Descriptions size="small" column={1} items={[
            { key: 'at', label: t('reports.classifier.trainedAt'), children: `${new Date(s.model.trainedAt).toLocaleString()}${s.model.trainedBy ? `（${s.model.trainedBy}）` : ''}` },
            { key: 'n', label: t('reports.classifier.examples'), children: s.model.examples },
            { key: 'f1', label: t('reports.classifier.macroF1'), children: s.model.macroF1 === null ? '—' : s.model.macroF1.toFixed(3) },
            { key: 'labels', label: t('reports.category'), children: s.model.labels.map((l) => <Tag key={l}>{l}</Tag>) },
          ]} />
        ) : <Alert type="warning" title={t('reports.classifier.none')} />}
        {s?.job && s.job.status !== 'succeeded' && (
          <div style={{ marginTop: 12 }}>
            <Progress percent={s.job.progress} status={s.job.status === 'failed' ? 'exception' : 'active'} />
            {s.job.error && <Alert type="error" title={s.job.error} />}
          </div>
        )}
      </Modal>
    </>
  );
}
