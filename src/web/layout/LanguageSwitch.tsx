import { Segmented } from 'antd';
import { api, showError } from '../api/client';
import type { Me } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useLocale } from '../i18n';
import { setLocale, type Locale } from '../i18n/locale';

/** Switches the UI language; a logged-in user's choice is also saved on the profile (used for e-mails, exports). */
export function LanguageSwitch() {
  const locale = useLocale();
  const { me, setMe } = useAuth();
  const change = (next: Locale) => {
    setLocale(next);
    if (me) api.patch<Me>('/auth/me', { locale: next }).then(setMe, showError);
  };
  return (
    <Segmented<Locale>
      data-testid="lang-switch"
      size="small"
      value={locale}
      onChange={change}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
