// 督察计划 list: filters, export, 制定计划 (modal).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { labelOf, toDateString, todayDayjs } from '../../../web/kit/format';
import { ListPage } from '../../../web/kit/list-page';
import { useSession } from '../../../web/session';
import { PLAN_KINDS, PLAN_METHODS, PLAN_STATUSES } from '../order-machine';
import { inspectionApi } from './api';
import type { PlanListItem } from './types';

const options = (list: readonly { value: string; label: string }[]) => list.map((o) => ({ value: o.value, label: o.label }));
const lines = (v: unknown) =>
  String(v ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

const columns: ColumnsType<PlanListItem> = [
  { title: '年度', dataIndex: 'year', width: 70 },
  { title: '计划名称', dataIndex: 'title', render: (v: string, r) => <Link to={`/inspection/plans/${r.id}`}>{v}</Link> },
  { title: '类型', dataIndex: 'kind', render: (v: string) => labelOf(PLAN_KINDS, v) },
  { title: '方式', dataIndex: 'method', render: (v: string) => labelOf(PLAN_METHODS, v) },
  { title: '时间', dataIndex: 'startDate', render: (_: unknown, r) => `${r.startDate} 至 ${r.endDate}` },
  { title: '督察对象', dataIndex: 'targetCount' },
  { title: '发现问题', dataIndex: 'findingCount' },
  { title: '状态', dataIndex: 'status', render: (v: string) => <Tag color={v === 'completed' ? 'green' : v === 'in_progress' ? 'blue' : 'default'}>{labelOf(PLAN_STATUSES, v)}</Tag> },
];

function PlanForm({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    try {
      const range = v.range as [Dayjs, Dayjs] | undefined;
      const row = (await (
        await inspectionApi({ form }).plans.$post({
          json: {
            year: v.year as number,
            title: String(v.title ?? '').trim(),
            kind: v.kind as 'annual',
            method: v.method as 'on_site',
            startDate: toDateString(range?.[0]) ?? '',
            endDate: toDateString(range?.[1]) ?? '',
            items: lines(v.items),
            inspectors: lines(v.inspectors),
          },
        })
      ).json()) as { id: number };
      message.success('已制定督察计划');
      navigate(`/inspection/plans/${row.id}`);
    } catch {
      // Marked on the form.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="制定督察计划" onCancel={onClose} footer={null} width={680} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: todayDayjs().year(), kind: 'annual', method: 'on_site' }}>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="title" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label="督察类型">
          <Select options={options(PLAN_KINDS)} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="method" label="督察方式">
          <Select options={options(PLAN_METHODS)} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="range" label="督察时间" rules={[{ required: true, message: '请选择督察时间' }]}>
          <DatePicker.RangePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="items" label="督察内容（每行一项）" rules={[{ required: true, message: '请至少填写一项督察内容' }]}>
          <Input.TextArea rows={5} />
        </Form.Item>
        <Form.Item name="inspectors" label="督察人员（每行一人）">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
      </Form>
    </Modal>
  );
}

export default function PlanListPage() {
  const { can } = useSession();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <ListPage<PlanListItem>
        title="督察计划"
        url="/api/inspection/plans"
        rowKey="id"
        columns={columns}
        exportUrl={can('inspection:export') ? '/api/inspection/plans/export' : undefined}
        exportFileName="督察计划.xlsx"
        tableTestId="plan-table"
        actions={
          can('inspection:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              制定计划
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="year" label="年度">
              <InputNumber min={2000} max={2100} placeholder="全部" style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="kind" label="类型">
              <Select allowClear placeholder="全部" options={options(PLAN_KINDS)} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" options={options(PLAN_STATUSES)} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear style={{ width: 160 }} />
            </Form.Item>
          </>
        }
      />
      {adding ? <PlanForm onClose={() => setAdding(false)} /> : null}
    </>
  );
}
