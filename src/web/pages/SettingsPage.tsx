import { Card, Descriptions, Space, Tag } from 'antd';
import { useAuth } from '../auth/AuthContext';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { PageHeader } from '../components/PageHeader';
import { TotpDisable } from '../components/TotpDisable';
import { TotpEnrol } from '../components/TotpEnrol';
import { useT } from '../i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';

export default function SettingsPage() {
  const t = useT();
  const { me, refresh } = useAuth();
  if (!me) return null;
  return (
    <>
      <PageHeader title={t('menu.settings')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('profile.title')}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'username', label: t('profile.username'), children: me.username },
              { key: 'displayName', label: t('profile.displayName'), children: me.displayName },
              { key: 'unit', label: t('profile.unit'), children: me.unit.name },
              { key: 'roles', label: t('profile.roles'), children: me.roles.map((r) => <Tag key={r.id}>{r.name}</Tag>) },
              { key: 'scope', label: t('profile.dataScope'), children: t(`dataScope.${me.dataScope}`) },
              { key: 'lang', label: t('profile.language'), children: <LanguageSwitch /> },
            ]}
          />
        </Card>
        <Card title={t('password.title')}>
          <ChangePasswordForm />
        </Card>
        <Card
          title={t('totp.title')}
          extra={<Tag color={me.totpEnabled ? 'green' : 'default'}>{me.totpEnabled ? t('totp.statusOn') : t('totp.statusOff')}</Tag>}
        >
          {me.totpEnabled ? (
            <TotpDisable required={me.totpRequired} onDone={() => void refresh()} />
          ) : (
            <TotpEnrol onDone={() => void refresh()} />
          )}
        </Card>
      </Space>
    </>
  );
}
