// 依申请公开 list: filters, server pagination, 登记申请, 导出 / 导入 Excel.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, DatePicker, Form, Input, Select, Switch, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { DeadlineBadge } from '../../../web/kit/deadline-badge';
import { fromDateString, labelOf, toDateString } from '../../../web/kit/format';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { StatusTag, stateOptions } from '../../../web/kit/status-tag';
import { useSession } from '../../../web/session';
import { CHANNELS, REPLY_TYPES, requestMachine } from '../request-machine';
import { ImportXlsxButton } from '../../../web/kit/import-xlsx-button';
import type { RequestListItem } from './types';

interface Filters extends Record<string, unknown> {
  status?: string;
  orgId?: number | null;
  received?: [Dayjs | null, Dayjs | null] | null;
  overdue?: boolean;
  q?: string;
}

const toQuery = (v: Filters) => ({
  status: v.status,
  orgId: v.orgId ?? undefined,
  receivedFrom: toDateString(v.received?.[0]),
  receivedTo: toDateString(v.received?.[1]),
  overdue: v.overdue ? 'true' : undefined,
  q: v.q?.trim(),
});

const fromQuery = (q: Record<string, string>): Partial<Filters> => ({
  status: q.status,
  orgId: q.orgId ? Number(q.orgId) : undefined,
  received: q.receivedFrom || q.receivedTo ? [fromDateString(q.receivedFrom) ?? null, fromDateString(q.receivedTo) ?? null] : undefined,
  overdue: q.overdue === 'true',
  q: q.q,
});

const columns: ColumnsType<RequestListItem> = [
  {
    title: '登记号',
    dataIndex: 'requestNo',
    fixed: 'left',
    render: (v: string, r) => (
      <Link to={`/disclosure/requests/${r.id}`} data-testid={`request-link-${r.id}`}>
        {v}
      </Link>
    ),
  },
  { title: '申请人', dataIndex: 'applicantName' },
  { title: '渠道', dataIndex: 'channel', render: (v: string) => labelOf(CHANNELS, v) },
  { title: '收到日期', dataIndex: 'receivedDate', width: 110 },
  { title: '承办单位', dataIndex: 'orgName' },
  { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag machine={requestMachine} state={v} /> },
  { title: '答复期限', dataIndex: 'deadline', render: (_: unknown, r) => <DeadlineBadge deadline={r.deadline} /> },
  {
    title: '答复类型',
    dataIndex: 'replyType',
    render: (v: string | null, r) =>
      v ? (
        <div>
          <div>{labelOf(REPLY_TYPES, v)}</div>
          {r.replyNo ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.replyNo}
            </Typography.Text>
          ) : null}
        </div>
      ) : (
        ''
      ),
  },
];

export default function RequestListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <ListPage<RequestListItem, Filters>
      title="依申请公开"
      url="/api/disclosure/requests"
      rowKey="id"
      columns={columns}
      toQuery={toQuery}
      fromQuery={fromQuery}
      exportUrl={can('disclosure:export') ? '/api/disclosure/requests/export' : undefined}
      exportFileName="依申请公开申请.xlsx"
      reloadKey={reloadKey}
      tableTestId="list-table"
      actions={
        <>
          {can('disclosure:import') ? <ImportXlsxButton url="/api/disclosure/requests/import" onImported={() => setReloadKey((k) => k + 1)} testId="disclosure-import" /> : null}
          {can('disclosure:register') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/disclosure/requests/new')} data-testid="disclosure-new">
              登记申请
            </Button>
          ) : null}
        </>
      }
      filters={
        <>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" options={stateOptions(requestMachine)} style={{ width: 130 }} data-testid="filter-status" />
          </Form.Item>
          <Form.Item name="orgId" label="承办单位">
            <OrgTreeSelect placeholder="全部" style={{ width: 200 }} data-testid="filter-org" />
          </Form.Item>
          <Form.Item name="received" label="收到日期">
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
          </Form.Item>
          <Form.Item name="overdue" label="仅看逾期" valuePropName="checked">
            <Switch data-testid="filter-overdue" />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input allowClear placeholder="登记号 / 申请人 / 内容" style={{ width: 200 }} data-testid="filter-q" />
          </Form.Item>
        </>
      }
    />
  );
}
