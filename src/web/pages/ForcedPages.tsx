import type { ReactNode } from 'react';
import { Button, Card, Flex, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useAuth } from '../auth/AuthContext';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { TotpEnrol } from '../components/TotpEnrol';
import { useT } from '../i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';

/** A bare frame without the menu: nothing else is reachable until the forced step is done. */
function ForcedFrame({ title, hint, testId, children }: { title: string; hint: string; testId: string; children: ReactNode }) {
  const t = useT();
  const { me, logout } = useAuth();
  return (
    <Flex justify="center" align="flex-start" style={{ minHeight: '100vh', background: '#f5f5f5', padding: '48px 16px' }}>
      <Card
        style={{ width: 640, maxWidth: '100%' }}
        title={`${t('app.name')} · ${title}`}
        data-testid={testId}
        extra={
          <Flex gap={8}>
            <LanguageSwitch />
            <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
              {t('header.logout')}
            </Button>
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary">
          {t('forced.who', { name: me?.displayName ?? '', unit: me?.unit.name ?? '' })}{hint}
        </Typography.Paragraph>
        {children}
      </Card>
    </Flex>
  );
}

export function ForcedPasswordPage() {
  const t = useT();
  const { refresh } = useAuth();
  return (
    <ForcedFrame title={t('password.title')} hint={t('forced.password')} testId="forced-password">
      <ChangePasswordForm onDone={() => void refresh()} />
    </ForcedFrame>
  );
}

export function ForcedTotpPage() {
  const t = useT();
  const { refresh } = useAuth();
  return (
    <ForcedFrame title={t('totp.title')} hint={t('forced.totp')} testId="forced-totp">
      <TotpEnrol onDone={() => void refresh()} />
    </ForcedFrame>
  );
}
