// 督办单 list: filters (status, unit subtree, overdue, source, year, keyword), pagination, export, 签发.
import { useNavigate } from 'react-router-dom';
import { Button, Form, Input, InputNumber, Select, Switch } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { stateOptions } from '../../../web/kit/status-tag';
import { useSession } from '../../../web/session';
import { FINDING_SOURCES, orderMachine } from '../order-machine';
import { orderColumns } from './order-columns';
import type { OrderListItem } from './types';

interface Filters extends Record<string, unknown> {
  status?: string;
  orgId?: number | null;
  overdue?: boolean;
  source?: string;
  year?: number | null;
  q?: string;
}

const toQuery = (v: Filters) => ({
  status: v.status,
  orgId: v.orgId ?? undefined,
  overdue: v.overdue ? 'true' : undefined,
  source: v.source,
  year: v.year ?? undefined,
  q: v.q?.trim(),
});
const fromQuery = (q: Record<string, string>): Partial<Filters> => ({
  status: q.status,
  orgId: q.orgId ? Number(q.orgId) : undefined,
  overdue: q.overdue === 'true',
  source: q.source,
  year: q.year ? Number(q.year) : undefined,
  q: q.q,
});

export default function OrderListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  return (
    <ListPage<OrderListItem, Filters>
      title="督办单"
      url="/api/inspection/orders"
      rowKey="id"
      columns={orderColumns}
      toQuery={toQuery}
      fromQuery={fromQuery}
      exportUrl={can('inspection:export') ? '/api/inspection/orders/export' : undefined}
      exportFileName="督办单.xlsx"
      tableTestId="order-table"
      actions={
        can('inspection:issue') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/inspection/orders/new')} data-testid="order-new">
            签发督办单
          </Button>
        ) : null
      }
      filters={
        <>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" options={stateOptions(orderMachine)} style={{ width: 140 }} data-testid="filter-status" />
          </Form.Item>
          <Form.Item name="orgId" label="被督办单位">
            <OrgTreeSelect placeholder="全部" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="source" label="来源">
            <Select allowClear placeholder="全部" options={FINDING_SOURCES.map((s) => ({ value: s.value, label: s.label }))} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="year" label="年度">
            <InputNumber min={2000} max={2100} placeholder="全部" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="overdue" label="仅看逾期" valuePropName="checked">
            <Switch data-testid="filter-overdue" />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input allowClear placeholder="文号 / 事项 / 内容" style={{ width: 180 }} />
          </Form.Item>
        </>
      }
    />
  );
}
