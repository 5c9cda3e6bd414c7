import { Link } from 'react-router-dom';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useAuth } from '../auth/AuthContext';
import { useT } from '../i18n';
import { navItems } from '../layout/nav';
import { PageHeader } from '../components/PageHeader';

/** 工作台: who am I, where do I work, and shortcuts to what I may open. Module dashboards come later. */
export function HomePage() {
  const t = useT();
  const { me, can } = useAuth();
  if (!me) return null;
  const links = navItems.filter((n) => n.path !== '/' && (!n.permission || can(n.permission)));
  return (
    <>
      <PageHeader title={t('home.title')} />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'unit', label: t('profile.unit'), children: <span data-testid="home-unit">{me.unit.name}</span> },
            { key: 'roles', label: t('profile.roles'), children: me.roles.map((r) => <Tag key={r.id}>{r.name}</Tag>) },
            { key: 'scope', label: t('profile.dataScope'), children: t(`dataScope.${me.dataScope}`) },
          ]}
        />
      </Card>
      <Card title={t('home.quickLinks')}>
        <Row gutter={[16, 16]}>
          {links.map((n) => (
            <Col key={n.path} xs={12} md={8} xl={6}>
              <Link to={n.path} data-testid={`quick-${n.testId}`}>
                <Card hoverable size="small" style={{ textAlign: 'center' }}>
                  <div style={{ fontSize: 24 }}>{n.icon}</div>
                  {t(n.label)}
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </>
  );
}
