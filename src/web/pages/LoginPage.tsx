import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, ConfigProvider, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { useAuth, type LoginInput } from '../auth/AuthContext';
import { useT } from '../i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';

/** Only same-site paths are accepted as "go back to" targets (no open redirect via ?next=//evil). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const t = useT();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginInput>();
  const [needTotp, setNeedTotp] = useState(false);
  const [alert, setAlert] = useState<{ type: 'error' | 'warning' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  const submit = async (values: LoginInput) => {
    setBusy(true);
    setAlert(null);
    try {
      await login({ ...values, totpCode: needTotp ? values.totpCode : undefined });
      navigate(next, { replace: true });
    } catch (err) {
      if (!(err instanceof ApiError)) {
        setAlert({ type: 'error', text: String(err) });
      } else if (err.code === 'TOTP_REQUIRED') {
        setNeedTotp(true);
        setAlert({ type: 'info', text: t('login.totpPrompt') });
      } else if (err.code === 'TOTP_INVALID') {
        form.setFields([{ name: 'totpCode', errors: [err.message || t('login.totpInvalid')] }]);
      } else {
        // 423 lockout and 429 carry the server's own wording (e.g. when the lock ends).
        setAlert({ type: err.status === 423 || err.status === 429 ? 'warning' : 'error', text: err.message });
      }
    } finally {
      setBusy(false);
    }
  };

  // The login screen carries the brand colour; inside the app red is kept for navigation and errors.
  return (
    <ConfigProvider theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #7f0000 0%, #b71c1c 45%, #f5f5f5 45%)', padding: 16 }}>
        <Card style={{ width: 400, maxWidth: '100%' }} extra={<LanguageSwitch />} title={t('app.name')}>
          <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }} data-testid="login-title">
            {t('app.title')}
          </Typography.Title>
          {alert && <Alert style={{ marginBottom: 16 }} type={alert.type} title={alert.text} showIcon data-testid="login-error" />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {needTotp && (
              <Form.Item name="totpCode" label={t('login.totpCode')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpFormat') }]}>
                <Input prefix={<SafetyOutlined />} inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="login-totp" autoFocus />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <Typography.Text type="secondary" style={{ marginTop: 16 }}>
          {t('login.footer')}
        </Typography.Text>
      </Flex>
    </ConfigProvider>
  );
}
