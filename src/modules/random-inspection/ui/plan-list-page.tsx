// 抽查计划 list: filters (year, status, kind, graded, keyword), pagination, export, 新建计划.
import { Link, useNavigate } from 'react-router-dom';
import { Button, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { labelOf, todayLocal } from '../../../web/kit/format';
import { ListPage } from '../../../web/kit/list-page';
import { StatusTag, stateOptions } from '../../../web/kit/status-tag';
import { useSession } from '../../../web/session';
import { PLAN_KINDS, planMachine } from '../plan-machine';

export interface PlanListItem {
  id: number;
  planNo: string;
  year: number;
  title: string;
  batch: string;
  kind: string;
  graded: boolean;
  status: string;
  orgName: string;
  unitNames: string;
  startDate: string;
  endDate: string;
  filedDate: string | null;
  inspections: number;
  pendingPublication: number;
}

const columns: ColumnsType<PlanListItem> = [
  { title: '计划编号', dataIndex: 'planNo', fixed: 'left', render: (v: string, r) => <Link to={`/random-inspection/plans/${r.id}`} data-testid={`plan-link-${r.id}`}>{v}</Link> },
  { title: '计划名称', dataIndex: 'title' },
  { title: '批次', dataIndex: 'batch', width: 80 },
  {
    title: '类型',
    dataIndex: 'kind',
    render: (v: string, r) => (
      <Space size={4}>
        <Tag color={v === 'joint' ? 'blue' : undefined}>{labelOf(PLAN_KINDS, v)}</Tag>
        {r.graded ? <Tag color="purple">分类分级</Tag> : null}
      </Space>
    ),
  },
  { title: '牵头 / 参与单位', dataIndex: 'unitNames' },
  { title: '检查期间', render: (_: unknown, r) => `${r.startDate} 至 ${r.endDate}` },
  { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag machine={planMachine} state={v} /> },
  { title: '检查户次', dataIndex: 'inspections', width: 90 },
  { title: '待公示', dataIndex: 'pendingPublication', width: 80, render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : '') },
];

export default function PlanListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  return (
    <ListPage<PlanListItem>
      title="抽查计划"
      url="/api/random-inspection/plans"
      rowKey="id"
      columns={columns}
      exportUrl={can('random-inspection:export') ? '/api/random-inspection/plans/export' : undefined}
      exportFileName="抽查计划.xlsx"
      actions={
        can('random-inspection:manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/random-inspection/plans/new')} data-testid="plan-new">
            新建抽查计划
          </Button>
        ) : null
      }
      filters={
        <>
          <Form.Item name="year" label="年度">
            <InputNumber min={2000} max={2100} placeholder={todayLocal().slice(0, 4)} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" options={stateOptions(planMachine)} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Select allowClear placeholder="全部" options={PLAN_KINDS.map((k) => ({ value: k.value, label: k.label }))} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="graded" label="分类分级">
            <Select allowClear placeholder="全部" options={[{ value: 'true', label: '是' }, { value: 'false', label: '否' }]} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input allowClear placeholder="编号 / 名称 / 范围" style={{ width: 180 }} data-testid="filter-q" />
          </Form.Item>
        </>
      }
    />
  );
}
