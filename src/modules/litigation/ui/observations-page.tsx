// 旁听庭审 / 庭审讲评: organised court observations, listed by scope; holders of 办理应诉 add one.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../web/api-client';
import { labelOf, toDateString, todayDayjs } from '../../../web/kit/format';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { useSession } from '../../../web/session';
import { OBSERVATION_KINDS } from '../case-machine';

interface Observation {
  id: number;
  orgName: string;
  caseNo: string | null;
  heldOn: string;
  kind: string;
  title: string;
  participants: number;
  note: string | null;
}

const columns: ColumnsType<Observation> = [
  { title: '日期', dataIndex: 'heldOn', width: 110 },
  { title: '类型', dataIndex: 'kind', width: 100, render: (v: string) => labelOf(OBSERVATION_KINDS, v) },
  { title: '主题', dataIndex: 'title' },
  { title: '组织单位', dataIndex: 'orgName' },
  { title: '参加人数', dataIndex: 'participants', width: 90 },
  { title: '关联案件', dataIndex: 'caseNo', render: (v: string | null) => v ?? '—' },
  { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '' },
];

export default function ObservationsPage() {
  const { can, me } = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const [form] = Form.useForm();
  return (
    <>
      <ListPage<Observation>
        title="旁听庭审与庭审讲评"
        url="/api/litigation/observations"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        fromQuery={(q) => ({ ...q, year: q.year ? Number(q.year) : undefined, orgId: q.orgId ? Number(q.orgId) : undefined })}
        actions={
          can('litigation:handle') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="observation-new">
              登记
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="year" label="年度">
              <InputNumber min={2000} max={2100} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="orgId" label="组织单位">
              <OrgTreeSelect permission="litigation:read" placeholder="全部" style={{ width: 200 }} />
            </Form.Item>
          </>
        }
      />
      {open ? (
        <Modal open title="登记旁听庭审 / 庭审讲评" onCancel={() => setOpen(false)} footer={null} destroyOnHidden width={600}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ orgId: me?.user?.orgId, heldOn: todayDayjs(), kind: 'observe', participants: 10 }}
            onFinish={async (v: Record<string, unknown>) => {
              try {
                await api.post(
                  '/api/litigation/observations',
                  { orgId: v.orgId, caseId: null, heldOn: toDateString(v.heldOn as Dayjs), kind: v.kind, title: String(v.title ?? '').trim(), participants: v.participants, note: (v.note as string | undefined)?.trim() || null },
                  { form },
                );
                setOpen(false);
                message.success('已登记');
                setReloadKey((k) => k + 1);
              } catch {
                // Shown on the form.
              }
            }}
          >
            <Form.Item name="orgId" label="组织单位" rules={[{ required: true, message: '请选择组织单位' }]}>
              <OrgTreeSelect permission="litigation:handle" allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
            <Space>
              <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="kind" label="类型">
                <Select options={OBSERVATION_KINDS.map((k) => ({ value: k.value, label: k.label }))} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="participants" label="参加人数" rules={[{ required: true, message: '请填写人数' }]}>
                <InputNumber min={1} max={10000} precision={0} />
              </Form.Item>
            </Space>
            <Form.Item name="title" label="主题" rules={[{ required: true, whitespace: true, message: '请填写主题' }]}>
              <Input maxLength={200} autoFocus />
            </Form.Item>
            <Form.Item name="note" label="备注">
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              保存
            </Button>
          </Form>
        </Modal>
      ) : null}
    </>
  );
}
