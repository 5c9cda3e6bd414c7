import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Table, Tag, Timeline } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { api, downloadFile, showError } from '../../../web/api/client';
import { PageHeader } from '../../../web/components/PageHeader';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { caseTypeLabel, deadlineColor, sanctionLabel, stageColor, stageLabel } from './labels';

interface CaseView {
  id: string; doc_no: string; title: string; stage: string; stage_since: string; opened_on: string; case_type_code: string; economic: boolean; suspended_since: string | null; recoveredWan: string;
  subjects: Array<{ id: string; name: string; unitName: string; post_at_time: string | null; rank_at_time: string; village_secretary: string | null; village_director: string | null }>;
  members: Array<{ user_id: string; display_name: string; role: string; added_on: string }>;
  events: Array<{ id: string; kind: string; on_date: string; from_stage: string | null; to_stage: string | null; rule_key: string | null }>;
  deadlines: Array<{ id: string; rule_key: string; labelZh: string; labelEn: string; source: string; started_on: string; due_on: string | null; fulfilled_on: string | null; state: string }>;
  outcomes: Array<{ id: string; subject_id: string; type: string; track: string | null; kind: string | null; decided_on: string; effect_until: string | null; permanent: boolean }>;
}

/** A case file: subjects, team, the stage timeline with every time limit and its basis, outcomes and documents. */
export default function CaseDetailPage() {
  const t = useT();
  const locale = useLocale();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['cases', 'case', id], queryFn: () => api.get<CaseView>(`/cases/cases/${id}`) });
  const c = q.data;
  if (!c) return <Card loading={q.isLoading} />;
  const name = (sid: string) => c.subjects.find((s) => s.id === sid)?.name ?? '';
  const sanctioned = c.subjects.filter((s) => c.outcomes.some((o) => o.subject_id === s.id && o.type === 'sanction'));
  return (
    <>
      <PageHeader title={`${c.doc_no} ${c.title}`} crumbs={[t('menu.group.cases'), t('menu.cases')]}
        extra={<Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} data-testid="doc-opening" onClick={() => downloadFile(`/cases/cases/${id}/opening-decision.docx`, undefined, 'opening-decision.docx').catch(showError)}>{t('cases.ui.openingDecision')}</Button>
          {sanctioned.map((s) => (
            <Button key={s.id} icon={<DownloadOutlined />} onClick={() => downloadFile(`/cases/cases/${id}/subjects/${s.id}/sanction-decision.docx`, undefined, 'sanction-decision.docx').catch(showError)}>
              {t('cases.ui.sanctionDecision')}（{s.name}）</Button>
          ))}
        </Flex>} />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={3} size="small" items={[
            { key: 'stage', label: t('cases.ui.stage'), children: <><Tag color={stageColor[c.stage]}>{stageLabel(c.stage, locale)}</Tag>{c.suspended_since && <Tag color="red">{t('cases.ui.suspended')} {c.suspended_since}</Tag>}</> },
            { key: 'opened', label: t('cases.ui.openedOn'), children: c.opened_on },
            { key: 'since', label: t('cases.ui.stageSince'), children: c.stage_since },
            { key: 'type', label: t('cases.ui.caseType'), children: <>{caseTypeLabel(c.case_type_code, locale)} {c.economic && <Tag color="volcano">{t('cases.ui.economic')}</Tag>}</> },
            { key: 'team', label: t('cases.ui.team'), children: c.members.map((m) => `${m.display_name}（${t(`cases.ui.role.${m.role}` as MessageKey)}）`).join('、') },
            { key: 'rec', label: t('cases.ui.recovered'), children: c.recoveredWan },
          ]} />
        </Card>
        <Card title={t('cases.ui.subjects')} size="small">
          <Table rowKey="id" size="small" pagination={false} dataSource={c.subjects} columns={[
            { title: t('cases.ui.name'), dataIndex: 'name' },
            { title: t('cases.ui.unit'), dataIndex: 'unitName' },
            { title: t('cases.ui.post'), dataIndex: 'post_at_time' },
            { title: t('cases.ui.rank'), dataIndex: 'rank_at_time', render: (r: string) => t(`cases.ui.rank.${r}` as MessageKey) },
            { title: t('cases.ui.village'), key: 'v', render: (_, s) => [s.village_secretary && `${t('cases.ui.flag.secretary')}（${t(`cases.ui.flag.${s.village_secretary}` as MessageKey)}）`, s.village_director && `${t('cases.ui.flag.director')}（${t(`cases.ui.flag.${s.village_director}` as MessageKey)}）`].filter(Boolean).join(' ') },
          ]} />
        </Card>
        <Flex gap={16} wrap>
          <Card title={t('cases.ui.deadlines')} size="small" style={{ flex: 2, minWidth: 480 }}>
            <Table rowKey="id" size="small" pagination={false} dataSource={c.deadlines} columns={[
              { title: t('cases.ui.rule'), key: 'r', render: (_, d) => (locale === 'en' ? d.labelEn : d.labelZh) },
              { title: t('cases.ui.startedOn'), dataIndex: 'started_on', width: 100 },
              { title: t('cases.ui.dueOn'), dataIndex: 'due_on', width: 100 },
              { title: t('cases.ui.fulfilledOn'), dataIndex: 'fulfilled_on', width: 100 },
              {
                title: '', dataIndex: 'state', width: 100,
                render: (s: string) => <Tag color={deadlineColor[s]}>{s === 'done' || s === 'stopped' ? t(`cases.ui.state.${s}` as MessageKey) : s === 'ok' ? (locale === 'en' ? 'In time' : '正常') : s === 'dueSoon' ? (locale === 'en' ? 'Due soon' : '即将到期') : (locale === 'en' ? 'Overdue' : '已超期')}</Tag>,
              },
              { title: t('cases.ui.basis'), dataIndex: 'source', ellipsis: true },
            ]} />
          </Card>
          <Card title={t('cases.ui.timeline')} size="small" style={{ flex: 1, minWidth: 280 }}>
            <Timeline items={c.events.map((e) => ({
              key: e.id,
              children: `${e.on_date} ${t(`cases.ui.event.${e.kind}` as MessageKey)}${e.to_stage ? `：${stageLabel(e.to_stage, locale)}` : ''}${e.rule_key ? `（${e.rule_key}）` : ''}`,
            }))} />
          </Card>
        </Flex>
        <Card title={t('cases.ui.outcomes')} size="small">
          <Table rowKey="id" size="small" pagination={false} dataSource={c.outcomes} columns={[
            { title: t('cases.ui.name'), key: 'n', render: (_, o) => name(o.subject_id) },
            { title: t('cases.ui.outcome'), key: 'o', render: (_, o) => (o.type === 'sanction' ? sanctionLabel(o.track, o.kind, locale) : t(`cases.ui.type.${o.type}` as MessageKey)) },
            { title: t('cases.ui.decidedOn'), dataIndex: 'decided_on' },
            { title: t('cases.ui.effectUntil'), key: 'e', render: (_, o) => (o.permanent ? t('cases.ui.permanent') : o.effect_until) },
          ]} />
        </Card>
      </Flex>
    </>
  );
}
