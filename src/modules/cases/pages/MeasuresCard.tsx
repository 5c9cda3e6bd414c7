import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { api } from '../../../web/api/client';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { caseMeasureKinds, measureRuleKey, type CaseMeasureKind } from '../rules/measures';
import type { DeadlineRule } from '../rules/ruleTable';
import type { measureEnd, measureExtension, measureStart } from '../schema';
import { ActionModal } from './ActionModal';
import type { CaseView } from './caseView';
import { ExtensionHistory, NoticeModal, NoticeTag, SpecialExtendModal, chinaInstant } from './DetentionModals';
import { StaffSelect, todayIso } from './formKit';
import { ruleLabel } from './labels';
import { DateInput } from '../../../web/components/DateInput';

/** A measure as the case file returns it (caseFileParts.measuresOf). */
export interface CaseMeasure {
  id: string; subject_id: string; subjectName: string; kind: CaseMeasureKind; rule_key: string | null; started_on: string; approval_ref: string; approved_by: string | null;
  due_on: string | null; extensions: Array<{ approvedOn: string; approvalRef: string; amount?: number; unit?: string; special?: true }>; ended_on: string | null; end_reason: string | null;
  note: string | null; state: 'ok' | 'dueSoon' | 'overdue' | 'ended' | 'overran' | 'noPeriod';
  /** 留置 only: start to the minute, the 24-hour notice to unit and family (第五十条) and its state. */
  started_at: string | null; noticeDueAt: string | null; noticeState: 'pending' | 'overdue' | 'notified' | 'late' | 'withheld' | null;
  notices: Array<{ party: 'unit' | 'family'; notifiedAt: string | null; method: string | null; note: string | null; withheldReason: string | null }>;
}

const stateColor: Record<CaseMeasure['state'], string> = { ok: 'blue', dueSoon: 'gold', overdue: 'red', ended: 'green', overran: 'orange', noPeriod: 'cyan' };

function useRules() {
  return useQuery({ queryKey: ['cases', 'rules'], queryFn: () => api.get<{ rules: DeadlineRule[] }>('/cases/rules'), staleTime: 300_000 });
}

/**
 * 措施 of the case per subject: kind, start, the due day the server computed from the rule table, extensions,
 * end and a state tag (running, due soon, overdue, ended, ended after its due day); taking, extending and ending
 * one are modal forms whose refusals name their rule.
 */
export function MeasuresCard({ c, write }: { c: CaseView; write: boolean }) {
  const t = useT();
  const locale = useLocale();
  const [dialog, setDialog] = useState<{ kind: 'start' } | { kind: 'extend' | 'end' | 'special' | 'notice'; m: CaseMeasure } | null>(null);
  const measures = ((c as CaseView & { measures?: CaseMeasure[] }).measures ?? [])
    .slice().sort((a, b) => a.subjectName.localeCompare(b.subjectName, 'zh-CN') || a.started_on.localeCompare(b.started_on));
  const runFrom = (i: number) => { let n = 0; while (measures[i + n]?.subject_id === measures[i].subject_id) n++; return n; };
  const spans = measures.map((m, i) => (i > 0 && measures[i - 1].subject_id === m.subject_id ? 0 : runFrom(i)));
  const close = () => setDialog(null);
  return (
    <Card title={t('cases.ui.caseMeasures')} size="small" data-testid="case-measures"
      extra={write && <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'start' })} data-testid="case-add-measure">{t('cases.ui.measureStart')}</Button>}>
      <Table rowKey="id" size="small" pagination={false} dataSource={measures} data-testid="measure-table" columns={[
        { title: t('cases.ui.name'), dataIndex: 'subjectName', width: 100,
          // One cell per subject: the rows are sorted by subject, so each run of a subject's rows spans.
          onCell: (_, i = 0) => ({ rowSpan: spans[i] }) },
        { title: t('cases.ui.measureKind'), dataIndex: 'kind', width: 110, render: (k: string) => ruleLabel(`cases.caseMeasure.${k}`, locale) },
        { title: t('cases.ui.measureStartedOn'), dataIndex: 'started_on', width: 105 },
        { title: t('cases.ui.approvalRef'), dataIndex: 'approval_ref', ellipsis: true },
        { title: t('cases.ui.dueOn'), dataIndex: 'due_on', width: 170, render: (d: string | null, m) => (d
          ? <span data-testid="measure-due">{d}{m.extensions.length > 0 && <Tooltip title={m.extensions.map((x) => `${x.approvedOn} ${x.approvalRef}`).join('；')}>
            <Tag style={{ marginLeft: 4 }}>{t('cases.ui.extended')}×{m.extensions.length}</Tag></Tooltip>}<br /><ExtensionHistory m={m} /></span>
          : <span style={{ color: '#999' }}>{t('cases.ui.measureNoPeriod')}</span>) },
        { title: t('cases.ui.notice'), key: 'notice', width: 110, render: (_, m) => <Space orientation="vertical" size={2}>
          <NoticeTag m={m} />
          {write && m.noticeState && m.noticeState !== 'notified' && m.noticeState !== 'late' && (
            <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setDialog({ kind: 'notice', m })} data-testid="measure-notice">{t('cases.ui.noticeRecord')}</Button>)}
        </Space> },
        { title: t('cases.ui.measureEndedOn'), dataIndex: 'ended_on', width: 105, render: (d: string | null, m) => (d ? <Tooltip title={m.end_reason}>{d}</Tooltip> : '') },
        { title: '', dataIndex: 'state', width: 120, render: (s: CaseMeasure['state']) => <Tag color={stateColor[s]} data-testid="measure-state">{t(`cases.ui.measureState.${s}` as MessageKey)}</Tag> },
        { title: '', key: 'a', width: 150, render: (_, m) => write && !m.ended_on && (
          <Space size={4} wrap>
            {/* 留置 has one ordinary extension (第四十八条); after it only the special one is offered. */}
            {m.due_on && !(m.kind === 'detention' && m.extensions.length > 0) && (
              <Button size="small" type="link" onClick={() => setDialog({ kind: 'extend', m })} data-testid="measure-extend">{t('cases.ui.extend')}</Button>)}
            {/* 特别延长 only after the ordinary extension and only once (第四十八条); the server refuses otherwise. */}
            {m.kind === 'detention' && m.extensions.some((x) => !x.special) && !m.extensions.some((x) => x.special) && (
              <Button size="small" type="link" danger onClick={() => setDialog({ kind: 'special', m })} data-testid="measure-special">{t('cases.ui.specialExtend')}</Button>)}
            <Button size="small" type="link" onClick={() => setDialog({ kind: 'end', m })} data-testid="measure-end">{t('cases.ui.measureEnd')}</Button>
          </Space>
        ) },
      ]} />
      <MeasureStartModal c={c} open={dialog?.kind === 'start'} onClose={close} />
      <MeasureExtendModal c={c} measure={dialog?.kind === 'extend' ? dialog.m : null} onClose={close} />
      <MeasureEndModal c={c} measure={dialog?.kind === 'end' ? dialog.m : null} onClose={close} />
      <SpecialExtendModal c={c} measure={dialog?.kind === 'special' ? dialog.m : null} onClose={close} />
      <NoticeModal c={c} measure={dialog?.kind === 'notice' ? dialog.m : null} onClose={close} />
    </Card>
  );
}

type StartValues = z.input<typeof measureStart>;

/** Takes a measure on one subject with its approval; the server sets the due day from the office's rule table. */
function MeasureStartModal({ c, open, onClose }: { c: CaseView; open: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const rules = useRules();
  return (
    <ActionModal<StartValues> open={open} title={t('cases.ui.measureStart')} onClose={onClose} testId="measure-form" width={620}
      fields={['subjectId', 'kind', 'startedOn', 'startedAt', 'approverId', 'approvalRef', 'note']}
      initial={{ subjectId: c.subjects.length === 1 ? c.subjects[0].id : undefined, startedOn: todayIso() }}
      submit={(v) => api.post(`/cases/cases/${c.id}/measures`, {
        ...v, approverId: v.approverId || undefined, note: v.note || undefined, startedAt: v.kind === 'detention' && v.startedAt ? chinaInstant(v.startedAt) : undefined,
      })}>
      {(form) => (
        <>
          <Row gutter={12}>
            <Col span={12}><Form.Item name="subjectId" label={t('cases.ui.name')} rules={[{ required: true }]}>
              <Select options={c.subjects.map((s) => ({ value: s.id, label: s.name }))} data-testid="measure-subject" /></Form.Item></Col>
            <Col span={12}><Form.Item name="kind" label={t('cases.ui.measureKind')} rules={[{ required: true }]}>
              <Select options={caseMeasureKinds.map((k) => ({ value: k, label: ruleLabel(`cases.caseMeasure.${k}`, locale) }))} data-testid="measure-kind" /></Form.Item></Col>
          </Row>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {() => {
              const kind = form.getFieldValue('kind') as CaseMeasureKind | undefined;
              if (!kind) return null;
              const key = measureRuleKey[kind];
              const rule = key ? rules.data?.rules.find((r) => r.key === key) : undefined;
              return <Alert type="info" style={{ marginBottom: 16 }} title={rule
                ? t('cases.ui.measurePeriod', { amount: rule.period.amount, unit: t(`cases.ui.unit.${rule.period.unit}` as MessageKey) })
                : t('cases.ui.measureNoPeriod')} description={rule?.source} />;
            }}
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}><Form.Item name="startedOn" label={t('cases.ui.measureStartedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
            <Col span={12}><Form.Item name="approverId" label={t('cases.ui.approver')}><StaffSelect approves="approvesCases" data-testid="measure-approver" /></Form.Item></Col>
          </Row>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {() => form.getFieldValue('kind') === 'detention' && (
              <Form.Item name="startedAt" label={t('cases.ui.startedAt')} extra={t('cases.ui.startedAtHint')}><Input type="datetime-local" data-testid="measure-started-at" /></Form.Item>)}
          </Form.Item>
          <Form.Item name="approvalRef" label={t('cases.ui.approvalRef')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="note" label={t('cases.ui.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </>
      )}
    </ActionModal>
  );
}

/** An approved extension; the rule table bounds how often and how long (留置: once, up to 3 months). */
function MeasureExtendModal({ c, measure, onClose }: { c: CaseView; measure: CaseMeasure | null; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const rules = useRules();
  const ext = rules.data?.rules.find((r) => r.key === measure?.rule_key)?.extension;
  return (
    <ActionModal<z.input<typeof measureExtension>> open={!!measure} onClose={onClose} testId="measure-extension-form"
      title={`${t('cases.ui.extend')} · ${measure ? `${measure.subjectName} ${ruleLabel(`cases.caseMeasure.${measure.kind}`, locale)}` : ''}`}
      fields={['approvedOn', 'approvalRef', 'amount', 'unit']} initial={{ approvedOn: todayIso(), amount: ext?.amount ?? undefined, unit: ext?.unit === 'days' || ext?.unit === 'months' ? ext.unit : undefined }}
      submit={(v) => api.post(`/cases/cases/${c.id}/measures/${measure!.id}/extensions`, v)}>
      {() => (
        <>
          {ext && <Alert type="info" style={{ marginBottom: 16 }} title={t('cases.ui.extensionRule', {
            approval: ext.approval, amount: ext.amount ?? t('cases.ui.asApproved'), unit: t(`cases.ui.unit.${ext.unit}` as MessageKey), times: ext.maxTimes ?? '∞',
          })} description={`${t('cases.ui.dueOn')} ${measure?.due_on ?? ''}`} />}
          <Row gutter={12}>
            <Col span={10}><Form.Item name="approvedOn" label={t('cases.ui.approvedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
            <Col span={14}><Form.Item name="approvalRef" label={t('cases.ui.approvalRef')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item></Col>
            <Col span={10}><Form.Item name="amount" label={t('cases.ui.amount')}><InputNumber min={1} max={12} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={14}><Form.Item name="unit" label={t('cases.ui.unitOfTime')}>
              <Select allowClear options={(['days', 'months'] as const).map((u) => ({ value: u, label: t(`cases.ui.unit.${u}`) }))} /></Form.Item></Col>
          </Row>
        </>
      )}
    </ActionModal>
  );
}

/** 解除: ending a 留置 starts the one-year limit for the decision after its lifting (shown in the time limits). */
function MeasureEndModal({ c, measure, onClose }: { c: CaseView; measure: CaseMeasure | null; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ActionModal<z.input<typeof measureEnd>> open={!!measure} onClose={onClose} testId="measure-end-form" fields={['endedOn', 'reason']} initial={{ endedOn: todayIso() }}
      title={`${t('cases.ui.measureEnd')} · ${measure ? `${measure.subjectName} ${ruleLabel(`cases.caseMeasure.${measure.kind}`, locale)}` : ''}`}
      submit={(v) => api.post(`/cases/cases/${c.id}/measures/${measure!.id}/end`, { ...v, reason: v.reason || undefined })}>
      {() => (
        <>
          <Form.Item name="endedOn" label={t('cases.ui.measureEndedOn')} rules={[{ required: true }]}><DateInput /></Form.Item>
          <Form.Item name="reason" label={t('cases.ui.reason')}><Input maxLength={500} /></Form.Item>
        </>
      )}
    </ActionModal>
  );
}
