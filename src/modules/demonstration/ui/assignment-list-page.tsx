// 任务分解落实 list: filters (status, unit subtree, indicator, overdue, keyword), pagination, export, import.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Form, Input, Progress, Select, Switch, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { downloadFile } from '../../../web/api-client';
import { DeadlineBadge } from '../../../web/kit/deadline-badge';
import { attempt } from '../../../web/kit/error-policy';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { StatusTag, stateOptions } from '../../../web/kit/status-tag';
import { useSession } from '../../../web/session';
import { assignmentMachine } from '../assignment-machine';
import { ImportXlsxButton } from '../../../web/kit/import-xlsx-button';
import type { AssignmentListItem } from './types';

interface Filters extends Record<string, unknown> {
  status?: string;
  orgId?: number | null;
  indicatorId?: string;
  overdue?: boolean;
  q?: string;
}

const toQuery = (v: Filters) => ({ status: v.status, orgId: v.orgId ?? undefined, indicatorId: v.indicatorId || undefined, overdue: v.overdue ? 'true' : undefined, q: v.q?.trim() });
const fromQuery = (q: Record<string, string>): Partial<Filters> => ({ status: q.status, orgId: q.orgId ? Number(q.orgId) : undefined, indicatorId: q.indicatorId, overdue: q.overdue === 'true', q: q.q });

const columns: ColumnsType<AssignmentListItem> = [
  {
    title: '任务',
    dataIndex: 'title',
    render: (v: string, r) => (
      <Link to={`/demonstration/assignments/${r.id}`} data-testid={`assignment-link-${r.id}`}>
        {v}
      </Link>
    ),
  },
  { title: '三级指标', dataIndex: 'indicatorName', render: (v: string, r) => `${r.indicatorCode} ${v}` },
  { title: '责任单位', dataIndex: 'orgName', render: (v: string, r) => (<>{v} {r.role === 'lead' ? <Tag color="blue">牵头</Tag> : <Tag>配合</Tag>}</>) },
  { title: '状态', dataIndex: 'status', width: 100, render: (v: string) => <StatusTag machine={assignmentMachine} state={v} /> },
  { title: '完成时限', dataIndex: 'deadline', width: 150, render: (_: unknown, r) => (r.status === 'closed' || r.status === 'cancelled' ? r.dueDate : <DeadlineBadge deadline={r.deadline} />) },
  { title: '进度', dataIndex: 'progressPercent', width: 120, render: (v: number | null) => (v === null ? '—' : <Progress percent={v} size="small" />) },
  { title: '评分', dataIndex: 'score', width: 70, render: (v: number | null) => v ?? '—' },
];

export default function AssignmentListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <ListPage<AssignmentListItem, Filters>
      title="任务分解落实"
      url="/api/demonstration/assignments"
      rowKey="id"
      columns={columns}
      toQuery={toQuery}
      fromQuery={fromQuery}
      exportUrl={can('demonstration:export') ? '/api/demonstration/assignments/export' : undefined}
      exportFileName="示范创建任务.xlsx"
      reloadKey={reloadKey}
      tableTestId="list-table"
      actions={
        <>
          {can('demonstration:import') ? (
            <>
              <Button icon={<DownloadOutlined />} onClick={() => void attempt(() => downloadFile('/api/demonstration/templates/tasks', '示范创建任务分解导入模板.xlsx'))}>
                下载模板
              </Button>
              <ImportXlsxButton url="/api/demonstration/tasks/import" label="批量分解导入" onImported={() => setReloadKey((k) => k + 1)} testId="task-import" />
            </>
          ) : null}
          {can('demonstration:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/demonstration/tasks/new')} data-testid="task-new">
              分解任务
            </Button>
          ) : null}
        </>
      }
      filters={
        <>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" options={stateOptions(assignmentMachine)} style={{ width: 120 }} data-testid="filter-status" />
          </Form.Item>
          <Form.Item name="orgId" label="责任单位">
            <OrgTreeSelect placeholder="全部" style={{ width: 200 }} data-testid="filter-org" />
          </Form.Item>
          <Form.Item name="overdue" label="仅看逾期" valuePropName="checked">
            <Switch data-testid="filter-overdue" />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input allowClear placeholder="任务 / 指标名称或编码" style={{ width: 200 }} data-testid="filter-q" />
          </Form.Item>
          <Form.Item name="indicatorId" hidden>
            <Input />
          </Form.Item>
        </>
      }
    />
  );
}
