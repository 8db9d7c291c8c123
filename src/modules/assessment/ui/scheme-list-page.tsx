// 考核方案列表: year / status filters, export, and 新建方案 for the 依法治办.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ListPage } from '../../../web/kit/list-page';
import { toDateString } from '../../../web/kit/format';
import { useSession } from '../../../web/session';
import { SCHEME_STATUSES } from '../options';
import { assessmentApi } from './api';

interface SchemeListItem {
  id: number;
  year: number;
  title: string;
  weightInTarget: number;
  status: string;
  dutyReportDueDate: string | null;
  orgName: string;
  itemCount: number;
  totalMaxScore: number;
  targetCount: number;
}

const STATUS_COLOR: Record<string, string> = { draft: 'default', published: 'processing', finalized: 'success' };
export const SchemeStatusTag = ({ status }: { status: string }) => (
  <Tag color={STATUS_COLOR[status]} data-testid="scheme-status" data-state={status}>
    {SCHEME_STATUSES.find((s) => s.value === status)?.label ?? status}
  </Tag>
);

const columns: ColumnsType<SchemeListItem> = [
  { title: '年度', dataIndex: 'year', width: 80 },
  {
    title: '方案名称',
    dataIndex: 'title',
    render: (v: string, r) => (
      <Link to={`/assessment/schemes/${r.id}`} data-testid={`scheme-link-${r.id}`}>
        {v}
      </Link>
    ),
  },
  { title: '占目标责任制考核', dataIndex: 'weightInTarget', render: (v: number) => `${v}%` },
  { title: '状态', dataIndex: 'status', render: (v: string) => <SchemeStatusTag status={v} /> },
  { title: '考核项目', dataIndex: 'itemCount', render: (v: number, r) => `${v} 项（共 ${r.totalMaxScore} 分）` },
  { title: '被考核单位', dataIndex: 'targetCount', render: (v: number) => `${v} 个` },
  { title: '述职述法截止', dataIndex: 'dutyReportDueDate', render: (v: string | null) => v ?? '—' },
];

interface NewScheme {
  year: number;
  title: string;
  weightInTarget: number;
  dutyReportDueDate?: Dayjs | null;
  note?: string;
}

function NewSchemeModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<NewScheme>();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const year = new Date().getFullYear();
  const submit = async (v: NewScheme) => {
    setBusy(true);
    try {
      const res = await (
        await assessmentApi({ form }).schemes.$post({
          json: { year: v.year, title: v.title, weightInTarget: String(v.weightInTarget), dutyReportDueDate: toDateString(v.dutyReportDueDate) ?? null, note: v.note ?? null },
        })
      ).json();
      navigate(`/assessment/schemes/${(res as { id: number }).id}`);
    } catch {
      // Shown on the form.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="新建考核方案" onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy }} okText="创建" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year, title: `${year}年度法治建设考核方案`, weightInTarget: 15 }}>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} autoFocus />
        </Form.Item>
        <Form.Item name="title" label="方案名称" rules={[{ required: true, whitespace: true, message: '请填写方案名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="weightInTarget" label="法治建设占目标责任制考核的比重（%）" rules={[{ required: true, message: '请填写比重' }]}>
          <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dutyReportDueDate" label="述职述法报送截止日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function SchemeListPage() {
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <ListPage<SchemeListItem>
        title="考核方案"
        url="/api/assessment/schemes"
        rowKey="id"
        columns={columns}
        exportUrl={can('assessment:export') ? '/api/assessment/schemes/export' : undefined}
        exportFileName="考核方案.xlsx"
        actions={
          can('assessment:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="scheme-new">
              新建方案
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="year" label="年度">
              <Input allowClear style={{ width: 100 }} placeholder="如 2026" />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" style={{ width: 150 }} options={SCHEME_STATUSES.map((s) => ({ value: s.value, label: s.label }))} />
            </Form.Item>
          </>
        }
      />
      {creating ? <NewSchemeModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
