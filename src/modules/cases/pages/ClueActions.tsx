import { useState } from 'react';
import { Button, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import type { z } from 'zod';
import { api } from '../../../web/api/client';
import { useAuth } from '../../../web/auth/AuthContext';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { clueOutcomes, disposals } from '../db';
import { firstFormMeasures, organisationalMeasures } from '../rules/fourForms';
import type { clueConclusion, clueDisposal, clueInquiry } from '../schema';
import { ActionModal } from './ActionModal';
import { CaseOpenDrawer, type ClueForCase } from './CaseOpenDrawer';
import { StaffSelect, todayIso } from './formKit';
import { ruleLabel } from './labels';
import { DateInput } from '../../../web/components/DateInput';

export interface ClueState extends ClueForCase { disposal: string | null; disposal_on: string | null; approvalLevel: string; outcome: string | null; inquiry_served_on: string | null; inquiry_replied_on: string | null }

type Step = 'dispose' | 'inquiry' | 'conclude' | 'open' | null;
const conclusions = clueOutcomes.filter((o) => o !== 'caseOpened');

/** The steps a clue goes through after registration: disposal with approval, inquiry letter and reply, conclusion or a case. */
export function ClueActions({ clue }: { clue: ClueState }) {
  const t = useT();
  const locale = useLocale();
  const { can } = useAuth();
  const [step, setStep] = useState<Step>(null);
  const close = () => setStep(null);
  if (!can('cases.clue.write')) return null;
  const higher = clue.approvalLevel === 'higherOrgan';
  return (
    <>
      <Space wrap>
        {!clue.disposal && <Button type="primary" onClick={() => setStep('dispose')} data-testid="clue-dispose">{t('cases.ui.dispose')}</Button>}
        {clue.disposal === 'inquiry' && !clue.outcome && <Button onClick={() => setStep('inquiry')} data-testid="clue-inquiry">{t('cases.ui.recordInquiry')}</Button>}
        {clue.disposal === 'verification' && !clue.outcome && can('cases.case.write') && (
          <Button type="primary" onClick={() => setStep('open')} data-testid="clue-open-case">{t('cases.ui.openCase')}</Button>
        )}
        {clue.disposal && !clue.outcome && <Button onClick={() => setStep('conclude')} data-testid="clue-conclude">{t('cases.ui.conclude')}</Button>}
      </Space>

      <ActionModal<z.input<typeof clueDisposal>> open={step === 'dispose'} title={t('cases.ui.dispose')} onClose={close} testId="disposal-form"
        fields={['disposal', 'opinion', 'decidedOn', 'approverId', 'higherApprovalRef']} initial={{ decidedOn: todayIso() }}
        submit={(v) => api.post(`/cases/clues/${clue.id}/disposal`, { ...v, approverId: higher ? undefined : v.approverId, higherApprovalRef: v.higherApprovalRef || undefined })}>
        {() => (
          <>
            <Form.Item name="disposal" label={t('cases.ui.disposal')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={disposals.map((d) => ({ value: d, label: t(`cases.ui.disposal.${d}` as MessageKey) }))} />
            </Form.Item>
            <Form.Item name="opinion" label={t('cases.ui.opinionText')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
            <Typography.Paragraph type="secondary">{t('cases.ui.approvalLevel')}：{t(`cases.ui.level.${clue.approvalLevel}` as MessageKey)}</Typography.Paragraph>
            <Row gutter={12}>
              <Col span={10}><Form.Item name="decidedOn" label={t('cases.ui.decidedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
              <Col span={14}>
                {higher
                  ? <Form.Item name="higherApprovalRef" label={t('cases.ui.higherApprovalRef')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
                  : <Form.Item name="approverId" label={t('cases.ui.approver')} rules={[{ required: true }]}><StaffSelect approves="approvesClues" data-testid="disposal-approver" /></Form.Item>}
              </Col>
            </Row>
          </>
        )}
      </ActionModal>

      <ActionModal<z.input<typeof clueInquiry>> open={step === 'inquiry'} title={t('cases.ui.recordInquiry')} onClose={close} testId="inquiry-form"
        fields={['servedOn', 'repliedOn']} initial={{ servedOn: clue.inquiry_served_on ?? todayIso(), repliedOn: clue.inquiry_replied_on ?? undefined }}
        submit={(v) => api.post(`/cases/clues/${clue.id}/inquiry`, { servedOn: v.servedOn, repliedOn: v.repliedOn || undefined })}>
        {() => (
          <Row gutter={12}>
            <Col span={12}><Form.Item name="servedOn" label={t('cases.ui.servedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
            <Col span={12}><Form.Item name="repliedOn" label={t('cases.ui.repliedOn')} extra={t('cases.ui.replyDueHint')}><DateInput /></Form.Item></Col>
          </Row>
        )}
      </ActionModal>

      <ActionModal<z.input<typeof clueConclusion>> open={step === 'conclude'} title={t('cases.ui.conclude')} onClose={close} testId="conclusion-form"
        fields={['outcome', 'concludedOn', 'measure']} initial={{ concludedOn: todayIso() }}
        submit={(v) => api.post(`/cases/clues/${clue.id}/conclusion`, { ...v, measure: v.measure || undefined })}>
        {(form) => (
          <>
            <Form.Item name="outcome" label={t('cases.ui.outcome')} rules={[{ required: true }]}>
              <Select options={conclusions.map((o) => ({ value: o, label: t(`cases.ui.outcome.${o}` as MessageKey) }))} onChange={() => form.setFieldValue('measure', undefined)} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
              {() => {
                const o = form.getFieldValue('outcome');
                const measures = o === 'education' ? firstFormMeasures : o === 'organisational' ? organisationalMeasures : null;
                return measures && (
                  <Form.Item name="measure" label={t('cases.ui.measure')} rules={[{ required: true }]}>
                    <Select options={measures.map((m) => ({ value: m, label: ruleLabel(`cases.measure.${m}`, locale) }))} />
                  </Form.Item>
                );
              }}
            </Form.Item>
            <Form.Item name="concludedOn" label={t('cases.ui.concludedOn')} rules={[{ required: true }]}><DateInput /></Form.Item>
          </>
        )}
      </ActionModal>

      <CaseOpenDrawer open={step === 'open'} clue={clue} onClose={close} />
    </>
  );
}
