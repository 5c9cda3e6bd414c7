import { Alert, Checkbox, Col, Form, Input, Radio, Row, Space, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { api } from '../../../web/api/client';
import { useLocale, useT, type MessageKey } from '../../../web/i18n';
import type { detentionNotice, measureSpecialExtension } from '../schema';
import { ActionModal } from './ActionModal';
import type { CaseView } from './caseView';
import { todayIso } from './formKit';
import { ruleLabel } from './labels';
import type { CaseMeasure } from './MeasuresCard';
import { DateInput } from '../../../web/components/DateInput';

/** 留置 beyond the ordinary steps: the special further extension (第四十八条) and the 24-hour notice (第五十条). */

/** A date-time input's local value (the office's time, China) as the API's ISO instant with its offset. */
export const chinaInstant = (local: string) => `${local.length === 16 ? `${local}:00` : local}+08:00`;
export const chinaTime = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

const noticeColor: Record<string, string> = { pending: 'gold', overdue: 'red', notified: 'green', late: 'orange', withheld: 'default' };

/** The notice state of a 留置 with who was told when (tooltip); red 通知逾期 while past 24 h and someone is untold. */
export function NoticeTag({ m }: { m: CaseMeasure }) {
  const t = useT();
  if (!m.noticeState) return null;
  const lines = m.notices.map((n) => `${t(`cases.ui.noticeParty.${n.party}` as MessageKey)}：${n.notifiedAt ? `${chinaTime(n.notifiedAt)} ${n.method ?? ''}` : ''}${n.withheldReason ? `（${n.withheldReason}）` : ''}`);
  return (
    <Tooltip title={[t('cases.ui.noticeRule', { due: chinaTime(m.noticeDueAt) }), ...lines].join('\n')} styles={{ root: { whiteSpace: 'pre-line' } }}>
      <Tag color={noticeColor[m.noticeState]} data-testid="measure-notice-state">{t(`cases.ui.noticeState.${m.noticeState}` as MessageKey)}</Tag>
    </Tooltip>
  );
}

/** Each extension of a measure on its own line: ordinary ones and the special one, with approval date and reference. */
export function ExtensionHistory({ m }: { m: CaseMeasure }) {
  const t = useT();
  if (!m.extensions.length) return null;
  return (
    <Space orientation="vertical" size={0} style={{ fontSize: 12, color: '#666' }} data-testid="measure-extensions">
      {m.extensions.map((x, i) => (
        <span key={i}>{x.special ? <Tag color="volcano" style={{ marginInlineEnd: 4 }}>{t('cases.ui.specialExtended')}</Tag> : `${t('cases.ui.extensionOrdinary')} `}
          {x.approvedOn} {x.approvalRef}</span>
      ))}
    </Space>
  );
}

/** 特别延长: the NSC's approval and the confirmed ≥10-year condition; the server checks the order and computes the day. */
export function SpecialExtendModal({ c, measure, onClose }: { c: CaseView; measure: CaseMeasure | null; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ActionModal<z.input<typeof measureSpecialExtension>> open={!!measure} onClose={onClose} testId="measure-special-form" width={600}
      title={`${t('cases.ui.specialExtend')} · ${measure ? `${measure.subjectName} ${ruleLabel(`cases.caseMeasure.${measure.kind}`, locale)}` : ''}`}
      fields={['approvedOn', 'approvalRef', 'tenYearSentencePossible']} initial={{ approvedOn: todayIso(), tenYearSentencePossible: false }}
      submit={(v) => api.post(`/cases/cases/${c.id}/measures/${measure!.id}/special-extension`, { ...v, tenYearSentencePossible: !!v.tenYearSentencePossible })}>
      {() => (
        <>
          <Alert type="warning" style={{ marginBottom: 16 }} title={t('cases.ui.specialExtendRule')} description={`${t('cases.ui.dueOn')} ${measure?.due_on ?? ''}`} />
          <Row gutter={12}>
            <Col span={10}><Form.Item name="approvedOn" label={t('cases.ui.approvedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
            <Col span={14}><Form.Item name="approvalRef" label={t('cases.ui.specialApprovalRef')} rules={[{ required: true }]}>
              <Input maxLength={100} data-testid="special-approval-ref" /></Form.Item></Col>
          </Row>
          <Form.Item name="tenYearSentencePossible" valuePropName="checked">
            <Checkbox data-testid="special-ten-years">{t('cases.ui.tenYearSentencePossible')}</Checkbox></Form.Item>
        </>
      )}
    </ActionModal>
  );
}

interface NoticeValues { party: 'unit' | 'family'; given: boolean; notifiedAt?: string; noticeMethod?: string; note?: string; withheldReason?: string }

/** Records the notice to the unit or the family: when and how it was given, or why it was not. */
export function NoticeModal({ c, measure, onClose }: { c: CaseView; measure: CaseMeasure | null; onClose: () => void }) {
  const t = useT();
  const untold = measure?.notices.find((n) => n.party === 'unit' && n.notifiedAt) ? 'family' : 'unit';
  const body = (v: NoticeValues): z.input<typeof detentionNotice> => (v.given
    ? { party: v.party, notifiedAt: v.notifiedAt ? chinaInstant(v.notifiedAt) : undefined, noticeMethod: v.noticeMethod || undefined, note: v.note || undefined }
    : { party: v.party, withheldReason: v.withheldReason || undefined, note: v.note || undefined });
  return (
    <ActionModal<NoticeValues> open={!!measure} onClose={onClose} testId="measure-notice-form" width={600}
      title={`${t('cases.ui.noticeRecord')} · ${measure?.subjectName ?? ''}`}
      fields={['party', 'notifiedAt', 'noticeMethod', 'note', 'withheldReason']}
      initial={{ party: untold, given: true, notifiedAt: dayjs().format('YYYY-MM-DDTHH:mm') }}
      submit={(v) => api.post(`/cases/cases/${c.id}/measures/${measure!.id}/notices`, body(v))}>
      {(form) => (
        <>
          <Alert type="info" style={{ marginBottom: 16 }} title={t('cases.ui.noticeRule', { due: chinaTime(measure?.noticeDueAt ?? null) })} />
          <Row gutter={12}>
            <Col span={12}><Form.Item name="party" label={t('cases.ui.noticeParty')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" data-testid="notice-party" options={(['unit', 'family'] as const).map((p) => ({ value: p, label: t(`cases.ui.noticeParty.${p}`) }))} /></Form.Item></Col>
            <Col span={12}><Form.Item name="given" label=" ">
              <Radio.Group data-testid="notice-given" options={[{ value: true, label: t('cases.ui.noticeGiven') }, { value: false, label: t('cases.ui.noticeWithheld') }]} /></Form.Item></Col>
          </Row>
          <Form.Item noStyle shouldUpdate={(a, b) => a.given !== b.given}>
            {() => (form.getFieldValue('given') !== false ? (
              <Row gutter={12}>
                <Col span={12}><Form.Item name="notifiedAt" label={t('cases.ui.notifiedAt')} rules={[{ required: true }]}>
                  <Input type="datetime-local" data-testid="notice-at" /></Form.Item></Col>
                <Col span={12}><Form.Item name="noticeMethod" label={t('cases.ui.noticeMethod')} rules={[{ required: true }]}>
                  <Input maxLength={50} data-testid="notice-method" /></Form.Item></Col>
              </Row>
            ) : (
              <Form.Item name="withheldReason" label={t('cases.ui.withheldReason')} extra={t('cases.ui.withheldHint')} rules={[{ required: true }]}>
                <Input.TextArea rows={2} maxLength={500} data-testid="notice-withheld" /></Form.Item>
            ))}
          </Form.Item>
          <Form.Item name="note" label={t('cases.ui.note')}><Input maxLength={500} /></Form.Item>
        </>
      )}
    </ActionModal>
  );
}
