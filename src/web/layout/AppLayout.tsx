import { useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Button, Flex, Layout, Menu, Tooltip, Typography, theme, type MenuProps } from 'antd';
import { BankOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../auth/AuthContext';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { navGroups, navItems, type NavGroup, type NavItem } from './nav';

const { Sider, Header, Content } = Layout;

/** The menu entry whose path is the longest prefix of the current location stays highlighted on sub-pages. */
function selectedKey(pathname: string): string {
  const match = navItems
    .filter((n) => (n.path === '/' ? pathname === '/' : pathname === n.path || pathname.startsWith(`${n.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? '';
}

export function AppLayout() {
  const t = useT();
  const { me, can, logout } = useAuth();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  const items = useMemo<MenuProps['items']>(() => {
    const visible = navItems.filter((n) => !n.permission || can(n.permission));
    const toItem = (n: NavItem) => ({
      key: n.path,
      icon: n.icon,
      label: (
        <Link to={n.path} data-testid={n.testId}>
          {t(n.label)}
        </Link>
      ),
    });
    // A collapsed sider has no room for group titles: show a divider between the groups instead.
    const group = (g: NavGroup, label: string): NonNullable<MenuProps['items']> => {
      const children = visible.filter((n) => n.group === g).map(toItem);
      if (!children.length) return [];
      return collapsed ? [{ type: 'divider', key: `${g}-divider` }, ...children] : [{ type: 'group', key: g, label, children }];
    };
    return [
      ...visible.filter((n) => n.path === '/').map(toItem),
      ...navGroups.flatMap((g) => group(g.key, t(g.label))),
      ...visible.filter((n) => !n.group && n.path !== '/').map(toItem),
    ];
  }, [can, t, collapsed]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208} theme="dark">
        <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#fff', fontWeight: 600, fontSize: collapsed ? 18 : 20, letterSpacing: 2 }}>
          {collapsed ? t('app.shortName') : t('app.name')}
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(pathname)]} items={items} />
      </Sider>
      <Layout style={{ minWidth: 0 }}>
        <Header style={{ background: token.colorBgContainer, padding: '0 16px', display: 'flex', alignItems: 'center', gap: 16, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <Typography.Text strong style={{ flex: 1, minWidth: 0 }} ellipsis>
            {t('app.subtitle')}
          </Typography.Text>
          <Flex align="center" gap={16} style={{ flexShrink: 0 }}>
            <Tooltip title={t('header.unit')}>
              <span data-testid="header-unit" style={{ color: token.colorTextSecondary, maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                <BankOutlined /> {me?.unit.name}
              </span>
            </Tooltip>
            <span data-testid="header-user" style={{ whiteSpace: 'nowrap' }}>
              <UserOutlined /> {me?.displayName}
            </span>
            <NotificationBell />
            <LanguageSwitch />
            <Button size="small" icon={<LogoutOutlined />} data-testid="logout" onClick={() => void logout()}>
              {t('header.logout')}
            </Button>
          </Flex>
        </Header>
        <Content style={{ margin: 16, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
