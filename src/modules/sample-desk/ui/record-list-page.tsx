// 示例台账 list: status filter, keyword, pagination, and 登记 in a dialog.
import { Link } from 'react-router-dom';
import { Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../../web/api-client';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { StatusTag, stateOptions } from '../../../web/kit/status-tag';
import { useSession } from '../../../web/session';
import { recordMachine } from '../record-machine';
import type { RecordItem } from './types';

interface Filters extends Record<string, unknown> {
  status?: string;
  q?: string;
}

const columns: ColumnsType<RecordItem> = [
  { title: '标题', dataIndex: 'title', render: (v: string, r) => <Link to={`/sample-desk/records/${r.id}`}>{v}</Link> },
  { title: '登记日期', dataIndex: 'receivedOn', width: 120 },
  { title: '状态', dataIndex: 'status', width: 120, render: (s: string) => <StatusTag machine={recordMachine} state={s} /> },
];

export default function RecordListPage() {
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const [form] = Form.useForm();
  const submit = async () => {
    const v = await form.validateFields();
    await api.post('/api/sample-desk/records', { title: v.title, orgId: v.orgId, receivedOn: v.receivedOn.format('YYYY-MM-DD'), content: v.content ?? null });
    setOpen(false);
    form.resetFields();
    setReloadKey((k) => k + 1);
  };
  return (
    <>
      <ListPage<RecordItem, Filters>
        title="示例台账"
        url="/api/sample-desk/records"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        toQuery={(v) => ({ status: v.status, q: v.q?.trim() })}
        filters={
          <>
            <Form.Item name="status" label="状态">
              <Select allowClear style={{ width: 140 }} options={stateOptions(recordMachine)} />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="标题" />
            </Form.Item>
          </>
        }
        actions={
          can('sample-desk:register') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              登记
            </Button>
          ) : null
        }
      />
      <Modal title="登记示例台账" open={open} onOk={() => void submit()} onCancel={() => setOpen(false)} okText="登记" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <OrgTreeSelect permission="sample-desk:register" />
          </Form.Item>
          <Form.Item name="receivedOn" label="登记日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="content" label="内容">
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
