import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Space, Typography } from 'antd';
import { api } from '../api/client';
import { handleFormError } from '../api/formErrors';
import { useT } from '../i18n';
import { QrCode } from './QrCode';

interface Setup {
  secret: string;
  otpauthUrl: string;
}

/** Two steps: ask the server for a fresh secret, then prove the authenticator app works with one code. */
export function TotpEnrol({ onDone }: { onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const setup = useMutation({ mutationFn: () => api.post<Setup>('/auth/totp/setup') });
  const enable = useMutation({
    mutationFn: (code: string) => api.post<void>('/auth/totp/enable', { code }),
    meta: { manualError: true },
    onSuccess: () => {
      void message.success(t('totp.enabled'));
      onDone();
    },
    onError: (err) => {
      // Any rejection here is about the typed code, so show it on that field.
      if (!(err instanceof Error)) return;
      handleFormError(form, err, ['code']);
      if (!form.getFieldError('code').length) form.setFields([{ name: 'code', errors: [err.message] }]);
    },
  });

  if (!setup.data) {
    return (
      <Space orientation="vertical">
        <Typography.Paragraph>{t('totp.intro')}</Typography.Paragraph>
        <Button type="primary" loading={setup.isPending} onClick={() => setup.mutate()} data-testid="totp-start">
          {t('totp.start')}
        </Button>
      </Space>
    );
  }
  const { secret, otpauthUrl } = setup.data;
  return (
    <Flex gap={24} wrap align="flex-start">
      <QrCode text={otpauthUrl} />
      <div style={{ flex: 1, minWidth: 260 }}>
        <Alert type="info" showIcon title={t('totp.scan')} style={{ marginBottom: 12 }} />
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'secret', label: t('totp.secret'), children: <Typography.Text code copyable data-testid="totp-secret">{secret}</Typography.Text> },
            {
              key: 'url',
              label: t('totp.url'),
              children: (
                <Typography.Text type="secondary" copyable={{ text: otpauthUrl }} style={{ wordBreak: 'break-all' }}>
                  {otpauthUrl}
                </Typography.Text>
              ),
            },
          ]}
        />
        <Form form={form} layout="inline" onFinish={(v) => enable.mutate(v.code)}>
          <Form.Item name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpFormat') }]}>
            <Input placeholder={t('login.totpCode')} inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="totp-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={enable.isPending} data-testid="totp-enable">
            {t('totp.confirm')}
          </Button>
        </Form>
      </div>
    </Flex>
  );
}
