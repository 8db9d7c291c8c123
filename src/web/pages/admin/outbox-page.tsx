// 事件投递 (系统管理员): subscribers of other modules' events that failed for good or wait for another
// attempt, with the error (no personal data: payloads hold ids, errors are stored without SQL parameters),
// and 重试 once the cause is fixed.
import { useState } from 'react';
import { Alert, App, Button, Form, Popconfirm, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { RedoOutlined } from '@ant-design/icons';
import type { OutboxDeliveryView } from '../../../kernel/events/outbox-admin';
import { api } from '../../api-client';
import { attempt } from '../../kit/error-policy';
import { formatDateTime } from '../../kit/format';
import { ListPage } from '../../kit/list-page';

interface Filters extends Record<string, unknown> {
  status?: 'failed' | 'pending';
}

interface Backlog {
  pendingEvents: number;
  oldestPendingAt: string | null;
}

const STATUS_OPTIONS = [
  { value: 'failed', label: '投递失败（已停止重试）' },
  { value: 'pending', label: '等待重试' },
];

// A backlog older than this means the dispatcher is not running (it passes every few seconds).
const STUCK_MS = 10 * 60_000;

export default function OutboxPage() {
  const { message } = App.useApp();
  const [reloadKey, setReloadKey] = useState(0);
  const [backlog, setBacklog] = useState<Backlog | null>(null);
  const [retrying, setRetrying] = useState<number | null>(null);

  const retry = async (row: OutboxDeliveryView) => {
    setRetrying(row.eventId);
    await attempt(async () => {
      const r = await api.post<{ consumers: string[] }>(`/api/system/outbox/${row.eventId}/retry`, {});
      message.success(`已安排重试：${r.consumers.length} 个订阅方，稍后自动投递`);
      setReloadKey((k) => k + 1);
    });
    setRetrying(null);
  };

  const columns: ColumnsType<OutboxDeliveryView> = [
    { title: '事件编号', dataIndex: 'eventId', width: 90 },
    { title: '事件类型', dataIndex: 'eventType', render: (v: string, r) => <Typography.Text code title={`记录编号 ${r.entityId ?? '—'}`}>{v}</Typography.Text> },
    { title: '记录编号', dataIndex: 'entityId', width: 90, render: (v: number | null) => v ?? '—' },
    { title: '订阅模块', dataIndex: 'module', width: 110 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (v: string) => (v === 'failed' ? <Tag color="red">投递失败</Tag> : v === 'pending' ? <Tag color="orange">等待重试</Tag> : <Tag color="green">已投递</Tag>),
    },
    { title: '尝试次数', dataIndex: 'attempts', width: 90 },
    {
      title: '最后错误',
      dataIndex: 'lastError',
      width: 360,
      render: (v: string | null) =>
        v ? (
          <Typography.Paragraph style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
            {v}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
    { title: '下次尝试', dataIndex: 'nextAttemptAt', width: 170, render: (v: string, r) => (r.status === 'pending' ? formatDateTime(v) : '—') },
    { title: '事件时间', dataIndex: 'eventCreatedAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 90,
      render: (_: unknown, r) => (
        <Popconfirm title="确认重试该事件的投递？" description="请先排除错误原因；重试将重新计算尝试次数。" onConfirm={() => retry(r)}>
          <Button size="small" icon={<RedoOutlined />} loading={retrying === r.eventId} data-testid={`outbox-retry-${r.eventId}`}>
            重试
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const stuck = backlog?.oldestPendingAt ? Date.now() - new Date(backlog.oldestPendingAt).getTime() > STUCK_MS : false;

  return (
    <>
      {backlog && stuck ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="outbox-stuck"
          title={`有 ${backlog.pendingEvents} 个事件尚未处理完毕，最早的产生于 ${formatDateTime(backlog.oldestPendingAt)}`}
          description="事件通常在几秒内分发。积压较久说明有订阅方在等待重试或已失败（见下表），或者服务的事件分发未在运行。"
        />
      ) : null}
      <ListPage<OutboxDeliveryView, Filters>
        title="事件投递故障"
        url="/api/system/outbox"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        tableTestId="outbox-table"
        onLoaded={(r) => setBacklog((r.backlog as Backlog | undefined) ?? null)}
        fromQuery={(q) => ({ status: q.status === 'pending' ? 'pending' : 'failed' })}
        filters={
          <Form.Item name="status" label="状态">
            <Select style={{ width: 200 }} options={STATUS_OPTIONS} data-testid="outbox-status" />
          </Form.Item>
        }
        tableProps={{ size: 'small' }}
      />
    </>
  );
}
