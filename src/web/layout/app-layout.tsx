// The signed-in shell: left menu (kernel pages by permission + module menu from /api/auth/me),
// header with the platform name, the user and 退出, the calendar warning banner, and the page.
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Layout, Menu, Space, Spin, Typography, type MenuProps } from 'antd';
import { LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { KERNEL_PAGES, menuTestId, pageAllowed } from '../kernel-pages';
import { useSession } from '../session';
import { menuIcon } from './icons';

type MenuItem = NonNullable<MenuProps['items']>[number];

const leaf = (path: string, label: string, icon: string | undefined): MenuItem => ({
  key: path,
  icon: menuIcon(icon),
  label: (
    <Link to={path} data-testid={menuTestId(path)}>
      {label}
    </Link>
  ),
});

export function PageSpin() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

export function AppLayout() {
  const { me, can, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [leaving, setLeaving] = useState(false);

  const { items, keys, groupKeys } = useMemo(() => {
    const pages = KERNEL_PAGES.filter((p) => pageAllowed(p, can));
    const list: MenuItem[] = [];
    const keys: string[] = [];
    const groupKeys: string[] = [];
    for (const p of pages.filter((p) => !p.group && p.path === '/')) {
      list.push(leaf(p.path, p.label, p.icon));
      keys.push(p.path);
    }
    for (const g of me?.menu ?? []) {
      const children = g.items.map((item) => {
        const path = `/${g.key}/${item.path.replace(/^\//, '')}`;
        keys.push(path);
        return leaf(path, item.label, item.icon);
      });
      if (children.length === 0) continue;
      groupKeys.push(`group:${g.key}`);
      list.push({ key: `group:${g.key}`, label: g.label, icon: menuIcon(g.items[0]?.icon), children });
    }
    for (const p of pages.filter((p) => !p.group && p.path !== '/')) {
      list.push(leaf(p.path, p.label, p.icon));
      keys.push(p.path);
    }
    const admin = pages.filter((p) => p.group === 'admin');
    if (admin.length > 0) {
      groupKeys.push('group:admin');
      list.push({
        key: 'group:admin',
        label: '系统管理',
        icon: <SettingOutlined />,
        children: admin.map((p) => {
          keys.push(p.path);
          return leaf(p.path, p.label, p.icon);
        }),
      });
    }
    return { items: list, keys, groupKeys };
  }, [me, can]);

  const selected = useMemo(() => {
    const path = location.pathname;
    const hits = keys.filter((k) => (k === '/' ? path === '/' : path === k || path.startsWith(`${k}/`)));
    hits.sort((a, b) => b.length - a.length);
    return hits[0] ? [hits[0]] : [];
  }, [keys, location.pathname]);

  const user = me?.user;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24, background: '#0f3a6e' }}>
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, letterSpacing: 1, whiteSpace: 'nowrap' }} data-testid="platform-name">
          法治政府建设综合管理平台
        </Link>
        <Space size={16}>
          <Space size={6} style={{ color: '#fff' }} data-testid="current-user">
            <UserOutlined />
            <span>{user?.displayName}</span>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}>{user?.orgName}</Typography.Text>
          </Space>
          <Button
            size="small"
            ghost
            icon={<LogoutOutlined />}
            loading={leaving}
            data-testid="logout"
            onClick={async () => {
              setLeaving(true);
              await logout();
              setLeaving(false);
              navigate('/login', { replace: true });
            }}
          >
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Menu mode="inline" items={items} selectedKeys={selected} defaultOpenKeys={groupKeys} style={{ borderRight: 0, paddingTop: 8 }} data-testid="side-menu" />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          {me?.calendarWarning ? (
            <Alert type="warning" showIcon banner title={me.calendarWarning} style={{ marginBottom: 16 }} data-testid="calendar-warning" />
          ) : null}
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
