import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, downloadFile, showError } from '../../../web/api/client';
import { useT, type MessageKey } from '../../../web/i18n';
import { deadlineColor } from './labels';

interface ClueView {
  id: string; serial: string; title: string; received_on: string; disposal: string | null; disposal_on: string | null; approvalLevel: string; outcome: string | null; outcome_on: string | null;
  sources: Array<{ id: string; source_type: string; source_id: string | null; outcome: string | null; outcome_on: string | null }>;
  accused: Array<{ id: string; name: string; unitName: string; post: string | null; rank_at_time: string }>;
  deadlines: Array<{ key: string; due: string; done: string | null; source: string; state: string }>;
}

/** One clue: its sources (with the outcome they receive back), the accused, the time limits and the inquiry notice. */
export function ClueDrawer({ id, onClose }: { id?: string; onClose: () => void }) {
  const t = useT();
  const q = useQuery({ queryKey: ['cases', 'clue', id], queryFn: () => api.get<ClueView>(`/cases/clues/${id}`), enabled: !!id });
  const c = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={c ? `${c.serial} ${c.title}` : ''} loading={q.isLoading}
      extra={c?.disposal === 'inquiry' && (
        <Button icon={<DownloadOutlined />} onClick={() => downloadFile(`/cases/clues/${c.id}/inquiry-notice.docx`, undefined, 'inquiry-notice.docx').catch(showError)}>{t('cases.ui.inquiryNotice')}</Button>
      )}>
      {c && (
        <>
          <Descriptions column={2} size="small" items={[
            { key: 'r', label: t('cases.ui.receivedOn'), children: c.received_on },
            { key: 'd', label: t('cases.ui.disposal'), children: c.disposal ? `${t(`cases.ui.disposal.${c.disposal}` as MessageKey)} ${c.disposal_on}` : t('cases.ui.pending') },
            { key: 'o', label: t('cases.ui.outcome'), children: c.outcome ? `${t(`cases.ui.outcome.${c.outcome}` as MessageKey)} ${c.outcome_on ?? ''}` : '' },
          ]} />
          <Table rowKey="id" size="small" pagination={false} style={{ marginTop: 16 }} dataSource={c.accused} columns={[
            { title: t('cases.ui.name'), dataIndex: 'name' }, { title: t('cases.ui.unit'), dataIndex: 'unitName' }, { title: t('cases.ui.post'), dataIndex: 'post' },
            { title: t('cases.ui.rank'), dataIndex: 'rank_at_time', render: (r: string) => t(`cases.ui.rank.${r}` as MessageKey) },
          ]} />
          <Table rowKey="key" size="small" pagination={false} style={{ marginTop: 16 }} dataSource={c.deadlines} columns={[
            { title: t('cases.ui.rule'), dataIndex: 'key', render: (k: string) => (k === 'clueDisposalOpinion' ? t('cases.ui.disposalDue') : t('cases.ui.dueOn')) },
            { title: t('cases.ui.dueOn'), dataIndex: 'due', render: (d: string, r) => <Tag color={deadlineColor[r.state]}>{d}</Tag> },
            { title: t('cases.ui.fulfilledOn'), dataIndex: 'done' },
            { title: t('cases.ui.basis'), dataIndex: 'source' },
          ]} />
          <Table rowKey="id" size="small" pagination={false} style={{ marginTop: 16 }} dataSource={c.sources} columns={[
            { title: t('cases.ui.source'), dataIndex: 'source_type', render: (s: string) => t(`cases.ui.source.${s}` as MessageKey) },
            { title: t('cases.ui.serial'), dataIndex: 'source_id' },
            { title: t('cases.ui.outcome'), key: 'o', render: (_, s) => (s.outcome ? `${t((s.outcome.startsWith('disposal.') ? `cases.ui.${s.outcome}` : `cases.ui.outcome.${s.outcome}`) as MessageKey)} ${s.outcome_on ?? ''}` : '') },
          ]} />
        </>
      )}
    </Drawer>
  );
}
