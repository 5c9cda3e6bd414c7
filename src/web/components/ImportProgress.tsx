import { useEffect, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Progress, Steps, Typography } from 'antd';
import { showError } from '../api/client';
import { batchPercent, importPhases, type ImportBatchState, type ImportPhase } from './importBatch';
import { ImportErrors } from './ImportErrors';

// The page side of an import job (see importBatch.ts): start it, follow it, show it.

/** Upload a file as a job and follow it until it ends; `onFinished` runs once per ended batch. */
export function useImportBatch<B extends ImportBatchState>(opts: {
  key: (id: string) => QueryKey; fetch: (id: string) => Promise<B>; upload: (file: File) => Promise<B>; onFinished: (b: B) => void;
}) {
  const qc = useQueryClient();
  const [batchId, setBatchId] = useState<string>();
  const upload = useMutation({
    meta: { manualError: true },
    mutationFn: opts.upload,
    onSuccess: (b) => { setBatchId(b.id); qc.setQueryData(opts.key(b.id), b); },
    onError: showError,
  });
  const batch = useQuery({
    queryKey: opts.key(batchId ?? ''), queryFn: () => opts.fetch(batchId!), enabled: !!batchId,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 700 : false),
  });
  const b = batch.data;
  useEffect(() => {
    if (b && b.status !== 'running') opts.onFinished(b);
    // Once per ended batch.
  }, [b?.status, b?.id]);
  return { upload, batch: b };
}

/** The batch's file, its phases, the bar, what the module counts (children) and the row errors. */
export function ImportProgress({ batch: b, testId, phaseLabel, children }: {
  batch: ImportBatchState; testId: string; phaseLabel: (p: ImportPhase) => string; children?: ReactNode;
}) {
  return (
    <div data-testid={testId} data-status={b.status} style={{ marginTop: 12 }}>
      <Typography.Text strong>{b.fileName}</Typography.Text>
      {b.status !== 'failed' && (
        <Steps size="small" style={{ margin: '12px 0' }} current={importPhases.indexOf(b.phase)} status={b.status === 'done' ? 'finish' : 'process'}
          items={importPhases.map((p) => ({ title: phaseLabel(p) }))} />
      )}
      <Progress percent={batchPercent(b)} status={b.status === 'failed' ? 'exception' : b.status === 'done' ? 'success' : 'active'} />
      {children}
      {b.errors.length > 0 && <ImportErrors errors={b.errors} />}
    </div>
  );
}
