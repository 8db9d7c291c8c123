// 行政诉讼案件 list: filters (status, agency, cause, instance, court, lost, year, overdue, keyword), pagination,
// Excel export and import.
import { Link, useNavigate } from 'react-router-dom';
import { Button, Form, Input, InputNumber, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { DeadlineBadge } from '../../../web/kit/deadline-badge';
import { labelOf } from '../../../web/kit/format';
import { ImportXlsxButton } from '../../../web/kit/import-xlsx-button';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { StatusTag, stateOptions } from '../../../web/kit/status-tag';
import { useSession } from '../../../web/session';
import { CAUSES, caseMachine, INSTANCES, OUTCOMES } from '../case-machine';
import type { CaseListItem } from './types';

interface Filters extends Record<string, unknown> {
  status?: string;
  orgId?: number | null;
  cause?: string;
  instance?: string;
  court?: string;
  lost?: string;
  year?: number | null;
  overdue?: boolean;
  q?: string;
}

const toQuery = (v: Filters) => ({
  status: v.status,
  orgId: v.orgId ?? undefined,
  cause: v.cause,
  instance: v.instance,
  court: v.court?.trim(),
  lost: v.lost,
  year: v.year ?? undefined,
  overdue: v.overdue ? 'true' : undefined,
  q: v.q?.trim(),
});

const fromQuery = (q: Record<string, string>): Partial<Filters> => ({
  ...q,
  orgId: q.orgId ? Number(q.orgId) : undefined,
  year: q.year ? Number(q.year) : undefined,
  overdue: q.overdue === 'true',
});

const columns: ColumnsType<CaseListItem> = [
  {
    title: '法院案号 / 编号',
    dataIndex: 'courtCaseNo',
    fixed: 'left',
    render: (v: string | null, r) => (
      <div>
        <Link to={`/litigation/cases/${r.id}`} data-testid={`case-link-${r.id}`}>
          {v ?? '（待法院编号）'}
        </Link>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.caseNo}
          </Typography.Text>
        </div>
      </div>
    ),
  },
  { title: '审级', dataIndex: 'instance', width: 60, render: (v: string) => labelOf(INSTANCES, v) },
  { title: '原告', dataIndex: 'plaintiffName' },
  { title: '被告', dataIndex: 'orgName' },
  { title: '案由', dataIndex: 'cause', render: (v: string) => labelOf(CAUSES, v) },
  { title: '立案日期', dataIndex: 'filedDate', width: 110 },
  {
    title: '状态',
    dataIndex: 'status',
    render: (v: string, r) => (
      <Space size={4} wrap>
        <StatusTag machine={caseMachine} state={v} />
        {r.afterReconsideration ? <Tag>经复议</Tag> : null}
      </Space>
    ),
  },
  { title: '当前期限', dataIndex: 'deadline', render: (_: unknown, r) => <DeadlineBadge deadline={r.deadline} showLabel /> },
  { title: '负责人出庭', dataIndex: 'headHearings', width: 100, render: (_: unknown, r) => (r.hearingsHeld ? `${r.headHearings}/${r.hearingsHeld} 庭` : '—') },
  {
    title: '裁判结果',
    dataIndex: 'outcome',
    render: (v: string | null, r) => (v ? <Space size={4}>{labelOf(OUTCOMES, v)}{r.lost ? <Tag color="red">败诉</Tag> : null}</Space> : ''),
  },
];

export default function CaseListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <ListPage<CaseListItem, Filters>
      title="行政诉讼案件"
      url="/api/litigation/cases"
      rowKey="id"
      columns={columns}
      toQuery={toQuery}
      fromQuery={fromQuery}
      reloadKey={reloadKey}
      exportUrl={can('litigation:export') ? '/api/litigation/cases/export' : undefined}
      exportFileName="行政诉讼案件.xlsx"
      tableTestId="list-table"
      actions={
        can('litigation:register') ? (
          <Space>
            <ImportXlsxButton url="/api/litigation/cases/import" onImported={() => setReloadKey((k) => k + 1)} testId="case-import" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/litigation/cases/new')} data-testid="case-new">
              登记案件
            </Button>
          </Space>
        ) : null
      }
      filters={
        <>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" options={stateOptions(caseMachine)} style={{ width: 120 }} data-testid="filter-status" />
          </Form.Item>
          <Form.Item name="orgId" label="被告">
            <OrgTreeSelect permission="litigation:read" placeholder="全部" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="cause" label="案由">
            <Select allowClear placeholder="全部" options={CAUSES.map((c) => ({ value: c.value, label: c.label }))} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="instance" label="审级">
            <Select allowClear placeholder="全部" options={INSTANCES.map((c) => ({ value: c.value, label: c.label }))} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="court" label="法院">
            <Input allowClear placeholder="法院名称" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="lost" label="败诉">
            <Select allowClear placeholder="全部" options={[{ value: 'true', label: '败诉' }, { value: 'false', label: '未败诉' }]} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="year" label="立案年度">
            <InputNumber min={2000} max={2100} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="overdue" label="仅看逾期" valuePropName="checked">
            <Switch data-testid="filter-overdue" />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input allowClear placeholder="案号 / 原告 / 被诉行为" style={{ width: 200 }} data-testid="filter-q" />
          </Form.Item>
        </>
      }
    />
  );
}
