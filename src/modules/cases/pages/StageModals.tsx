import { Checkbox, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { z } from 'zod';
import { api } from '../../../web/api/client';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import { memberRoles } from '../db';
import { allowedTransitions, type CaseStage } from '../rules/caseStages';
import type { memberAdd, stageChange, suspensionBody } from '../schema';
import { ActionModal } from './ActionModal';
import type { CaseView } from './caseView';
import { StaffSelect, todayIso } from './formKit';
import { stageLabel } from './labels';
import { DateInput } from '../../../web/components/DateInput';

type StageValues = z.input<typeof stageChange>;

/** Moves the case along the stage machine; the server refuses an illegal step naming the rule, shown above the form. */
export function StageModal({ c, open, onClose }: { c: CaseView; open: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const targets = allowedTransitions[c.stage as CaseStage] ?? [];
  return (
    <ActionModal<StageValues> open={open} title={t('cases.ui.advanceStage')} onClose={onClose} testId="stage-form"
      fields={['to', 'on', 'sendBackMode']} initial={{ to: targets[0], on: todayIso() }}
      submit={(v) => api.post(`/cases/cases/${c.id}/stage`, v)}>
      {(form) => (
        <>
          <Typography.Paragraph>{t('cases.ui.stage')}：{stageLabel(c.stage, locale)}</Typography.Paragraph>
          <Row gutter={12}>
            <Col span={14}><Form.Item name="to" label={t('cases.ui.toStage')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={targets.map((s) => ({ value: s, label: s === 'investigation' ? t('cases.ui.sendBack') : stageLabel(s, locale) }))} />
            </Form.Item></Col>
            <Col span={10}><Form.Item name="on" label={t('cases.ui.onDate')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
          </Row>
          <Form.Item noStyle shouldUpdate={(a, b) => a.to !== b.to}>
            {() => {
              const to = form.getFieldValue('to') as StageValues['to'];
              const check = (name: keyof StageValues, label: MessageKey) => (
                <Form.Item name={name} valuePropName="checked" style={{ marginBottom: 4 }}><Checkbox data-testid={`stage-${name}`}>{t(label)}</Checkbox></Form.Item>
              );
              return (
                <>
                  {c.stage === 'investigation' && to === 'review' && check('investigationReportFiled', 'cases.ui.investigationReportFiled')}
                  {c.stage === 'review' && to === 'decision' && check('reviewReportFiled', 'cases.ui.reviewReportFiled')}
                  {c.stage === 'execution' && to === 'closed' && check('executionComplete', 'cases.ui.executionComplete')}
                  {(c.stage === 'investigation' || c.stage === 'review') && to === 'closed' && check('withdrawalApproved', 'cases.ui.withdrawalApproved')}
                  {c.stage === 'review' && to === 'investigation' && (
                    <Form.Item name="sendBackMode" label={t('cases.ui.sendBackMode')} rules={[{ required: true }]}>
                      <Select options={(['reinvestigation', 'supplementary'] as const).map((m) => ({ value: m, label: t(`cases.ui.sendBack.${m}`) }))} />
                    </Form.Item>
                  )}
                </>
              );
            }}
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}

/** 中止 / 恢复: stops or restarts the clocks that the rule table lets stop. */
export function SuspensionModal({ c, open, onClose }: { c: CaseView; open: boolean; onClose: () => void }) {
  const t = useT();
  const resume = !!c.suspended_since;
  return (
    <ActionModal<z.input<typeof suspensionBody>> open={open} title={t(resume ? 'cases.ui.resume' : 'cases.ui.suspend')} onClose={onClose} testId="suspension-form"
      fields={['on', 'reason']} initial={{ on: todayIso() }} submit={(v) => api.post(`/cases/cases/${c.id}/${resume ? 'resumption' : 'suspension'}`, { on: v.on, reason: v.reason || undefined })}>
      {() => (
        <>
          <Form.Item name="on" label={t('cases.ui.onDate')} rules={[{ required: true }]}><DateInput /></Form.Item>
          <Form.Item name="reason" label={t('cases.ui.reason')}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
        </>
      )}
    </ActionModal>
  );
}

/** Adds a team member; a handler who must recuse is refused by the server with the rule's message. */
export function MemberModal({ c, open, onClose }: { c: CaseView; open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <ActionModal<z.input<typeof memberAdd>> open={open} title={t('cases.ui.addMember')} onClose={onClose} testId="member-form"
      fields={['userId', 'role', 'addedOn']} initial={{ role: 'investigator', addedOn: todayIso() }} submit={(v) => api.post(`/cases/cases/${c.id}/members`, v)}>
      {() => (
        <Row gutter={12}>
          <Col span={12}><Form.Item name="userId" label={t('cases.ui.member')} rules={[{ required: true }]}><StaffSelect data-testid="member-user" /></Form.Item></Col>
          <Col span={6}><Form.Item name="role" label={t('cases.ui.memberRole')} rules={[{ required: true }]}>
            <Select options={memberRoles.map((r) => ({ value: r, label: t(`cases.ui.role.${r}` as MessageKey) }))} /></Form.Item></Col>
          <Col span={6}><Form.Item name="addedOn" label={t('cases.ui.onDate')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
        </Row>
      )}
    </ActionModal>
  );
}
