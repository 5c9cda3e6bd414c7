import { useEffect, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useT } from '../../../web/i18n';
import { useServerErrors } from './formKit';

/**
 * A modal form that posts one workflow step (dispose, conclude, advance stage, record an outcome …): server
 * refusals appear on the named field or, naming their rule, above the form; on success the case or clue
 * queries are refreshed.
 */
export function ActionModal<V extends object>({ open, title, fields, initial, submit, onDone, onClose, children, testId, width }: {
  open: boolean; title: ReactNode; fields: readonly string[]; initial?: Partial<V>;
  submit: (values: V) => Promise<unknown>; onDone?: (result: unknown) => void; onClose: () => void; children: (form: FormInstance<V>) => ReactNode; testId: string; width?: number;
}) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const errors = useServerErrors(form, fields);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (initial) form.setFieldsValue(initial as Parameters<typeof form.setFieldsValue>[0]);
    errors.clear();
    // Only when it opens: the caller builds `initial` on every render.
  }, [open]);
  const run = useMutation({
    meta: { manualError: true },
    mutationFn: submit,
    onSuccess: (result) => {
      void qc.invalidateQueries({ queryKey: ['cases'] });
      message.success(t('common.saved'));
      onClose();
      onDone?.(result);
    },
    onError: errors.onError,
  });
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden width={width ?? 560}
      okButtonProps={{ 'data-testid': `${testId}-ok` } as unknown as ButtonProps} okText={t('common.save')}>
      {errors.alert}
      <Form form={form} layout="vertical" data-testid={testId} onFinish={(v) => { errors.clear(); run.mutate(v); }}>
        {children(form)}
      </Form>
    </Modal>
  );
}
