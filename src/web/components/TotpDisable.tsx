import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Typography } from 'antd';
import { api, ApiError } from '../api/client';
import { handleFormError } from '../api/formErrors';
import { useT } from '../i18n';

/** Turning the second factor off asks for the password again, so a walked-away session cannot do it. */
export function TotpDisable({ required, onDone }: { required: boolean; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const disable = useMutation({
    mutationFn: (password: string) => api.post<void>('/auth/totp/disable', { password }),
    meta: { manualError: true },
    onSuccess: () => {
      form.resetFields();
      void message.success(t('totp.disabled'));
      onDone();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 401) form.setFields([{ name: 'password', errors: [err.message] }]);
      else handleFormError(form, err, ['password']);
    },
  });
  if (required) return <Typography.Text type="secondary">{t('totp.requiredByRole')}</Typography.Text>;
  return (
    <Form form={form} layout="inline" onFinish={(v) => disable.mutate(v.password)}>
      <Form.Item name="password" rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password placeholder={t('password.current')} autoComplete="current-password" data-testid="totp-disable-password" />
      </Form.Item>
      <Button danger htmlType="submit" loading={disable.isPending} data-testid="totp-disable">
        {t('totp.disable')}
      </Button>
    </Form>
  );
}
