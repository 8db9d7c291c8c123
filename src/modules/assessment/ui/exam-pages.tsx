// 学法考试: the list with 参考率 / 通过率, and an exam's per-unit results with the “两个百分百” badge.
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { ArrowLeftOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { api, ApiError, downloadFile } from '../../../web/api-client';
import { attempt, handleError } from '../../../web/kit/error-policy';
import { toDateString } from '../../../web/kit/format';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect, useOrgs } from '../../../web/kit/org-tree-select';
import { useSession } from '../../../web/session';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
export const BothFull = ({ on }: { on: boolean }) =>
  on ? (
    <Tag color="success" data-testid="both-full">
      两个百分百
    </Tag>
  ) : null;

interface ExamRow {
  id: number;
  title: string;
  year: number;
  examDate: string;
  orgName: string;
  units: number;
  eligible: number;
  participated: number;
  passed: number;
  participationRate: number | null;
  passRate: number | null;
}

const columns: ColumnsType<ExamRow> = [
  { title: '考试名称', dataIndex: 'title', render: (v: string, r) => <Link to={`/assessment/exams/${r.id}`}>{v}</Link> },
  { title: '考试日期', dataIndex: 'examDate', width: 110 },
  { title: '组织单位', dataIndex: 'orgName' },
  { title: '已填报单位', dataIndex: 'units', width: 100 },
  { title: '应考 / 参考 / 通过', render: (_: unknown, r) => `${r.eligible} / ${r.participated} / ${r.passed}` },
  { title: '参考率', dataIndex: 'participationRate', render: pct },
  { title: '通过率', dataIndex: 'passRate', render: pct },
  { title: '', render: (_: unknown, r) => <BothFull on={r.participationRate === 100 && r.passRate === 100} /> },
];

function NewExamModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; year: number; examDate: Dayjs; orgId: number }>();
  const navigate = useNavigate();
  const submit = async (v: { title: string; year: number; examDate: Dayjs; orgId: number }) => {
    const res = await attempt(() => api.post<{ id: number }>('/api/assessment/exams', { ...v, examDate: toDateString(v.examDate) }, { form }));
    if (res) navigate(`/assessment/exams/${res.id}`);
  };
  return (
    <Modal open title="新建学法考试" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item name="title" label="考试名称" rules={[{ required: true, whitespace: true, message: '请填写考试名称' }]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="examDate" label="考试日期" rules={[{ required: true, message: '请选择考试日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="orgId" label="组织单位" rules={[{ required: true, message: '请选择组织单位' }]}>
          <OrgTreeSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ExamListPage() {
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <ListPage<ExamRow>
        title="学法考试"
        url="/api/assessment/exams"
        rowKey="id"
        columns={columns}
        exportUrl={can('assessment:export') ? '/api/assessment/exams/export' : undefined}
        exportFileName="学法考试.xlsx"
        actions={
          can('assessment:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建考试
            </Button>
          ) : null
        }
        filters={
          <Form.Item name="year" label="年度">
            <Input allowClear style={{ width: 100 }} placeholder="如 2026" />
          </Form.Item>
        }
      />
      {creating ? <NewExamModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

interface ResultRow {
  id: number;
  orgId: number;
  orgName: string;
  eligible: number;
  participated: number;
  passed: number;
  version: number;
  participationRate: number | null;
  passRate: number | null;
  bothFull: boolean;
}
interface ExamDetail {
  exam: { id: number; title: string; year: number; examDate: string; orgName: string };
  results: ResultRow[];
  overall: { eligible: number; participated: number; passed: number; participationRate: number | null; passRate: number | null; bothFull: boolean };
}

function ResultModal({ examId, rows, onClose, onSaved }: { examId: number; rows: ResultRow[]; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ orgId: number; eligible: number; participated: number; passed: number }>();
  const units = useOrgs('scope', 0, 'assessment:report');
  useEffect(() => {
    if (units[0] && !form.getFieldValue('orgId')) form.setFieldValue('orgId', units[0].id);
  }, [units, form]);
  const submit = async (v: { orgId: number; eligible: number; participated: number; passed: number }) => {
    const existing = rows.find((r) => r.orgId === v.orgId);
    const ok = await attempt(() => api.put(`/api/assessment/exams/${examId}/results`, { ...v, ...(existing ? { version: existing.version } : {}) }, { form }));
    if (ok !== undefined) onSaved();
  };
  return (
    <Modal open title="填报考试情况" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgTreeSelect permission={units.length ? 'assessment:report' : 'assessment:manage'} />
        </Form.Item>
        <Space>
          <Form.Item name="eligible" label="应考人数" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} precision={0} autoFocus />
          </Form.Item>
          <Form.Item name="participated" label="参考人数" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="passed" label="通过人数" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

export function ExamDetailPage() {
  const { id } = useParams();
  const { can } = useSession();
  const [d, setD] = useState<ExamDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [entering, setEntering] = useState(false);
  const load = useCallback(async () => {
    try {
      setD(await api.get<ExamDetail>(`/api/assessment/exams/${id}`, undefined, { silent: true }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NOT_FOUND') setMissing(true);
      else handleError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (missing) return <Result status="404" title="考试不存在或无权查看" extra={<Link to="/assessment/exams">返回列表</Link>} />;
  if (!d) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <>
      <Link to="/assessment/exams" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={d.exam.title}
          extra={
            <Space>
              {can('assessment:report') || can('assessment:manage') ? <Button onClick={() => setEntering(true)}>填报考试情况</Button> : null}
              {can('assessment:export') ? (
                <Button icon={<DownloadOutlined />} onClick={() => void attempt(() => downloadFile(`/api/assessment/exams/${d.exam.id}/results/export`, `${d.exam.title}-考试情况.xlsx`))}>
                  导出Excel
                </Button>
              ) : null}
            </Space>
          }
        >
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'd', label: '考试日期', children: d.exam.examDate },
              { key: 'o', label: '组织单位', children: d.exam.orgName },
              { key: 'n', label: '应考 / 参考 / 通过', children: `${d.overall.eligible} / ${d.overall.participated} / ${d.overall.passed}` },
              {
                key: 'r',
                label: '参考率 / 通过率',
                children: (
                  <Space>
                    <Typography.Text strong>
                      {pct(d.overall.participationRate)} / {pct(d.overall.passRate)}
                    </Typography.Text>
                    <BothFull on={d.overall.bothFull} />
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        <Card title="各单位考试情况" styles={{ body: { padding: 0 } }}>
          <Table<ResultRow>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.results}
            columns={[
              { title: '单位', dataIndex: 'orgName' },
              { title: '应考人数', dataIndex: 'eligible' },
              { title: '参考人数', dataIndex: 'participated' },
              { title: '通过人数', dataIndex: 'passed' },
              { title: '参考率', dataIndex: 'participationRate', render: pct },
              { title: '通过率', dataIndex: 'passRate', render: pct },
              { title: '', render: (_: unknown, r) => <BothFull on={r.bothFull} /> },
            ]}
          />
        </Card>
      </Space>
      {entering ? (
        <ResultModal
          examId={d.exam.id}
          rows={d.results}
          onClose={() => setEntering(false)}
          onSaved={() => {
            setEntering(false);
            void load();
          }}
        />
      ) : null}
    </>
  );
}
