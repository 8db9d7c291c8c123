// 记录督察问题 (modal form).
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { toDateString, todayDayjs } from '../../../web/kit/format';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { FINDING_SOURCES } from '../order-machine';
import { inspectionApi } from './api';

export function FindingForm({ planId, onClose, onSaved }: { planId?: number | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    try {
      await inspectionApi({ form }).findings.$post({
        json: {
          planId: planId ?? null,
          orgId: v.orgId as number,
          description: String(v.description ?? '').trim(),
          category: (v.category as string | undefined) ?? null,
          requirement: String(v.requirement ?? '').trim(),
          dueDate: toDateString(v.dueDate as Dayjs | null),
          foundOn: toDateString(v.foundOn as Dayjs | null) ?? '',
          source: v.source as 'inspection',
        },
      });
      message.success('已记录问题');
      onSaved();
    } catch {
      // Marked on the form.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="记录督察问题" onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ foundOn: todayDayjs(), source: 'inspection' }} data-testid="finding-form">
        <Form.Item name="orgId" label="问题所在单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgTreeSelect permission="inspection:manage" allowClear={false} style={{ width: '100%' }} data-testid="finding-org" />
        </Form.Item>
        <Form.Item name="description" label="问题描述" rules={[{ required: true, message: '请填写问题描述' }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="finding-description" />
        </Form.Item>
        <Form.Item name="category" label="问题类别">
          <Input maxLength={50} placeholder="如：行政执法、规范性文件" />
        </Form.Item>
        <Form.Item name="requirement" label="整改要求" rules={[{ required: true, message: '请填写整改要求' }]}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="finding-requirement" />
        </Form.Item>
        <Form.Item name="foundOn" label="发现日期" rules={[{ required: true, message: '请选择发现日期' }]}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="dueDate" label="建议整改期限">
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="source" label="来源" rules={[{ required: true, message: '请选择来源' }]}>
          <Select options={FINDING_SOURCES.map((s) => ({ value: s.value, label: s.label }))} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="finding-submit">
          保存
        </Button>
      </Form>
    </Modal>
  );
}
