// 逾期与风险: the running deadlines of every module (overdue or due soon) in scope, each with 转督办; and the
// units the modules judge at risk (风险预警, GET /api/risk-signals), each with 转督办 into the issue form.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, DatePicker, Form, Input, Modal, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import type { DeadlineView } from '../../../kernel/shared/deadline';
import { DeadlineBadge } from '../../../web/kit/deadline-badge';
import { toDateString, todayDayjs } from '../../../web/kit/format';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { inspectionApi } from './api';

interface DeadlineItem extends DeadlineView {
  module: string;
  moduleLabel: string;
  entityType: string;
  entityId: number;
  title: string | null;
  link: string;
  orgId: number;
  orgName: string | null;
}

function ToOrder({ item, onClose }: { item: DeadlineItem; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { requirement: string; dueDate: Dayjs }) => {
    setBusy(true);
    try {
      const row = (await (await inspectionApi({ form }).orders['from-deadline'].$post({ json: { clockId: item.clockId, requirement: v.requirement.trim(), dueDate: toDateString(v.dueDate) ?? '' } })).json()) as {
        id: number;
        orderNo: string;
      };
      message.success(`已签发督办单 ${row.orderNo}`);
      onClose();
      navigate(`/inspection/orders/${row.id}`);
    } catch {
      // Marked on the form or shown by the error policy (e.g. already ordered).
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="转督办" onCancel={onClose} footer={null} destroyOnHidden width={600}>
      <Typography.Paragraph>
        {item.orgName} · {item.moduleLabel}“{item.title}”的{item.label}（{item.dueDate}届满）
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ requirement: `请于整改期限内依法办结，并报送逾期原因分析及整改措施。`, dueDate: todayDayjs().add(7, 'day') }} data-testid="from-deadline-form">
        <Form.Item name="requirement" label="整改要求" rules={[{ required: true, message: '请填写整改要求' }]}>
          <Input.TextArea rows={3} maxLength={4000} autoFocus />
        </Form.Item>
        <Form.Item name="dueDate" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
          <DatePicker format="YYYY-MM-DD" disabledDate={(d) => d.isBefore(todayDayjs(), 'day')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="from-deadline-submit">
          签发督办单
        </Button>
      </Form>
    </Modal>
  );
}

interface RiskItem {
  key: string;
  level: 'red' | 'yellow';
  orgId: number;
  orgName: string;
  title: string;
  reason: string;
  link: string;
  module: string;
  moduleLabel: string;
}

/** 风险预警: red and yellow units from every module; 转督办 opens the issue form prefilled. */
function RiskSignals() {
  const navigate = useNavigate();
  const [level, setLevel] = useState<'all' | 'red' | 'yellow'>('all');
  const [items, setItems] = useState<RiskItem[] | null>(null);
  useEffect(() => {
    setItems(null);
    void attempt(async () => setItems((await api.get<{ items: RiskItem[] }>('/api/risk-signals', { level })).items));
  }, [level]);
  const toOrder = (r: RiskItem) => {
    const q = new URLSearchParams({ orgId: String(r.orgId), title: r.title, content: `${r.moduleLabel}风险预警：${r.reason}`, requirement: '请分析原因，制定整改措施，并在整改期限内报送整改情况。' });
    navigate(`/inspection/orders/new?${q.toString()}`);
  };
  return (
    <Card>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>等级</Typography.Text>
        <Radio.Group
          optionType="button"
          value={level}
          onChange={(e) => setLevel(e.target.value as typeof level)}
          options={[
            { value: 'all', label: '全部' },
            { value: 'red', label: '红色' },
            { value: 'yellow', label: '黄色' },
          ]}
        />
      </Space>
      <Table<RiskItem>
        size="small"
        rowKey={(r) => `${r.module}:${r.key}`}
        loading={items === null}
        dataSource={items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无风险预警' }}
        data-testid="risk-table"
        columns={[
          { title: '等级', dataIndex: 'level', width: 70, render: (v: RiskItem['level']) => <Tag color={v === 'red' ? 'red' : 'gold'}>{v === 'red' ? '红色' : '黄色'}</Tag> },
          { title: '单位', dataIndex: 'orgName' },
          { title: '业务', dataIndex: 'moduleLabel', width: 100 },
          { title: '预警', dataIndex: 'title', render: (v: string, r) => <Link to={r.link}>{v}</Link> },
          { title: '原因', dataIndex: 'reason' },
          {
            title: '操作',
            width: 90,
            render: (_: unknown, r) => (
              <Button size="small" type="primary" ghost onClick={() => toOrder(r)} data-testid={`risk-to-order-${r.orgId}`}>
                转督办
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function OverduePage() {
  return (
    <Tabs
      items={[
        { key: 'deadlines', label: '逾期事项', children: <OverdueDeadlines /> },
        { key: 'risks', label: <span data-testid="tab-risks">风险预警</span>, children: <RiskSignals /> },
      ]}
    />
  );
}

function OverdueDeadlines() {
  const [active, setActive] = useState<DeadlineItem | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const columns: ColumnsType<DeadlineItem> = [
    { title: '事项', dataIndex: 'title', render: (v: string | null, r) => <Link to={r.link}>{v ?? `${r.entityType} ${r.entityId}`}</Link> },
    { title: '业务', dataIndex: 'moduleLabel' },
    { title: '承办单位', dataIndex: 'orgName' },
    { title: '期限', dataIndex: 'label', render: (v: string, r) => `${v}（${r.basis}）` },
    { title: '到期日', dataIndex: 'dueDate', width: 110 },
    { title: '状态', dataIndex: 'tone', render: (_: unknown, r) => <DeadlineBadge deadline={r} /> },
    {
      title: '操作',
      dataIndex: 'clockId',
      render: (_: unknown, r) =>
        r.entityType === 'supervision_order' ? (
          <Typography.Text type="secondary">督办单（可约谈、通报）</Typography.Text>
        ) : (
          <Button size="small" type="primary" ghost onClick={() => setActive(r)} data-testid={`to-order-${r.clockId}`}>
            转督办
          </Button>
        ),
    },
  ];
  return (
    <>
      <ListPage<DeadlineItem>
        title="逾期事项"
        url="/api/deadlines"
        rowKey="clockId"
        columns={columns}
        reloadKey={reloadKey}
        tableTestId="overdue-table"
        fromQuery={(q) => ({ tone: q.tone ?? 'overdue', orgId: q.orgId ? Number(q.orgId) : undefined })}
        filters={
          <>
            <Form.Item name="tone" label="类型" initialValue="overdue">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'overdue', label: '已逾期' },
                  { value: 'due_soon', label: '即将到期' },
                ]}
              />
            </Form.Item>
            <Form.Item name="orgId" label="单位">
              <OrgTreeSelect placeholder="全部" style={{ width: 200 }} />
            </Form.Item>
          </>
        }
      />
      {active ? (
        <ToOrder
          item={active}
          onClose={() => {
            setActive(null);
            setReloadKey((k) => k + 1);
          }}
        />
      ) : null}
    </>
  );
}
