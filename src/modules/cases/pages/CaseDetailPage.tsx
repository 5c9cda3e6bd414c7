import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Dropdown, Flex, Space, Steps, Table, Tag, Timeline } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, downloadFile, showError } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { PageHeader } from '../../../web/components/PageHeader';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { caseStages } from '../rules/caseStages';
import { disciplines, formatArticleRef } from '../rules/disciplines';
import { fenToWan, type CaseDeadline, type CaseSubject, type CaseView } from './caseView';
import { deadlineColor, ruleLabel, sanctionLabel, stageLabel } from './labels';
import { useCaseTypeLabel } from './caseTypeOptions';
import { OutcomeModal } from './OutcomeModal';
import { ExtensionModal, FulfilModal, RecoveryModal, ViolationModal } from './RecordModals';
import { MemberModal, StageModal, SuspensionModal } from './StageModals';
import { MeasuresCard } from './MeasuresCard';
import { ReviewsCard } from './ReviewsCard';

type Dialog = 'stage' | 'suspension' | 'member' | 'violation' | 'recovery' | null;

/** A case file: the stage stepper and its actions, subjects, team, time limits, violations, outcomes, recoveries and documents. */
export default function CaseDetailPage() {
  const t = useT();
  const locale = useLocale();
  const typeLabel = useCaseTypeLabel(locale);
  const { can } = useAuth();
  const { id = '' } = useParams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [outcomeFor, setOutcomeFor] = useState<CaseSubject | null>(null);
  const [extend, setExtend] = useState<CaseDeadline | null>(null);
  const [fulfil, setFulfil] = useState<CaseDeadline | null>(null);
  const q = useQuery({ queryKey: ['cases', 'case', id], queryFn: () => api.get<CaseView>(`/cases/cases/${id}`) });
  const c = q.data;
  if (!c) return <Card loading={q.isLoading} />;
  const write = can('cases.case.write') && c.stage !== 'closed';
  const name = (sid: string | null) => c.subjects.find((s) => s.id === sid)?.name ?? '';
  const sanctioned = c.subjects.filter((s) => c.outcomes.some((o) => o.subject_id === s.id && o.type === 'sanction'));
  const current = caseStages.indexOf(c.stage as (typeof caseStages)[number]);
  const state = (s: string) => t(`cases.ui.state.${s}` as MessageKey);
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader title={`${c.doc_no} ${c.title}`} crumbs={[t('menu.group.cases'), t('menu.cases')]}
        extra={<Flex gap={8} wrap>
          {write && <Button type="primary" onClick={() => setDialog('stage')} data-testid="case-advance">{t('cases.ui.advanceStage')}</Button>}
          {write && <Button onClick={() => setDialog('suspension')} data-testid="case-suspension">{t(c.suspended_since ? 'cases.ui.resume' : 'cases.ui.suspend')}</Button>}
          {write && <Button onClick={() => setDialog('member')} data-testid="case-add-member">{t('cases.ui.addMember')}</Button>}
          <Dropdown menu={{ items: [
            { key: 'opening', label: t('cases.ui.openingDecision'), onClick: () => void downloadFile(`/cases/cases/${id}/opening-decision.docx`, undefined, 'opening-decision.docx').catch(showError) },
            ...sanctioned.map((s) => ({ key: s.id, label: `${t('cases.ui.sanctionDecision')}（${s.name}）`,
              onClick: () => void downloadFile(`/cases/cases/${id}/subjects/${s.id}/sanction-decision.docx`, undefined, 'sanction-decision.docx').catch(showError) })),
          ] }}>
            <Button icon={<DownloadOutlined />} data-testid="case-documents">{t('cases.ui.documents')}</Button>
          </Dropdown>
        </Flex>} />
      <Flex vertical gap={16}>
        <Card>
          <Steps current={current} status={c.suspended_since ? 'error' : c.stage === 'closed' ? 'finish' : 'process'} data-testid="case-steps" style={{ marginBottom: 24 }}
            items={caseStages.map((s) => ({ title: stageLabel(s, locale), content: s === c.stage ? c.stage_since : undefined }))} />
          <Descriptions column={3} size="small" items={[
            { key: 'stage', label: t('cases.ui.stage'), children: <span data-testid="case-stage"><Tag color={c.stage === 'closed' ? 'green' : 'blue'}>{stageLabel(c.stage, locale)}</Tag>{c.suspended_since && <Tag color="red">{t('cases.ui.suspended')} {c.suspended_since}</Tag>}</span> },
            { key: 'opened', label: t('cases.ui.openedOn'), children: c.opened_on },
            { key: 'since', label: t('cases.ui.stageSince'), children: c.stage_since },
            { key: 'type', label: t('cases.ui.caseType'), children: <>{typeLabel(c.case_type_code)} {c.economic && <Tag color="volcano">{t('cases.ui.economic')}</Tag>}</> },
            { key: 'team', label: t('cases.ui.team'), children: c.members.map((m) => `${m.display_name}（${t(`cases.ui.role.${m.role}` as MessageKey)}）`).join('、') },
            { key: 'rec', label: t('cases.ui.recovered'), children: c.recoveredWan },
          ]} />
        </Card>
        <Card title={t('cases.ui.subjects')} size="small">
          <Table rowKey="id" size="small" pagination={false} dataSource={c.subjects} data-testid="case-subjects" columns={[
            { title: t('cases.ui.name'), dataIndex: 'name', render: (n: string, s) => <Link to={`/cases/integrity?official=${s.official_id}`}>{n}</Link> },
            { title: t('cases.ui.unit'), dataIndex: 'unitName' },
            { title: t('cases.ui.post'), dataIndex: 'post_at_time' },
            { title: t('cases.ui.rank'), dataIndex: 'rank_at_time', render: (r: string) => t(`cases.ui.rank.${r}` as MessageKey) },
            { title: t('cases.ui.village'), key: 'v', render: (_, s) => [s.village_secretary && `${t('cases.ui.flag.secretary')}（${t(`cases.ui.flag.${s.village_secretary}` as MessageKey)}）`, s.village_director && `${t('cases.ui.flag.director')}（${t(`cases.ui.flag.${s.village_director}` as MessageKey)}）`].filter(Boolean).join(' ') },
            { title: '', key: 'a', width: 120, render: (_, s) => write && c.stage === 'decision' && <Button size="small" onClick={() => setOutcomeFor(s)} data-testid="subject-decide">{t('cases.ui.decideOutcome')}</Button> },
          ]} />
        </Card>
        <Flex gap={16} wrap>
          <Card title={t('cases.ui.deadlines')} size="small" style={{ flex: 2, minWidth: 520 }}>
            <Table rowKey="id" size="small" pagination={false} dataSource={c.deadlines} data-testid="case-deadlines" columns={[
              { title: t('cases.ui.rule'), key: 'r', render: (_, d) => (locale === 'en' ? d.labelEn : d.labelZh) },
              { title: t('cases.ui.startedOn'), dataIndex: 'started_on', width: 100 },
              { title: t('cases.ui.dueOn'), dataIndex: 'due_on', width: 100, render: (d: string | null, r) => <>{d}{r.extensions?.length ? <Tag style={{ marginLeft: 4 }}>{t('cases.ui.extended')}×{r.extensions.length}</Tag> : null}</> },
              { title: t('cases.ui.fulfilledOn'), dataIndex: 'fulfilled_on', width: 100 },
              { title: '', dataIndex: 'state', width: 90, render: (s: string) => <Tag color={deadlineColor[s]}>{state(s)}</Tag> },
              { title: t('cases.ui.basis'), dataIndex: 'source', ellipsis: true },
              { title: '', key: 'a', width: 130, render: (_, d) => write && !d.fulfilled_on && (
                <Space size={4}>
                  <Button size="small" type="link" onClick={() => setExtend(d)}>{t('cases.ui.extend')}</Button>
                  <Button size="small" type="link" onClick={() => setFulfil(d)}>{t('cases.ui.fulfil')}</Button>
                </Space>
              ) },
            ]} />
          </Card>
          <Card title={t('cases.ui.timeline')} size="small" style={{ flex: 1, minWidth: 280 }}>
            <Timeline items={c.events.map((e) => ({
              key: e.id,
              content: `${e.on_date} ${t(`cases.ui.event.${e.kind}` as MessageKey)}${e.to_stage ? `：${stageLabel(e.to_stage, locale)}` : ''}${e.rule_key ? `（${c.deadlines.find((d) => d.rule_key === e.rule_key)?.[locale === 'en' ? 'labelEn' : 'labelZh'] ?? ruleLabel(`cases.deadlineRule.${e.rule_key}`, locale)}）` : ''}`,
            }))} />
          </Card>
        </Flex>
        <Card title={t('cases.ui.violations')} size="small" extra={write && <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('violation')} data-testid="case-add-violation">{t('cases.ui.addViolation')}</Button>}>
          <Table rowKey="id" size="small" pagination={false} dataSource={c.violations} columns={[
            { title: t('cases.ui.name'), key: 'n', render: (_, v) => name(v.subject_id) },
            { title: t('cases.ui.discipline'), dataIndex: 'discipline', render: (d: string) => { const x = disciplines.find((y) => y.code === d); return x ? (locale === 'en' ? x.labelEn : x.labelZh) : d; } },
            { title: t('cases.ui.article'), key: 'a', render: (_, v) => formatArticleRef({ regulation: v.regulation as never, article: v.article }) },
            { title: t('cases.ui.caseType'), dataIndex: 'case_type_code', render: (code: string) => typeLabel(code) },
            { title: t('cases.ui.facts'), dataIndex: 'description', ellipsis: true },
          ]} />
        </Card>
        <Card title={t('cases.ui.outcomes')} size="small">
          <Table rowKey="id" size="small" pagination={false} dataSource={c.outcomes} data-testid="case-outcomes" columns={[
            { title: t('cases.ui.name'), key: 'n', render: (_, o) => name(o.subject_id) },
            { title: t('cases.ui.outcome'), key: 'o', render: (_, o) => <>{o.type === 'sanction' ? sanctionLabel(o.track, o.kind, locale) : t(`cases.ui.type.${o.type}` as MessageKey)}
              {o.revoked_on && <Tag color="default" style={{ marginLeft: 4 }}>{t('cases.ui.revoked')} {o.revoked_on}</Tag>}{o.superseded_by && <Tag style={{ marginLeft: 4 }}>{t('cases.ui.superseded')}</Tag>}</> },
            { title: t('cases.ui.decidedOn'), dataIndex: 'decided_on' },
            { title: t('cases.ui.effectUntil'), key: 'e', render: (_, o) => (o.type !== 'sanction' || o.revoked_on ? '' : o.permanent ? t('cases.ui.permanent') : <>{o.effect_until}{o.merged && <Tag style={{ marginLeft: 4 }}>{t('cases.ui.merged')}</Tag>}{o.detail?.termEnds && <Tag style={{ marginLeft: 4 }}>{t('cases.ui.termEnds')} {o.detail.termEnds}</Tag>}</>) },
          ]} />
        </Card>
        <MeasuresCard c={c} write={write} />
        {/* A 复审/复核 may come after the case is closed: only the permission gates it. */}
        {sanctioned.length > 0 && <ReviewsCard c={c} write={can('cases.case.write')} />}
        <Card title={`${t('cases.ui.recoveries')}（${t('cases.ui.total')} ${c.recoveredWan} ${t('cases.ui.wan')}）`} size="small"
          extra={write && <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('recovery')} data-testid="case-add-recovery">{t('cases.ui.addRecovery')}</Button>}>
          <Table rowKey="id" size="small" pagination={false} dataSource={c.recoveries} columns={[
            { title: t('cases.ui.recoveredOn'), dataIndex: 'recovered_on' },
            { title: `${t('cases.ui.amount')}（${t('cases.ui.wan')}）`, dataIndex: 'amount_fen', render: (f: number) => fenToWan(f) },
            { title: t('cases.ui.name'), key: 'n', render: (_, r) => name(r.subject_id) },
            { title: t('cases.ui.note'), dataIndex: 'note' },
          ]} />
        </Card>
      </Flex>
      <StageModal c={c} open={dialog === 'stage'} onClose={close} />
      <SuspensionModal c={c} open={dialog === 'suspension'} onClose={close} />
      <MemberModal c={c} open={dialog === 'member'} onClose={close} />
      <ViolationModal c={c} open={dialog === 'violation'} onClose={close} />
      <RecoveryModal c={c} open={dialog === 'recovery'} onClose={close} />
      <OutcomeModal c={c} subject={outcomeFor} onClose={() => setOutcomeFor(null)} />
      <ExtensionModal c={c} deadline={extend} onClose={() => setExtend(null)} />
      <FulfilModal c={c} deadline={fulfil} onClose={() => setFulfil(null)} />
    </>
  );
}
