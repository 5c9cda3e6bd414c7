import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n';

export function ForbiddenPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('error.forbidden')}
      data-testid="page-forbidden"
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('error.backHome')}</Button>}
    />
  );
}
