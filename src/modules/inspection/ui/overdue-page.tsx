// 逾期事项: the running deadlines of every module (overdue or due soon) in scope, each with 转督办.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import type { DeadlineView } from '../../../kernel/shared/deadline';
import { DeadlineBadge } from '../../../web/kit/deadline-badge';
import { toDateString, todayDayjs } from '../../../web/kit/format';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
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

export default function OverduePage() {
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
