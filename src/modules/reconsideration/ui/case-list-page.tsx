// 行政复议案件 list: filters (status, procedure, field, respondent, overdue, dates, keyword), pagination, export.
import { Link, useNavigate } from 'react-router-dom';
import { Button, DatePicker, Form, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { DeadlineBadge } from '../../../web/kit/deadline-badge';
import { fromDateString, labelOf, toDateString } from '../../../web/kit/format';
import { ListPage } from '../../../web/kit/list-page';
import { StatusTag, stateOptions } from '../../../web/kit/status-tag';
import { useSession } from '../../../web/session';
import { caseMachine, DECISION_TYPES, FIELDS, PROCEDURES } from '../case-machine';
import { RespondentSelect } from './respondent-select';
import type { CaseListItem } from './types';

interface Filters extends Record<string, unknown> {
  status?: string;
  procedure?: string;
  field?: string;
  respondentOrgId?: number | null;
  received?: [Dayjs | null, Dayjs | null] | null;
  overdue?: boolean;
  q?: string;
}

const toQuery = (v: Filters) => ({
  status: v.status,
  procedure: v.procedure,
  field: v.field,
  respondentOrgId: v.respondentOrgId ?? undefined,
  receivedFrom: toDateString(v.received?.[0]),
  receivedTo: toDateString(v.received?.[1]),
  overdue: v.overdue ? 'true' : undefined,
  q: v.q?.trim(),
});

const fromQuery = (q: Record<string, string>): Partial<Filters> => ({
  status: q.status,
  procedure: q.procedure,
  field: q.field,
  respondentOrgId: q.respondentOrgId ? Number(q.respondentOrgId) : undefined,
  received: q.receivedFrom || q.receivedTo ? [fromDateString(q.receivedFrom) ?? null, fromDateString(q.receivedTo) ?? null] : undefined,
  overdue: q.overdue === 'true',
  q: q.q,
});

const columns: ColumnsType<CaseListItem> = [
  {
    title: '案号',
    dataIndex: 'caseNo',
    fixed: 'left',
    render: (v: string, r) => (
      <Link to={`/reconsideration/cases/${r.id}`} data-testid={`case-link-${r.id}`}>
        {v}
      </Link>
    ),
  },
  { title: '申请人', dataIndex: 'applicantName' },
  { title: '被申请人', dataIndex: 'respondentName' },
  { title: '领域', dataIndex: 'field', render: (v: string) => labelOf(FIELDS, v) },
  { title: '收到日期', dataIndex: 'receivedDate', width: 110 },
  {
    title: '状态',
    dataIndex: 'status',
    render: (v: string, r) => (
      <Space size={4} wrap>
        <StatusTag machine={caseMachine} state={v} />
        {r.procedure === 'simplified' ? <Tag>简易</Tag> : null}
        {r.deemedAccepted ? <Tag color="orange">视为受理</Tag> : null}
        {r.applicationLate ? <Tag color="red">超申请期限</Tag> : null}
      </Space>
    ),
  },
  { title: '当前期限', dataIndex: 'deadline', render: (_: unknown, r) => <DeadlineBadge deadline={r.deadline} showLabel /> },
  {
    title: '决定',
    dataIndex: 'decisionType',
    render: (v: string | null, r) =>
      v ? (
        <div>
          <div>{labelOf(DECISION_TYPES, v)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.decisionNo}
          </Typography.Text>
        </div>
      ) : (
        ''
      ),
  },
];

export default function CaseListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  return (
    <ListPage<CaseListItem, Filters>
      title="行政复议案件"
      url="/api/reconsideration/cases"
      rowKey="id"
      columns={columns}
      toQuery={toQuery}
      fromQuery={fromQuery}
      exportUrl={can('reconsideration:export') ? '/api/reconsideration/cases/export' : undefined}
      exportFileName="行政复议案件.xlsx"
      tableTestId="list-table"
      actions={
        can('reconsideration:register') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/reconsideration/cases/new')} data-testid="case-new">
            登记申请
          </Button>
        ) : null
      }
      filters={
        <>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" options={stateOptions(caseMachine)} style={{ width: 150 }} data-testid="filter-status" />
          </Form.Item>
          <Form.Item name="procedure" label="程序">
            <Select allowClear placeholder="全部" options={PROCEDURES.map((p) => ({ value: p.value, label: p.label }))} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="field" label="领域">
            <Select allowClear placeholder="全部" options={FIELDS.map((p) => ({ value: p.value, label: p.label }))} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="respondentOrgId" label="被申请人">
            <RespondentSelect allowClear placeholder="全部" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="received" label="收到日期">
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
          </Form.Item>
          <Form.Item name="overdue" label="仅看逾期" valuePropName="checked">
            <Switch data-testid="filter-overdue" />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input allowClear placeholder="案号 / 申请人 / 行政行为" style={{ width: 200 }} data-testid="filter-q" />
          </Form.Item>
        </>
      }
    />
  );
}
