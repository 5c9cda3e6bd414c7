import type { ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Select, Space, type FormInstance } from 'antd';
import { useT } from '../../../web/i18n';
import { useServerErrors } from '../../cases/pages/formKit';
import { decisionMeetings, villageKeys } from './api';

/**
 * What the three ledger forms (收支, 合同, 处置) share: one row sent to the server, which checks it as the import
 * checks that sheet, writes it and screens the county again; the answer says how many flags now stand. Server
 * errors land on their fields; closing the drawer clears it.
 */
export function useLedgerSave<V>(fields: string[], submit: (values: V) => Promise<{ hits: number }>, onClose: () => void) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const errors = useServerErrors(form, fields);
  const save = useMutation({
    meta: { manualError: true },
    mutationFn: submit,
    onSuccess: (r) => { void qc.invalidateQueries({ queryKey: villageKeys.all }); void message.success(t('villageAssets.ui.entrySaved', { n: r.hits })); onClose(); },
    onError: errors.onError,
  });
  return { form, errors, save };
}

interface DrawerProps<V> {
  open: boolean; onClose: () => void; title: string;
  /** Test ids `${testId}-drawer` and `${testId}-save`. */
  testId: string;
  ledger: ReturnType<typeof useLedgerSave<V>>;
  initialValues?: Partial<V>;
  children: ReactNode;
}

export function LedgerDrawer<V>({ open, onClose, title, testId, ledger: { form, errors, save }, initialValues, children }: DrawerProps<V>) {
  const t = useT();
  return (
    <Drawer open={open} onClose={onClose} title={title} size="large" data-testid={`${testId}-drawer`}
      afterOpenChange={(o) => { if (!o) { errors.clear(); form.resetFields(); } }}
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid={`${testId}-save`}>{t('common.save')}</Button></Space>}>
      {errors.alert}
      <Form form={form as FormInstance} layout="vertical" onFinish={(v: V) => save.mutate(v)} initialValues={initialValues}>
        {children}
      </Form>
    </Drawer>
  );
}

/** The 村级重大事项 decision (date and meeting) every ledger row may carry, plus whatever else goes on its line. */
export function DecisionFields({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <Space wrap>
      <Form.Item name="decisionDate" label={t('villageAssets.ui.decisionDate')}><DatePicker /></Form.Item>
      <Form.Item name="decisionMeeting" label={t('villageAssets.ui.decisionMeeting')}>
        <Select allowClear style={{ width: 160 }} options={decisionMeetings.map((m) => ({ value: m, label: m }))} />
      </Form.Item>
      {children}
    </Space>
  );
}
