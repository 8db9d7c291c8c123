// 执法监督文书 list: filters (kind, status, body, dates, overdue, keyword), the reply deadline, export; 签发文书.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, DatePicker, Form, Input, Select, Switch } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import type { DeadlineView } from '../../../../kernel/shared/deadline';
import { DeadlineBadge } from '../../../../web/kit/deadline-badge';
import { fromDateString, labelOf, toDateString } from '../../../../web/kit/format';
import { ListPage } from '../../../../web/kit/list-page';
import { StatusTag, stateOptions } from '../../../../web/kit/status-tag';
import { useSession } from '../../../../web/session';
import { DECISION_KINDS, DOC_KINDS, docMachine } from '../../review/review-machine';
import { IssueDocModal } from './issue-doc-modal';
import { BodySelect } from './parts';

interface Row {
  id: number;
  docNo: string;
  kind: string;
  decisionKind: string | null;
  title: string;
  bodyName: string;
  issuerName: string;
  issuedDate: string;
  status: string;
  deadline: DeadlineView | null;
}
interface Filters extends Record<string, unknown> {
  kind?: string;
  status?: string;
  bodyId?: number;
  issued?: [Dayjs | null, Dayjs | null] | null;
  overdue?: boolean;
  q?: string;
}

const columns: ColumnsType<Row> = [
  { title: '文号', dataIndex: 'docNo', render: (v: string, r) => <Link to={`/enforcement/supervision/${r.id}`} data-testid={`doc-link-${r.id}`}>{v}</Link> },
  { title: '种类', dataIndex: 'kind', render: (v: string, r) => `${DOC_KINDS.find((k) => k.value === v)?.short ?? v}${r.decisionKind ? `（${labelOf(DECISION_KINDS, r.decisionKind)}）` : ''}` },
  { title: '标题', dataIndex: 'title' },
  { title: '执法主体', dataIndex: 'bodyName' },
  { title: '签发日期', dataIndex: 'issuedDate', width: 110 },
  { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag machine={docMachine} state={v} /> },
  { title: '回复期限', dataIndex: 'deadline', render: (_: unknown, r) => <DeadlineBadge deadline={r.deadline} showLabel /> },
];

export default function DocListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [issuing, setIssuing] = useState(false);
  return (
    <>
      <ListPage<Row, Filters>
        title="执法监督文书"
        url="/api/enforcement/supervision"
        rowKey="id"
        columns={columns}
        tableTestId="list-table"
        exportUrl={can('enforcement:export') ? '/api/enforcement/supervision/export' : undefined}
        exportFileName="执法监督文书.xlsx"
        toQuery={(v) => ({ kind: v.kind, status: v.status, bodyId: v.bodyId, issuedFrom: toDateString(v.issued?.[0]), issuedTo: toDateString(v.issued?.[1]), overdue: v.overdue ? 'true' : undefined, q: v.q?.trim() })}
        fromQuery={(q) => ({
          kind: q.kind,
          status: q.status,
          bodyId: q.bodyId ? Number(q.bodyId) : undefined,
          issued: q.issuedFrom || q.issuedTo ? [fromDateString(q.issuedFrom) ?? null, fromDateString(q.issuedTo) ?? null] : undefined,
          overdue: q.overdue === 'true',
          q: q.q,
        })}
        actions={
          can('enforcement:supervise') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="doc-new">
              签发文书
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="kind" label="种类">
              <Select allowClear placeholder="全部" options={DOC_KINDS.map((k) => ({ value: k.value, label: k.short }))} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" options={stateOptions(docMachine)} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="bodyId" label="执法主体">
              <BodySelect allowClear style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="issued" label="签发日期">
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
            </Form.Item>
            <Form.Item name="overdue" label="仅看逾期" valuePropName="checked">
              <Switch data-testid="filter-overdue" />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="文号 / 标题" style={{ width: 180 }} />
            </Form.Item>
          </>
        }
      />
      {issuing ? <IssueDocModal defaults={{}} onClose={() => setIssuing(false)} onDone={(d) => navigate(`/enforcement/supervision/${d.id}`)} /> : null}
    </>
  );
}
