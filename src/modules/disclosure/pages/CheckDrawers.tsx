import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Modal, Select, Space, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { handleFormError } from '../../../web/api/formErrors';
import { useLocale, useT } from '../../../web/i18n';
import { checkResultWords, disclosureKindWords } from '../words';
import { UnitSelect } from './UnitSelect';
import { checkResults, dateOf, disclosureApi, disclosureKeys, disclosureKinds, opt, word, type Check, type CheckResult, type DisclosureKind } from './api';

interface NewCheck { unitId: string; kind: DisclosureKind; quarter?: string; checkedOn: Dayjs; inspector: string; checkResult: CheckResult; problemNote?: string; dueOn?: Dayjs }
const checkFields = ['unitId', 'kind', 'quarter', 'checkedOn', 'inspector', 'checkResult', 'problemNote', 'dueOn'];

/** 登记检查: one spot check of a unit's disclosure; a failing result names the problem and the rectification date. */
export function CheckDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewCheck>();
  const result = Form.useWatch('checkResult', form);
  const kind = Form.useWatch('kind', form) ?? 'village';
  useEffect(() => { if (open) { form.resetFields(); form.setFieldsValue({ checkedOn: dayjs(), kind: 'village', checkResult: 'passed' }); } }, [open]);
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: (v: NewCheck) => disclosureApi.addCheck({
      unitId: v.unitId, kind: v.kind, quarter: opt(v.quarter), checkedOn: dateOf(v.checkedOn)!, inspector: v.inspector, checkResult: v.checkResult,
      problemNote: opt(v.problemNote), dueOn: dateOf(v.dueOn),
    }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: disclosureKeys.all }); void message.success(t('disclosure.ui.checkAdded')); onClose(); },
    onError: (err) => handleFormError(form, err, checkFields),
  });
  const required = { required: true, message: t('common.required') };
  const failed = result && result !== 'passed';
  return (
    <Drawer open={open} onClose={onClose} title={t('disclosure.ui.addCheck')} size="large" destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="check-save">{t('common.save')}</Button></Space>}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label={t('disclosure.ui.kind')} rules={[required]}>
          <Select style={{ width: 160 }} onChange={() => form.setFieldValue('unitId', undefined)} data-testid="check-kind"
            options={disclosureKinds.map((k) => ({ value: k, label: word(disclosureKindWords[k], locale) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('disclosure.ui.unit')} rules={[required]}><UnitSelect kind={kind} testId="check-unit" /></Form.Item>
        <Space size="large" wrap>
          <Form.Item name="quarter" label={t('disclosure.ui.quarter')}><Input placeholder="2026Q3" style={{ width: 120 }} /></Form.Item>
          <Form.Item name="checkedOn" label={t('disclosure.ui.checkedOn')} rules={[required]}><DatePicker /></Form.Item>
        </Space>
        <Form.Item name="inspector" label={t('disclosure.ui.inspector')} rules={[{ ...required, whitespace: true }, { max: 100 }]}><Input maxLength={100} data-testid="check-inspector" /></Form.Item>
        <Form.Item name="checkResult" label={t('disclosure.ui.result')} rules={[required]}>
          <Select data-testid="check-result" options={checkResults.map((r) => ({ value: r, label: word(checkResultWords[r], locale) }))} />
        </Form.Item>
        {failed && <>
          <Form.Item name="problemNote" label={t('disclosure.ui.problem')} rules={[{ ...required, whitespace: true }, { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="check-problem" />
          </Form.Item>
          <Form.Item name="dueOn" label={t('disclosure.ui.dueOn')} rules={[required]}><DatePicker data-testid="check-due" /></Form.Item>
        </>}
      </Form>
    </Drawer>
  );
}

type RectifyValues = { rectifiedOn: Dayjs; rectificationNote: string };

/** 登记整改: a failed check's problem put right, with what was done. */
export function RectifyModal({ check, onClose }: { check: Check | null; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<RectifyValues>();
  useEffect(() => { if (check) { form.resetFields(); form.setFieldsValue({ rectifiedOn: dayjs() }); } }, [check]);
  const run = useMutation({
    meta: { manualError: true },
    mutationFn: (v: RectifyValues) => disclosureApi.rectify(check!.id, { rectifiedOn: dateOf(v.rectifiedOn)!, rectificationNote: v.rectificationNote }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: disclosureKeys.all }); void message.success(t('disclosure.ui.rectified')); onClose(); },
    onError: (err) => handleFormError(form, err, ['rectifiedOn', 'rectificationNote']),
  });
  return (
    <Modal open={!!check} title={t('disclosure.ui.rectify')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden
      okButtonProps={{ 'data-testid': 'rectify-ok' } as unknown as ButtonProps}>
      {check && <Alert type="info" style={{ marginBottom: 16 }} title={`${check.unitName}：${check.problemNote ?? ''}`} />}
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        <Form.Item name="rectifiedOn" label={t('disclosure.ui.rectifiedOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
        <Form.Item name="rectificationNote" label={t('disclosure.ui.rectificationNote')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="rectify-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
