import { useState } from 'react';
import { Button, Card, Col, Form, Input, Radio, Row, Select, Space, Table, Tag, Tooltip } from 'antd';
import { api } from '../../../web/api/client';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { ActionModal } from './ActionModal';
import type { CaseOutcome, CaseView } from './caseView';
import { todayIso, useStaff } from './formKit';
import { SanctionFields } from './SanctionFields';
import { deadlineColor, ruleLabel, sanctionLabel } from './labels';
import { DateInput } from '../../../web/components/DateInput';

/** A 复审/复核 application as the case file returns it (caseFileParts.reviewsOf). */
export interface CaseReview {
  id: string; subject_id: string; outcome_id: string; level: 'reexamination' | 'recheck'; decision_received_on: string; application_due: string; applied_on: string;
  accepted_on: string; decision_due: string; decision: 'upheld' | 'changed' | 'revoked' | null; decided_on: string | null; reason: string | null;
  new_outcome_id: string | null; state: string;
  /** 申请理由, and the staff handling the review (never the original case's team). */
  statement: string | null; handlers: Array<{ id: string; displayName: string }>;
}

type Level = CaseReview['level'];
const decisionColor: Record<string, string> = { upheld: 'blue', changed: 'orange', revoked: 'red' };

/** The sanction that stands now for a decided one (a 复审 may have changed it before the 复核). */
function standing(outcomes: readonly CaseOutcome[], o: CaseOutcome): CaseOutcome {
  let cur = o;
  for (let i = 0; cur.superseded_by && i < 10; i++) cur = outcomes.find((x) => x.id === cur.superseded_by) ?? cur;
  return cur;
}

/**
 * 复审/复核 of the sanctions decided in this case: per original decision, the application buttons and the sanction
 * that stands now; below, the history of applications with their statutory due days and decisions. The order of
 * the steps (复核 only after a decided 复审) and the periods are the server's rules, shown in the form's red box.
 */
export function ReviewsCard({ c, write }: { c: CaseView; write: boolean }) {
  const t = useT();
  const locale = useLocale();
  const [apply, setApply] = useState<{ outcome: CaseOutcome; level: Level } | null>(null);
  const [decide, setDecide] = useState<CaseReview | null>(null);
  const reviews = (c as CaseView & { reviews?: CaseReview[] }).reviews ?? [];
  const name = (sid: string) => c.subjects.find((s) => s.id === sid)?.name ?? '';
  // Applications name the original decision; a sanction written by a 变更 is reviewed through it.
  const originals = c.outcomes.filter((o) => o.type === 'sanction' && !(o.detail as { changedBy?: unknown } | null)?.changedBy);
  const label = (o: CaseOutcome) => sanctionLabel(o.track, o.kind, locale);
  const level = (l: string) => ruleLabel(`cases.review.${l}`, locale);
  return (
    <Card title={t('cases.ui.reviews')} size="small" data-testid="case-reviews">
      <Table rowKey="id" size="small" pagination={false} dataSource={originals} data-testid="review-outcomes" columns={[
        { title: t('cases.ui.name'), key: 'n', width: 100, render: (_, o) => name(o.subject_id) },
        { title: t('cases.ui.reviewOriginal'), key: 'o', render: (_, o) => `${label(o)}（${o.decided_on}）` },
        { title: t('cases.ui.reviewStanding'), key: 's', render: (_, o) => {
          const s = standing(c.outcomes, o);
          return s.revoked_on ? <Tag>{t('cases.ui.revoked')} {s.revoked_on}</Tag> : label(s);
        } },
        { title: '', key: 'a', width: 200, render: (_, o) => write && (
          <Space size={4}>
            {(['reexamination', 'recheck'] as const).map((l) => (
              <Button key={l} size="small" onClick={() => setApply({ outcome: o, level: l })} data-testid={`review-apply-${l}`}>{t('cases.ui.reviewApply', { level: level(l) })}</Button>
            ))}
          </Space>
        ) },
      ]} />
      <Table rowKey="id" size="small" pagination={false} dataSource={reviews} data-testid="review-history" style={{ marginTop: 12 }} columns={[
        { title: t('cases.ui.name'), key: 'n', width: 90, render: (_, r) => name(r.subject_id) },
        { title: t('cases.ui.reviewLevel'), dataIndex: 'level', width: 70, render: (l: string) => level(l) },
        { title: t('cases.ui.reviewReceivedOn'), dataIndex: 'decision_received_on', width: 105 },
        { title: t('cases.ui.reviewAppliedOn'), key: 'ap', width: 175, render: (_, r) => <>{r.applied_on}<span style={{ color: '#999' }}>（{t('cases.ui.reviewApplicationDue')} {r.application_due}）</span></> },
        { title: t('cases.ui.reviewAcceptedOn'), dataIndex: 'accepted_on', width: 105 },
        { title: t('cases.ui.reviewHandlers'), key: 'h', width: 120, render: (_, r) => r.handlers.map((h) => h.displayName).join('、') },
        { title: t('cases.ui.reviewStatement'), dataIndex: 'statement', ellipsis: { showTitle: false },
          render: (v: string | null) => v && <Tooltip title={v}><span data-testid="review-statement">{v}</span></Tooltip> },
        { title: t('cases.ui.reviewDecisionDue'), key: 'due', width: 170, render: (_, r) => <>{r.decision_due} <Tag color={deadlineColor[r.state]}>{t(`cases.ui.state.${r.state}` as MessageKey)}</Tag></> },
        { title: t('cases.ui.reviewDecision'), key: 'd', render: (_, r) => (r.decision
          ? <Tooltip title={r.reason}><Tag color={decisionColor[r.decision]} data-testid="review-decision">{level(r.decision)}</Tag>{r.decided_on}
            {r.new_outcome_id && <span>：{label(c.outcomes.find((o) => o.id === r.new_outcome_id) ?? ({} as CaseOutcome))}</span>}</Tooltip>
          : write && <Button size="small" type="link" onClick={() => setDecide(r)} data-testid="review-decide">{t('cases.ui.reviewDecide')}</Button>) },
      ]} />
      <ReviewApplyModal c={c} target={apply} reviews={reviews} onClose={() => setApply(null)} />
      <ReviewDecideModal c={c} review={decide} onClose={() => setDecide(null)} />
    </Card>
  );
}

interface ApplyValues { decisionReceivedOn: string; appliedOn: string; acceptedOn?: string; statement?: string; handlerIds?: string[] }

/** Records an application; the received date defaults to the decision it challenges (the original, or the 复审 decision). */
function ReviewApplyModal({ c, target, reviews, onClose }: {
  c: CaseView; target: { outcome: CaseOutcome; level: Level } | null; reviews: readonly CaseReview[]; onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const first = reviews.find((r) => r.outcome_id === target?.outcome.id && r.level === 'reexamination');
  const received = target?.level === 'recheck' ? first?.decided_on ?? todayIso() : target?.outcome.decided_on ?? todayIso();
  const level = target ? ruleLabel(`cases.review.${target.level}`, locale) : '';
  const staff = useStaff();
  return (
    <ActionModal<ApplyValues> open={!!target} title={t('cases.ui.reviewApply', { level })} onClose={onClose} testId="review-apply-form" width={640}
      fields={['decisionReceivedOn', 'appliedOn', 'acceptedOn', 'statement', 'handlerIds']} initial={{ decisionReceivedOn: received, appliedOn: todayIso() }}
      submit={(v) => api.post(`/cases/cases/${c.id}/subjects/${target!.outcome.subject_id}/outcomes/${target!.outcome.id}/reviews`, {
        level: target!.level, decisionReceivedOn: v.decisionReceivedOn, appliedOn: v.appliedOn, acceptedOn: v.acceptedOn || undefined,
        statement: v.statement || undefined, handlerIds: v.handlerIds ?? [],
      })}>
      {() => (
        <>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="decisionReceivedOn" label={t(target?.level === 'recheck' ? 'cases.ui.reviewReceivedFirst' : 'cases.ui.reviewReceivedOn')} rules={[{ required: true }]}>
            <DateInput /></Form.Item></Col>
          <Col span={8}><Form.Item name="appliedOn" label={t('cases.ui.reviewAppliedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
          <Col span={8}><Form.Item name="acceptedOn" label={t('cases.ui.reviewAcceptedOn')} extra={t('cases.ui.reviewAcceptedHint')}><DateInput /></Form.Item></Col>
        </Row>
        {/* Picked from the staff list; the server refuses anyone who was on the original case, naming them. */}
        <Form.Item name="handlerIds" label={t('cases.ui.reviewHandlers')} extra={t('cases.ui.reviewHandlersHint')}>
          <Select mode="multiple" loading={staff.isLoading} showSearch={{ optionFilterProp: 'label' }} data-testid="review-handlers"
            options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.displayName}（${s.unitName}）` }))} /></Form.Item>
        <Form.Item name="statement" label={t('cases.ui.reviewStatement')} extra={t('cases.ui.reviewStatementHint')}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="review-statement-input" /></Form.Item>
        </>
      )}
    </ActionModal>
  );
}

interface DecideValues { decision: 'upheld' | 'changed' | 'revoked'; decidedOn: string; reason: string; track?: 'party' | 'admin'; kind?: string; probationMonths?: 12 | 24; insteadOfRemoval?: boolean; months?: number }

/** 维持 / 变更 / 撤销; a change names the new sanction on the same track, picked as in the outcome form. */
function ReviewDecideModal({ c, review, onClose }: { c: CaseView; review: CaseReview | null; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const original = c.outcomes.find((o) => o.id === review?.outcome_id);
  const current = original ? standing(c.outcomes, original) : undefined;
  const body = (v: DecideValues) => ({
    decision: v.decision, decidedOn: v.decidedOn, reason: v.reason,
    sanction: v.decision !== 'changed' ? undefined : v.track === 'party'
      ? { track: 'party', kind: v.kind, probationMonths: v.kind === 'probation' ? v.probationMonths : undefined, insteadOfRemoval: v.kind === 'seriousWarning' ? v.insteadOfRemoval || undefined : undefined }
      : { track: 'admin', kind: v.kind, months: v.months ?? undefined },
  });
  return (
    <ActionModal<DecideValues> open={!!review} width={640} onClose={onClose} testId="review-decide-form"
      title={`${t('cases.ui.reviewDecide')} · ${review ? ruleLabel(`cases.review.${review.level}`, locale) : ''}${current ? ` · ${sanctionLabel(current.track, current.kind, locale)}` : ''}`}
      fields={['decision', 'decidedOn', 'reason', 'track', 'kind', 'probationMonths', 'insteadOfRemoval', 'months']}
      initial={{ decision: 'upheld', decidedOn: todayIso(), track: current?.track === 'admin' ? 'admin' : 'party' }}
      submit={(v) => api.post(`/cases/cases/${c.id}/reviews/${review!.id}/decision`, body(v))}>
      {(form) => (
        <>
          <Row gutter={12}>
            <Col span={14}><Form.Item name="decision" label={t('cases.ui.reviewDecision')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" data-testid="review-decision-choice"
                options={(['upheld', 'changed', 'revoked'] as const).map((d) => ({ value: d, label: ruleLabel(`cases.review.${d}`, locale) }))} /></Form.Item></Col>
            <Col span={10}><Form.Item name="decidedOn" label={t('cases.ui.decidedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
          </Row>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const v = form.getFieldsValue() as DecideValues;
              if (v.decision !== 'changed') return null;
              return (
                <>
                  <SanctionFields form={form} values={v} kindLabel={t('cases.ui.reviewNewSanction')} kindTestId="review-kind" />
                </>
              );
            }}
          </Form.Item>
          <Form.Item name="reason" label={t('cases.ui.reviewReason')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={2000} data-testid="review-reason" /></Form.Item>
        </>
      )}
    </ActionModal>
  );
}
