import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Flex, Input, List, Modal, Row, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { api, downloadFile } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useLocale, useT, type Locale, type MessageKey } from '../../../web/i18n';
import { ClueFormDrawer } from '../../cases/pages/ClueFormDrawer';
import { RouteDrawer } from './RouteDrawer';
import { entryName, useEfficiencyCategories, useSectors } from './settingsData';
import type { ReportDetail } from './types';

/** An entry's name from a county dictionary; the code itself while the list loads or if the entry is gone. */
const nameOf = (items: Array<{ code: string; name: string; nameEn?: string }> | undefined, code: string | null, locale: Locale) => {
  const entry = code ? items?.find((i) => i.code === code) : undefined;
  return entry ? entryName(entry, locale) : code ?? '—';
};

type TextAction = 'reply' | 'close' | 'reveal' | 'message';

/** One report: facts, open deadlines, the handling timeline, messages with the reporter and the actions. */
export default function ReportDetailPage() {
  const t = useT();
  const locale = useLocale();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { can } = useAuth();
  const [routing, setRouting] = useState(false);
  const [action, setAction] = useState<TextAction | null>(null);
  const [text, setText] = useState('');
  const [identity, setIdentity] = useState<Record<string, string> | null>(null);
  const [toClue, setToClue] = useState(false);
  const navigate = useNavigate();
  const detail = useQuery({ queryKey: ['reports', id], queryFn: () => api.get<ReportDetail>(`/reports/${id}`) });
  const sectors = useSectors();
  const efficiency = useEfficiencyCategories(detail.data?.kind === 'efficiency');
  const refresh = () => void qc.invalidateQueries({ queryKey: ['reports'] });
  const run = useMutation({
    mutationFn: async ({ kind, value }: { kind: TextAction | 'confirm'; value: string }) => {
      if (kind === 'reply') return api.post(`/reports/${id}/reply`, { answer: value });
      if (kind === 'close') return api.post(`/reports/${id}/close`, { result: value });
      if (kind === 'message') return api.post(`/reports/${id}/messages`, { body: value });
      if (kind === 'confirm') return api.post(`/reports/${id}/events/${value}/confirm`);
      setIdentity(await api.post<Record<string, string>>(`/reports/${id}/identity/reveal`, { reason: value }));
    },
    onSuccess: () => { setAction(null); setText(''); refresh(); },
  });
  const r = detail.data;
  if (!r) return <Card loading />;
  const handle = can('reports.report.handle');
  const open = r.status !== 'closed' && r.status !== 'notAccepted';
  // The detail answer carries the accused official's id when intake matched one; a clue made from it names them.
  const accusedId = (r as { accusedOfficialId?: string | null }).accusedOfficialId;

  return (
    <>
      <PageHeader
        title={r.title}
        crumbs={[t('menu.group.reports'), t('menu.reports')]}
        extra={
          <>
            {handle && open && <Button type="primary" onClick={() => setRouting(true)} data-testid="report-route">{t('reports.triageRoute')}</Button>}
            {handle && <Button onClick={() => setAction('reply')} data-testid="report-reply">{t('reports.reply')}</Button>}
            {handle && open && <Button onClick={() => setAction('close')} data-testid="report-close">{t('reports.close')}</Button>}
            {r.identified && can('reports.identity.reveal') && <Button danger onClick={() => setAction('reveal')}>{t('reports.reveal')}</Button>}
            {can('cases.clue.write') && <Button onClick={() => setToClue(true)} data-testid="report-to-clue">{t('cases.ui.reportToClue')}</Button>}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" items={[
              { key: 'serial', label: t('reports.serial'), children: r.serial },
              { key: 'status', label: t('reports.status'), children: <Tag>{t(`reports.status.${r.status}` as MessageKey)}</Tag> },
              { key: 'kind', label: t('reports.kind'), children: t(`reports.kind.${r.kind}` as MessageKey) },
              { key: 'channel', label: t('reports.channel'), children: t(`reports.channel.${r.channel}` as MessageKey) },
              { key: 'category', label: t('reports.category'), children: r.category ?? '—' },
              { key: 'sector', label: t('reports.sector'), children: nameOf(sectors.data?.items, r.sector, locale) },
              ...(r.kind === 'efficiency' ? [{ key: 'efficiencyCategory', label: t('reports.efficiencyCategory'), children: nameOf(efficiency.data?.items, r.efficiencyCategory, locale) }] : []),
              { key: 'unit', label: t('reports.unit'), children: r.unitName },
              { key: 'received', label: t('reports.receivedOn'), children: r.receivedOn },
              { key: 'reporter', label: t('reports.reporter'), children: r.reporter },
              { key: 'accused', label: t('reports.accused'), children: [r.accusedName, r.accusedUnit, r.accusedPost].filter(Boolean).join(' · ') || '—' },
              { key: 'group', label: t('reports.matterGroupSize'), children: r.matterGroupSize },
            ]} />
            <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>{r.content}</Typography.Paragraph>
            {r.attachments.length > 0 && (
              <Space wrap>
                {r.attachments.map((a) => (
                  <Button key={a.id} size="small" onClick={() => void downloadFile(`/reports/${id}/attachments/${a.id}`, undefined, a.fileName)}>{a.fileName}</Button>
                ))}
              </Space>
            )}
            {r.answer && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('reports.answer')}：{r.answer}</Typography.Paragraph>}
            {r.result && <Typography.Paragraph type="secondary">{t('reports.result')}：{r.result}</Typography.Paragraph>}
          </Card>
          <Card title={t('reports.messages')} extra={handle && <Button size="small" onClick={() => setAction('message')}>{t('reports.sendMessage')}</Button>}>
            <List size="small" dataSource={r.messages} locale={{ emptyText: t('common.empty') }}
              renderItem={(m) => <List.Item><Tag>{m.author === 'reporter' ? t('reports.reporter') : t('public.office')}</Tag>{m.body}<Typography.Text type="secondary"> {dayjs(m.at).format('YYYY-MM-DD HH:mm')}</Typography.Text></List.Item>} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          {r.openDeadlines.length > 0 && (
            <Card title={t('reports.openDeadlines')} size="small" style={{ marginBottom: 16 }}>
              <Flex gap={8} wrap>{r.openDeadlines.map((d) => <Tag key={d.name} color={d.due < new Date().toISOString().slice(0, 10) ? 'red' : 'blue'}>{t(`reports.deadline.${d.name}` as MessageKey)} {d.due}</Tag>)}</Flex>
            </Card>
          )}
          <Card title={t('reports.timeline')} size="small">
            <Timeline items={r.events.map((e) => ({
              key: e.id,
              content: (
                <div>
                  <b>{t(`reports.event.${e.type}` as MessageKey)}</b> {e.toUnitName && `→ ${e.toUnitName}`} {e.dueDate && <Tag>{t('reports.dueDate')} {e.dueDate}</Tag>}
                  {['transfer', 'assignment', 'supervision'].includes(e.type) && !e.confirmedAt && handle && (
                    <Button size="small" type="link" onClick={() => run.mutate({ kind: 'confirm', value: e.id })}>{t('reports.confirm')}</Button>
                  )}
                  <div><Typography.Text type="secondary">{dayjs(e.at).format('YYYY-MM-DD HH:mm')} {e.by ?? ''}</Typography.Text></div>
                  {e.note && <div>{e.note}</div>}
                </div>
              ),
            }))} />
          </Card>
        </Col>
      </Row>
      <RouteDrawer report={r} open={routing} onClose={() => setRouting(false)} />
      <ClueFormDrawer open={toClue} onClose={() => setToClue(false)} onCreated={(c) => navigate(`/cases/clues?clue=${c.id}`)} prefill={{
        title: r.title, summary: r.content, sources: [{ type: 'report', id: r.id, note: r.serial }],
        accused: accusedId ? [{ id: accusedId, name: r.accusedName ?? '', unitName: r.accusedUnit ?? undefined, post: r.accusedPost }] : [],
      }} />
      <Modal open={action !== null} title={action ? t(action === 'reveal' ? 'reports.revealReason' : action === 'message' ? 'reports.sendMessage' : `reports.${action}`) : ''}
        onCancel={() => setAction(null)} confirmLoading={run.isPending} onOk={() => action && run.mutate({ kind: action, value: text })} destroyOnHidden>
        <Input.TextArea rows={5} value={text} onChange={(e) => setText(e.target.value)} data-testid="report-action-text" />
      </Modal>
      <Modal open={identity !== null} title={t('reports.revealed')} footer={null} onCancel={() => setIdentity(null)}>
        <Descriptions column={1} items={Object.entries(identity ?? {}).map(([k, v]) => ({ key: k, label: k, children: v }))} />
      </Modal>
    </>
  );
}
