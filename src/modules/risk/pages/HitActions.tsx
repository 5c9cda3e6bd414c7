import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, type ButtonProps, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { showError } from '../../../web/api/client';
import { applyFormErrors } from '../../../web/api/formErrors';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useT } from '../../../web/i18n';
import { riskApi, riskKeys, type HitDetail } from './api';

/** Server refusals on the named form field; anything else (already decided, forbidden) as a message. */
function onFormError(form: FormInstance, fields: string[]) {
  return (err: unknown) => { if (!applyFormErrors(form, err, fields)) showError(err); };
}

const okProps = (testId: string) => ({ 'data-testid': testId }) as unknown as ButtonProps;

/** 排除: the reason is required and kept with the hit (who and when too), so a later screening does not raise it again. */
export function DismissModal({ hit, open, onClose }: { hit: HitDetail; open: boolean; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => { if (open) form.resetFields(); }, [open]);
  const run = useMutation({
    meta: { manualError: true },
    mutationFn: (v: { reason: string }) => riskApi.dismiss(hit.id, v.reason),
    onSuccess: (h) => {
      qc.setQueryData(riskKeys.hit(h.id), h);
      void qc.invalidateQueries({ queryKey: riskKeys.all });
      void message.success(t('risk.ui.dismissed'));
      onClose();
    },
    onError: onFormError(form, ['reason']),
  });
  return (
    <Modal open={open} title={t('risk.ui.dismissTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden
      okText={t('risk.ui.dismiss')} okButtonProps={okProps('risk-dismiss-ok')}>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} data-testid="risk-dismiss-form">
        <Form.Item name="reason" label={t('risk.ui.dismissReason')} extra={t('risk.ui.dismissReasonHelp')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500 }]}>
          <Input.TextArea rows={4} maxLength={500} showCount data-testid="risk-dismiss-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ClueForm { title?: string; unitId?: string; receivedOn?: Dayjs }

/** 转为问题线索: one action creates the clue (the evidence summarised in it) and marks the hit; the clue opens from here. */
export function ClueModal({ hit, open, onClose, onCreated }: { hit: HitDetail; open: boolean; onClose: () => void; onCreated: (clue: { id: string; serial: string }) => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClueForm>();
  useEffect(() => { if (open) form.setFieldsValue({ title: undefined, unitId: hit.unitId, receivedOn: dayjs() }); }, [open]);
  const run = useMutation({
    meta: { manualError: true },
    mutationFn: (v: ClueForm) => riskApi.toClue(hit.id, {
      title: v.title?.trim() || undefined, unitId: v.unitId || undefined, receivedOn: v.receivedOn ? v.receivedOn.format('YYYY-MM-DD') : undefined,
    }),
    onSuccess: (res) => {
      qc.setQueryData(riskKeys.hit(res.hit.id), res.hit);
      void qc.invalidateQueries({ queryKey: riskKeys.all });
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void message.success(t('risk.ui.clueCreated', { serial: res.clue.serial }));
      onClose();
      onCreated(res.clue);
    },
    onError: onFormError(form, ['title', 'unitId', 'receivedOn']),
  });
  return (
    <Modal open={open} title={t('risk.ui.toClueTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden
      okText={t('risk.ui.toClue')} okButtonProps={okProps('risk-clue-ok')}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('risk.ui.notFinding')} />
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} data-testid="risk-clue-form">
        <Form.Item name="title" label={t('risk.ui.clueTitle')} extra={t('risk.ui.clueTitleHelp')} rules={[{ max: 200 }]}>
          <Input maxLength={200} data-testid="risk-clue-title" />
        </Form.Item>
        <Form.Item name="unitId" label={t('risk.ui.handlingUnit')} extra={t('risk.ui.handlingUnitHelp')}>
          <UnitTreeSelect data-testid="risk-clue-unit" />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('risk.ui.receivedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
