// The frame of public (no login) pages: a plain header and a centred column.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Layout, Typography } from 'antd';

export function PortalFrame({ title, children, links }: { title: string; children: ReactNode; links?: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      <Layout.Header style={{ background: '#0f3a6e', display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>{title}</Typography.Text>
        <div style={{ display: 'flex', gap: 20 }}>{links}</div>
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 16px' }}>
        <div style={{ maxWidth: 880, margin: '0 auto' }}>{children}</div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>
        法治政府建设综合管理平台 · <Link to="/login">工作人员登录</Link>
      </Layout.Footer>
    </Layout>
  );
}
