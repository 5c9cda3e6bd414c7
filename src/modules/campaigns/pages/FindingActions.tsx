import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { handleFormError } from '../../../web/api/formErrors';
import { useT, type MessageKey } from '../../../web/i18n';
import { campaignApi, campaignKeys, type Finding } from './api';
import { dateOf, opt } from './labels';

export type FindingStep = 'assign' | 'rectify' | 'signOff' | 'reopen';
type Values = { ownerName?: string; ownerPost?: string; dueOn?: Dayjs; evidence?: string; docNo?: string; rectifiedOn?: Dayjs; signedOffOn?: Dayjs; note?: string;
  reopenReason?: string; reopenedOn?: Dayjs };

const titles: Record<FindingStep, MessageKey> = { assign: 'campaigns.ui.assign', rectify: 'campaigns.ui.rectifyTitle', signOff: 'campaigns.ui.signOffTitle', reopen: 'campaigns.ui.reopenTitle' };
const fields: Record<FindingStep, string[]> = {
  assign: ['ownerName', 'ownerPost', 'dueOn'], rectify: ['evidence', 'docNo', 'rectifiedOn'], signOff: ['signedOffOn', 'note'], reopen: ['reopenReason', 'reopenedOn', 'dueOn'],
};

function send(step: FindingStep, id: string, v: Values) {
  switch (step) {
    case 'assign': return campaignApi.assign(id, { ownerName: v.ownerName ?? '', ownerPost: opt(v.ownerPost), dueOn: dateOf(v.dueOn)! });
    case 'rectify': return campaignApi.rectify(id, { evidence: v.evidence ?? '', docNo: opt(v.docNo), rectifiedOn: dateOf(v.rectifiedOn)! });
    case 'signOff': return campaignApi.signOff(id, { signedOffOn: dateOf(v.signedOffOn)!, note: opt(v.note) });
    case 'reopen': return campaignApi.reopen(id, { reopenReason: v.reopenReason ?? '', reopenedOn: dateOf(v.reopenedOn)!, dueOn: dateOf(v.dueOn) });
  }
}

/** One modal for the four steps of a finding; the server's refusals land on the fields (or as a message: wrong status, same reviewer). */
export function FindingStepModal({ finding, step, onClose }: { finding: Finding | null; step: FindingStep | null; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!finding || !step) return;
    form.resetFields();
    form.setFieldsValue({ ownerName: finding.ownerName ?? undefined, ownerPost: finding.ownerPost ?? undefined, dueOn: step === 'assign' && finding.dueOn ? dayjs(finding.dueOn) : undefined,
      rectifiedOn: dayjs(), signedOffOn: dayjs(), reopenedOn: dayjs() });
  }, [finding, step]);
  const run = useMutation({
    meta: { manualError: true },
    mutationFn: (v: Values) => send(step!, finding!.id, v),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: campaignKeys.all }); void message.success(t('campaigns.ui.done')); onClose(); },
    onError: (err) => handleFormError(form, err, step ? fields[step] : []),
  });
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <Modal open={!!finding && !!step} title={step ? t(titles[step]) : ''} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden
      okButtonProps={{ 'data-testid': 'finding-step-ok' } as unknown as ButtonProps}>
      {finding && <Alert type="info" style={{ marginBottom: 16 }} title={`${finding.objectName}：${finding.description}`} />}
      {step === 'signOff' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('campaigns.ui.signOffHelp')} />}
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} data-testid="finding-step-form">
        {step === 'assign' && <>
          <Form.Item name="ownerName" label={t('campaigns.ui.owner')} rules={[...required, { max: 50 }]}><Input maxLength={50} /></Form.Item>
          <Form.Item name="ownerPost" label={t('campaigns.ui.ownerPost')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="dueOn" label={t('campaigns.ui.dueOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
        </>}
        {step === 'rectify' && <>
          <Form.Item name="evidence" label={t('campaigns.ui.evidence')} rules={[...required, { max: 2000 }]}><Input.TextArea rows={4} maxLength={2000} data-testid="finding-evidence" /></Form.Item>
          <Form.Item name="docNo" label={t('campaigns.ui.docNo')} rules={[{ max: 100 }]}><Input maxLength={100} data-testid="finding-docno" /></Form.Item>
          <Form.Item name="rectifiedOn" label={t('campaigns.ui.rectifiedOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
        </>}
        {step === 'signOff' && <>
          <Form.Item name="signedOffOn" label={t('campaigns.ui.signedOffOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
          <Form.Item name="note" label={t('campaigns.ui.note')} rules={[{ max: 500 }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
        </>}
        {step === 'reopen' && <>
          <Form.Item name="reopenReason" label={t('campaigns.ui.reopenReason')} rules={[...required, { max: 500 }]}><Input.TextArea rows={3} maxLength={500} data-testid="finding-reopen-reason" /></Form.Item>
          <Form.Item name="reopenedOn" label={t('campaigns.ui.reopenedOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
          <Form.Item name="dueOn" label={t('campaigns.ui.newDueOn')}><DatePicker /></Form.Item>
        </>}
      </Form>
    </Modal>
  );
}
