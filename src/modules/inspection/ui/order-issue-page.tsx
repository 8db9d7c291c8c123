// 签发督办单: to a unit, directly or for a finding (?findingId=&orgId=&… prefill from the finding list).
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Card, DatePicker, Form, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { toDateString, todayDayjs } from '../../../web/kit/format';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { inspectionApi } from './api';

export default function OrderIssuePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const findingId = params.get('findingId') ? Number(params.get('findingId')) : null;

  const submit = async (v: Record<string, unknown>) => {
    setSaving(true);
    try {
      const json = {
        orgId: v.orgId as number,
        findingId,
        title: String(v.title ?? '').trim(),
        content: String(v.content ?? '').trim(),
        requirement: String(v.requirement ?? '').trim(),
        dueDate: toDateString(v.dueDate as Dayjs | null) ?? '',
      };
      const row = (await (await inspectionApi({ form }).orders.$post({ json })).json()) as { id: number; orderNo: string };
      message.success(`已签发，文号 ${row.orderNo}`);
      navigate(`/inspection/orders/${row.id}`, { replace: true });
    } catch {
      // Marked on the form by the error policy.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={findingId ? '针对督察问题签发督办单' : '签发督办单'}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ maxWidth: 820 }}
        initialValues={{
          orgId: params.get('orgId') ? Number(params.get('orgId')) : undefined,
          title: params.get('title') ?? '',
          content: params.get('content') ?? '',
          requirement: params.get('requirement') ?? '',
          dueDate: todayDayjs().add(15, 'day'),
        }}
        data-testid="order-form"
      >
        <Form.Item name="orgId" label="被督办单位" rules={[{ required: true, message: '请选择被督办单位' }]}>
          <OrgTreeSelect permission="inspection:issue" allowClear={false} disabled={Boolean(findingId)} style={{ width: '100%' }} data-testid="order-org" />
        </Form.Item>
        <Form.Item name="title" label="督办事项" rules={[{ required: true, message: '请填写督办事项' }]}>
          <Input autoFocus maxLength={200} data-testid="order-title" />
        </Form.Item>
        <Form.Item name="content" label="督办内容" rules={[{ required: true, message: '请填写督办内容' }]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="order-content" />
        </Form.Item>
        <Form.Item name="requirement" label="整改要求" rules={[{ required: true, message: '请填写整改要求' }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="order-requirement" />
        </Form.Item>
        <Form.Item name="dueDate" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]} extra="交办期限，到期不顺延节假日">
          <DatePicker format="YYYY-MM-DD" disabledDate={(d) => d.isBefore(todayDayjs(), 'day')} data-testid="order-due" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="order-submit">
            签发
          </Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
          <Typography.Text type="secondary">签发后自动编号，并向被督办单位发送整改待办</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
