import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { api, ApiError } from '../api/client';
import { handleFormError } from '../api/formErrors';
import { isStrongEnough } from '../auth/passwordPolicy';
import { useT } from '../i18n';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (v: Values) => api.post<void>('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    meta: { manualError: true },
    onSuccess: () => {
      form.resetFields();
      void message.success(t('password.changed'));
      onDone?.();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'WEAK_PASSWORD') form.setFields([{ name: 'newPassword', errors: [err.message] }]);
      else handleFormError(form, err, ['currentPassword', 'newPassword']);
    },
  });
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={(v) => mutation.mutate(v)}>
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.policy')}
        rules={[
          { required: true, message: t('common.required') },
          { validator: (_, v: string) => (!v || isStrongEnough(v) ? Promise.resolve() : Promise.reject(new Error(t('password.weak')))) },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, v: string) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
