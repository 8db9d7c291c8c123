// 督察问题 list: filters, export, 记录问题, and 签发督办单 for an open finding.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Form, Input, InputNumber, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { labelOf } from '../../../web/kit/format';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { useSession } from '../../../web/session';
import { FINDING_SOURCES, FINDING_STATUSES } from '../order-machine';
import { FindingForm } from './finding-form';
import type { FindingListItem } from './types';

const STATUS_COLOR: Record<string, string> = { open: 'orange', ordered: 'blue', closed: 'green' };

export default function FindingListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const columns: ColumnsType<FindingListItem> = [
    { title: '单位', dataIndex: 'orgName', fixed: 'left' },
    { title: '问题描述', dataIndex: 'description', width: 320 },
    { title: '类别', dataIndex: 'category', render: (v: string | null) => v ?? '—' },
    { title: '发现日期', dataIndex: 'foundOn', width: 110 },
    { title: '来源', dataIndex: 'source', render: (v: string) => labelOf(FINDING_SOURCES, v) },
    { title: '督察计划', dataIndex: 'planTitle', render: (v: string | null, r) => (v ? <Link to={`/inspection/plans/${r.planId}`}>{v}</Link> : '—') },
    { title: '状态', dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]}>{labelOf(FINDING_STATUSES, v)}</Tag> },
    {
      title: '督办',
      dataIndex: 'orderNo',
      render: (v: string | null, r) =>
        v ? (
          <Link to={`/inspection/orders/${r.orderId}`}>{v}</Link>
        ) : r.status === 'open' && can('inspection:issue') ? (
          <Button
            size="small"
            data-testid={`finding-issue-${r.id}`}
            onClick={() => {
              const q = new URLSearchParams({ findingId: String(r.id), orgId: String(r.orgId), title: `督察问题整改：${r.category ?? r.description.slice(0, 20)}`, content: r.description, requirement: r.requirement });
              navigate(`/inspection/orders/new?${q.toString()}`);
            }}
          >
            签发督办单
          </Button>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <>
      <ListPage<FindingListItem>
        title="督察问题"
        url="/api/inspection/findings"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        exportUrl={can('inspection:export') ? '/api/inspection/findings/export' : undefined}
        exportFileName="督察问题.xlsx"
        tableTestId="finding-table"
        actions={
          can('inspection:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="finding-new">
              记录问题
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" options={FINDING_STATUSES.map((s) => ({ value: s.value, label: s.label }))} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="orgId" label="单位">
              <OrgTreeSelect placeholder="全部" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="source" label="来源">
              <Select allowClear placeholder="全部" options={FINDING_SOURCES.map((s) => ({ value: s.value, label: s.label }))} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="year" label="年度">
              <InputNumber min={2000} max={2100} placeholder="全部" style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="问题描述 / 类别" style={{ width: 180 }} data-testid="finding-q" />
            </Form.Item>
          </>
        }
      />
      {adding ? (
        <FindingForm
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            setReloadKey((k) => k + 1);
          }}
        />
      ) : null}
    </>
  );
}
