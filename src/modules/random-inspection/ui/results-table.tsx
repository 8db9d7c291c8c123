// 检查结果 rows with the publication deadline and, for the actor's own unit, the 录入 / 公示 buttons.
import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { DeadlineView } from '../../../kernel/shared/deadline';
import { DeadlineBadge } from '../../../web/kit/deadline-badge';
import { labelOf } from '../../../web/kit/format';
import { StatusTag } from '../../../web/kit/status-tag';
import { TransitionButtons } from '../../../web/kit/transition-buttons';
import { OUTCOMES, PROBLEM_OUTCOMES, resultMachine } from '../plan-machine';

export interface ResultItem {
  id: number;
  inspectionId: number;
  planId: number;
  planNo: string;
  planTitle: string;
  orgId: number;
  orgName: string;
  targetName: string;
  creditCode: string;
  creditGrade: string;
  inspectorNames: string;
  itemNames: string;
  status: string;
  version: number;
  outcome: string | null;
  resultDate: string | null;
  notes: string | null;
  publishedDate: string | null;
  deadline: DeadlineView | null;
  canRecord: boolean;
}

const actionsOf = (r: ResultItem) => {
  if (!r.canRecord) return [];
  const name = r.status === 'pending' ? 'record' : r.status === 'recorded' ? 'publish' : null;
  if (!name) return [];
  const def = resultMachine.transitions[name];
  return def ? [{ name, label: def.label, fields: def.fields ?? [] }] : [];
};

/** The columns of a results table; `onChanged` reloads after a 录入 or 公示. */
export const resultColumns = (onChanged: () => void, showPlan = false): ColumnsType<ResultItem> => [
    ...(showPlan ? [{ title: '抽查计划', dataIndex: 'planTitle', render: (v: string, r: ResultItem) => <Link to={`/random-inspection/plans/${r.planId}`}>{v}</Link> }] : []),
    {
      title: '检查对象',
      dataIndex: 'targetName',
      render: (v: string, r) => (
        <div>
          <div>{v}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.creditCode} · {r.creditGrade}类
          </Typography.Text>
        </div>
      ),
    },
    { title: '检查单位 / 事项', dataIndex: 'orgName', render: (v: string, r) => <div><div>{v}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.itemNames}</Typography.Text></div> },
    { title: '检查人员', dataIndex: 'inspectorNames' },
    {
      title: '检查结果',
      dataIndex: 'outcome',
      render: (v: string | null, r) => (v ? <Space orientation="vertical" size={0}><Tag color={PROBLEM_OUTCOMES.includes(v) ? 'red' : 'green'}>{labelOf(OUTCOMES, v)}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.resultDate}</Typography.Text></Space> : ''),
    },
    { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag machine={resultMachine} state={v} /> },
    { title: '公示期限', dataIndex: 'deadline', render: (d: DeadlineView | null, r) => (r.status === 'published' ? `已公示 ${r.publishedDate ?? ''}` : d ? <DeadlineBadge deadline={d} /> : '') },
    {
      title: '操作',
      render: (_: unknown, r) => (
        <span data-testid={`result-actions-${r.id}`}>
          <TransitionButtons machine={resultMachine} transitions={actionsOf(r)} version={r.version} url={(name) => `/api/random-inspection/results/${r.id}/transitions/${name}`} onDone={onChanged} />
        </span>
      ),
    },
];

export function ResultsTable({ items, loading, onChanged, showPlan = false }: { items: ResultItem[]; loading?: boolean; onChanged: () => void; showPlan?: boolean }) {
  return <Table<ResultItem> size="small" rowKey="id" columns={resultColumns(onChanged, showPlan)} dataSource={items} loading={loading ?? false} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} data-testid="results-table" />;
}
