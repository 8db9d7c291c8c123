// 首页: 我的待办, 即将到期 and a few counts.
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Col, Empty, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, ReloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { DeadlineTone } from '../../kernel/shared/deadline';
import { api } from '../api-client';
import { DeadlineBadge } from '../kit/deadline-badge';
import { attempt } from '../kit/error-policy';
import { formatDateTime } from '../kit/format';
import { useSession } from '../session';

interface Todo {
  id: number;
  module: string;
  title: string;
  kind: 'action' | 'due_soon' | 'overdue';
  link: string;
  dueDate: string | null;
  createdAt: string;
}

interface HomeDeadline {
  clockId: number;
  module: string;
  entityType: string;
  entityId: number;
  label: string;
  basis: string;
  title: string;
  link: string;
  dueDate: string | null;
  tone: DeadlineTone;
  remainingWorkingDays: number | null;
}

interface HomeData {
  todos: Todo[];
  deadlines: HomeDeadline[];
}

const KIND_TAGS: Record<Todo['kind'], { color: string; label: string }> = {
  action: { color: 'blue', label: '待办理' },
  due_soon: { color: 'gold', label: '即将到期' },
  overdue: { color: 'red', label: '已逾期' },
};

export default function HomePage() {
  const { me } = useSession();
  const [data, setData] = useState<HomeData | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    await attempt(async () => {
      const res = await api.get<HomeData>('/api/home');
      setData({ todos: res.todos ?? [], deadlines: res.deadlines ?? [] });
    });
    setLoading(false);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const moduleLabel = (key: string) => me?.menu.find((g) => g.key === key)?.label ?? key;
  const todos = data?.todos ?? [];
  const deadlines = data?.deadlines ?? [];
  const overdue = deadlines.filter((d) => d.tone === 'red').length;
  const dueSoon = deadlines.filter((d) => d.tone === 'yellow').length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          您好，{me?.user?.displayName}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
          刷新
        </Button>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title="我的待办" value={todos.length} prefix={<UnorderedListOutlined />} loading={loading} data-testid="stat-todos" />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title="即将到期" value={dueSoon} prefix={<ClockCircleOutlined />} styles={{ content: { color: '#d48806' } }} loading={loading} data-testid="stat-due-soon" />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title="已逾期" value={overdue} prefix={<ExclamationCircleOutlined />} styles={{ content: { color: overdue > 0 ? '#cf1322' : undefined } }} loading={loading} data-testid="stat-overdue" />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title="我的待办" data-testid="home-todos">
            <Spin spinning={loading}>
              {todos.length === 0 ? (
                <Empty description="暂无待办" image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 520, overflow: 'auto' }}>
                  {todos.map((t) => (
                    <li key={t.id} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                      <Space size={8} wrap>
                        <Tag color={KIND_TAGS[t.kind]?.color}>{KIND_TAGS[t.kind]?.label ?? t.kind}</Tag>
                        <Link to={t.link} data-testid={`todo-${t.id}`}>
                          {t.title}
                        </Link>
                        <Typography.Text type="secondary">{moduleLabel(t.module)}</Typography.Text>
                      </Space>
                      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                        {t.dueDate ? `期限 ${t.dueDate}` : formatDateTime(t.createdAt).slice(0, 10)}
                      </Typography.Text>
                    </li>
                  ))}
                </ul>
              )}
            </Spin>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title="即将到期" data-testid="home-deadlines">
            <Table<HomeDeadline>
              size="small"
              rowKey="clockId"
              loading={loading}
              dataSource={deadlines}
              pagination={deadlines.length > 10 ? { pageSize: 10, size: 'small' } : false}
              locale={{ emptyText: '暂无即将到期的事项' }}
              columns={[
                { title: '事项', dataIndex: 'title', render: (v: string, d) => <Link to={d.link}>{v}</Link> },
                { title: '期限', dataIndex: 'label', width: 130 },
                { title: '到期', width: 240, render: (_: unknown, d) => <DeadlineBadge deadline={d} /> },
                { title: '模块', dataIndex: 'module', width: 120, render: (v: string) => moduleLabel(v) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
