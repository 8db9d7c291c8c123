// 执法案件 list: filters (body, kind, status, 涉企, 重大, 超出基准, overdue, dates, keyword), pagination, export, import.
import { Link, useNavigate } from 'react-router-dom';
import { Button, DatePicker, Form, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { DeadlineBadge } from '../../../../web/kit/deadline-badge';
import { fromDateString, labelOf, toDateString } from '../../../../web/kit/format';
import { ImportXlsxButton } from '../../../../web/kit/import-xlsx-button';
import { ListPage } from '../../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../../web/kit/org-tree-select';
import { StatusTag, stateOptions } from '../../../../web/kit/status-tag';
import { useSession } from '../../../../web/session';
import { caseMachine, DECISION_TYPES, KINDS, publicationMachine } from '../../cases/case-machine';
import type { CaseListItem } from './types';

interface Filters extends Record<string, unknown> {
  kind?: string;
  status?: string;
  enterpriseRelated?: boolean;
  isMajor?: boolean;
  discretionOutside?: boolean;
  overdue?: boolean;
  filed?: [Dayjs | null, Dayjs | null] | null;
  q?: string;
  bodyId?: number;
  orgId?: number | null;
}

const toQuery = (v: Filters) => ({
  kind: v.kind,
  status: v.status,
  bodyId: v.bodyId,
  orgId: v.orgId ?? undefined,
  enterpriseRelated: v.enterpriseRelated ? 'true' : undefined,
  isMajor: v.isMajor ? 'true' : undefined,
  discretionOutside: v.discretionOutside ? 'true' : undefined,
  overdue: v.overdue ? 'true' : undefined,
  filedFrom: toDateString(v.filed?.[0]),
  filedTo: toDateString(v.filed?.[1]),
  q: v.q?.trim(),
});
const fromQuery = (q: Record<string, string>): Partial<Filters> => ({
  kind: q.kind,
  status: q.status,
  bodyId: q.bodyId ? Number(q.bodyId) : undefined,
  orgId: q.orgId ? Number(q.orgId) : undefined,
  enterpriseRelated: q.enterpriseRelated === 'true',
  isMajor: q.isMajor === 'true',
  discretionOutside: q.discretionOutside === 'true',
  overdue: q.overdue === 'true',
  filed: q.filedFrom || q.filedTo ? [fromDateString(q.filedFrom) ?? null, fromDateString(q.filedTo) ?? null] : undefined,
  q: q.q,
});

const yuan = (fen: number | null) => (fen === null ? '' : `${(fen / 100).toLocaleString('zh-CN')} 元`);

const columns: ColumnsType<CaseListItem> = [
  {
    title: '案件编号',
    dataIndex: 'caseNo',
    fixed: 'left',
    render: (v: string, r) => (
      <Link to={`/enforcement/cases/${r.id}`} data-testid={`case-link-${r.id}`}>
        {v}
      </Link>
    ),
  },
  { title: '案件名称', dataIndex: 'title', width: 260 },
  { title: '执法主体', dataIndex: 'bodyName' },
  { title: '类型', dataIndex: 'kind', width: 90, render: (v: string) => labelOf(KINDS, v) },
  { title: '立案日期', dataIndex: 'filedDate', width: 110 },
  {
    title: '状态',
    dataIndex: 'status',
    render: (v: string, r) => (
      <Space size={4} wrap>
        <StatusTag machine={caseMachine} state={v} />
        {r.isMajor ? <Tag color="purple">重大</Tag> : null}
        {r.enterpriseRelated ? <Tag color="blue">涉企</Tag> : null}
        {r.discretionOutside ? <Tag color="red">超出基准</Tag> : null}
        {r.imported ? <Tag>导入</Tag> : null}
      </Space>
    ),
  },
  { title: '当前期限', dataIndex: 'deadline', render: (_: unknown, r) => <DeadlineBadge deadline={r.deadline} showLabel /> },
  {
    title: '决定 / 公示',
    dataIndex: 'decisionType',
    render: (v: string | null, r) =>
      v ? (
        <div>
          <div>
            {labelOf(DECISION_TYPES, v)} {yuan(r.fineFen)}
          </div>
          {r.publicationStatus ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              公示：{publicationMachine.states[r.publicationStatus as keyof typeof publicationMachine.states]?.label}
            </Typography.Text>
          ) : null}
        </div>
      ) : (
        ''
      ),
  },
];

export default function CaseListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <ListPage<CaseListItem, Filters>
      title="行政执法案件"
      url="/api/enforcement/cases"
      rowKey="id"
      columns={columns}
      toQuery={toQuery}
      fromQuery={fromQuery}
      reloadKey={reloadKey}
      exportUrl={can('enforcement:export') ? '/api/enforcement/cases/export' : undefined}
      exportFileName="行政执法案件.xlsx"
      tableTestId="list-table"
      actions={
        <Space>
          {can('enforcement:import') ? <ImportXlsxButton url="/api/enforcement/cases/import" label="导入案件" onImported={() => setReloadKey((k) => k + 1)} testId="case-import" /> : null}
          {can('enforcement:report') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/enforcement/cases/new')} data-testid="case-new">
              登记案件
            </Button>
          ) : null}
        </Space>
      }
      filters={
        <>
          <Form.Item name="orgId" label="执法机关">
            <OrgTreeSelect placeholder="全部" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Select allowClear placeholder="全部" options={KINDS.map((k) => ({ value: k.value, label: k.label }))} style={{ width: 110 }} data-testid="filter-kind" />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" options={stateOptions(caseMachine)} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="filed" label="立案日期">
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
          </Form.Item>
          <Form.Item name="enterpriseRelated" label="涉企" valuePropName="checked">
            <Switch size="small" />
          </Form.Item>
          <Form.Item name="isMajor" label="重大" valuePropName="checked">
            <Switch size="small" />
          </Form.Item>
          <Form.Item name="discretionOutside" label="超出基准" valuePropName="checked">
            <Switch size="small" />
          </Form.Item>
          <Form.Item name="overdue" label="仅看逾期" valuePropName="checked">
            <Switch size="small" data-testid="filter-overdue" />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input allowClear placeholder="编号 / 名称 / 当事人 / 文号" style={{ width: 200 }} data-testid="filter-q" />
          </Form.Item>
        </>
      }
    />
  );
}
