import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n';

export function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.notFound')}
      data-testid="page-not-found"
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('error.backHome')}</Button>}
    />
  );
}
