// 述职述法: the reports within scope, the assessed units that have not reported by the scheme's due
// date, and 报送 for a unit's liaison.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { labelOf, toDateString, todayDayjs } from '../../../web/kit/format';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect, useOrgs } from '../../../web/kit/org-tree-select';
import { StatusTag, stateOptions } from '../../../web/kit/status-tag';
import { useSession } from '../../../web/session';
import { dutyReportMachine, RATINGS, REPORT_FORMS } from '../duty-report-machine';

interface Row {
  id: number;
  orgName: string;
  year: number;
  reporterName: string;
  reporterTitle: string;
  form: string;
  reportDate: string;
  status: string;
  rating: string | null;
}

interface Missing {
  year: number;
  scheme: { id: number; title: string; dueDate: string | null } | null;
  overdue: boolean;
  units: { orgId: number; orgName: string }[];
}

const columns: ColumnsType<Row> = [
  { title: '年度', dataIndex: 'year', width: 70 },
  {
    title: '单位',
    dataIndex: 'orgName',
    render: (v: string, r) => (
      <Link to={`/assessment/duty-reports/${r.id}`} data-testid={`duty-report-link-${r.id}`}>
        {v}
      </Link>
    ),
  },
  { title: '述法人', dataIndex: 'reporterName', render: (v: string, r) => `${v}（${r.reporterTitle}）` },
  { title: '形式', dataIndex: 'form', render: (v: string) => labelOf(REPORT_FORMS, v) },
  { title: '述法日期', dataIndex: 'reportDate', width: 110 },
  { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag machine={dutyReportMachine} state={v} /> },
  { title: '评价', dataIndex: 'rating', render: (v: string | null) => labelOf(RATINGS, v) || '—' },
];

interface Form1 {
  orgId: number;
  year: number;
  reporterName: string;
  reporterTitle: string;
  form: string;
  reportDate: Dayjs;
  summary: string;
  problems?: string;
  plans?: string;
}

function SubmitModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Form1>();
  const navigate = useNavigate();
  const units = useOrgs('scope', 0, 'assessment:report');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (units[0] && !form.getFieldValue('orgId')) form.setFieldValue('orgId', units[0].id);
  }, [units, form]);
  const submit = async (v: Form1) => {
    setBusy(true);
    try {
      const res = await api.post<{ id: number }>('/api/assessment/duty-reports', { ...v, reportDate: toDateString(v.reportDate), problems: v.problems ?? null, plans: v.plans ?? null }, { form });
      navigate(`/assessment/duty-reports/${res.id}`);
    } catch {
      // Shown on the form.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="报送述职述法报告" onCancel={onClose} onOk={() => form.submit()} okText="报送" okButtonProps={{ loading: busy, 'data-testid': 'duty-report-submit' } as never} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: new Date().getFullYear(), form: 'written', reportDate: todayDayjs() }}>
        <Space.Compact block>
          <Form.Item name="orgId" label="报告单位" style={{ flex: 1 }} rules={[{ required: true, message: '请选择报告单位' }]}>
            <OrgTreeSelect permission="assessment:report" />
          </Form.Item>
          <Form.Item name="year" label="年度" style={{ width: 120 }} rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="reporterName" label="述法人（第一责任人）" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请填写述法人姓名' }]}>
            <Input maxLength={50} autoFocus data-testid="reporter-name" />
          </Form.Item>
          <Form.Item name="reporterTitle" label="职务" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请填写职务' }]}>
            <Input maxLength={100} data-testid="reporter-title" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="form" label="述法形式" style={{ flex: 1 }}>
            <Select options={REPORT_FORMS.map((f) => ({ value: f.value, label: f.label }))} />
          </Form.Item>
          <Form.Item name="reportDate" label="述法日期" style={{ flex: 1 }} rules={[{ required: true, message: '请选择述法日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="summary" label="履职情况（述法内容）" rules={[{ required: true, whitespace: true, message: '请填写述法内容' }, { min: 20, message: '述法内容至少 20 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={8000} showCount data-testid="report-summary" />
        </Form.Item>
        <Form.Item name="problems" label="存在问题">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="plans" label="下一步打算">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MissingUnits() {
  const [m, setM] = useState<Missing | null>(null);
  useEffect(() => {
    void attempt(async () => setM(await api.get<Missing>('/api/assessment/duty-reports/missing')));
  }, []);
  if (!m?.scheme) return null;
  if (m.units.length === 0) return <Alert type="success" showIcon title={`${m.year}年度被考核单位均已报送述职述法报告`} />;
  return (
    <Alert
      type={m.overdue ? 'error' : 'warning'}
      showIcon
      data-testid="duty-report-missing"
      title={`${m.year}年度尚未报送述职述法报告的单位（${m.units.length} 个）${m.scheme.dueDate ? `，报送截止 ${m.scheme.dueDate}${m.overdue ? '，已逾期' : ''}` : ''}`}
      description={
        <Space wrap>
          {m.units.map((u) => (
            <Tag key={u.orgId} color={m.overdue ? 'red' : 'orange'}>
              {u.orgName}
            </Tag>
          ))}
        </Space>
      }
    />
  );
}

export default function DutyReportListPage() {
  const { can } = useSession();
  const [submitting, setSubmitting] = useState(false);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <MissingUnits />
      <ListPage<Row>
        title="述职述法"
        url="/api/assessment/duty-reports"
        rowKey="id"
        columns={columns}
        exportUrl={can('assessment:export') ? '/api/assessment/duty-reports/export' : undefined}
        exportFileName="述职述法.xlsx"
        actions={
          can('assessment:report') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSubmitting(true)} data-testid="duty-report-new">
              报送述职述法
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="year" label="年度">
              <Input allowClear style={{ width: 100 }} placeholder="如 2026" />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" style={{ width: 130 }} options={stateOptions(dutyReportMachine)} />
            </Form.Item>
            <Form.Item name="orgId" label="单位">
              <OrgTreeSelect placeholder="全部" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="述法人 / 内容" style={{ width: 160 }} />
            </Form.Item>
          </>
        }
      />
      {submitting ? <SubmitModal onClose={() => setSubmitting(false)} /> : null}
    </Space>
  );
}
