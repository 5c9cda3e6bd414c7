import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, downloadFile, showError } from '../../../web/api/client';
import { useT, type MessageKey } from '../../../web/i18n';
import { ClueActions, type ClueState } from './ClueActions';
import { deadlineColor } from './labels';

interface ClueView extends ClueState {
  received_on: string; outcome_on: string | null; disposal_opinion: string | null; case_id: string | null;
  sources: Array<{ id: string; source_type: string; source_id: string | null; note: string | null; outcome: string | null; outcome_on: string | null }>;
  accused: Array<ClueState['accused'][number] & { id: string }>;
  deadlines: Array<{ key: string; due: string; done: string | null; source: string; state: string }>;
}

/** One clue: its sources (with the outcome they receive back), the accused, the time limits and the inquiry notice. */
export function ClueDrawer({ id, onClose }: { id?: string; onClose: () => void }) {
  const t = useT();
  const q = useQuery({ queryKey: ['cases', 'clue', id], queryFn: () => api.get<ClueView>(`/cases/clues/${id}`), enabled: !!id });
  const c = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={c ? `${c.serial} ${c.title}` : ''} loading={q.isLoading}
      extra={c && (
        <Space>
          <ClueActions clue={c} />
          {c.disposal === 'inquiry' && (
            <Button icon={<DownloadOutlined />} onClick={() => downloadFile(`/cases/clues/${c.id}/inquiry-notice.docx`, undefined, 'inquiry-notice.docx').catch(showError)}>{t('cases.ui.inquiryNotice')}</Button>
          )}
        </Space>
      )}>
      {c && (
        <>
          <Descriptions column={2} size="small" items={[
            { key: 'r', label: t('cases.ui.receivedOn'), children: c.received_on },
            { key: 'd', label: t('cases.ui.disposal'), children: <span data-testid="clue-disposal">{c.disposal ? `${t(`cases.ui.disposal.${c.disposal}` as MessageKey)} ${c.disposal_on}` : t('cases.ui.pending')}</span> },
            { key: 'o', label: t('cases.ui.outcome'), children: c.outcome ? <span data-testid="clue-outcome">{t(`cases.ui.outcome.${c.outcome}` as MessageKey)} {c.outcome_on ?? ''}{c.case_id && <a href={`/cases/cases/${c.case_id}`} style={{ marginLeft: 8 }}>{t('cases.ui.viewCase')}</a>}</span> : '' },
            { key: 'op', label: t('cases.ui.opinionText'), span: 2, children: c.disposal_opinion ?? '' },
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
            { title: t('cases.ui.sourceRef'), key: 'ref', render: (_, s) => (s.source_type === 'report' && s.source_id ? <a href={`/reports/${s.source_id}`}>{s.note ?? s.source_id}</a> : [s.source_id, s.note].filter(Boolean).join(' ')) },
            { title: t('cases.ui.outcome'), key: 'o', render: (_, s) => (s.outcome ? `${t((s.outcome.startsWith('disposal.') ? `cases.ui.${s.outcome}` : `cases.ui.outcome.${s.outcome}`) as MessageKey)} ${s.outcome_on ?? ''}` : '') },
          ]} />
        </>
      )}
    </Drawer>
  );
}
