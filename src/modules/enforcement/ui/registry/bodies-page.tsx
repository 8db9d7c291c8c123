// 执法主体 register: filters (kind, status, unconfirmed this year, expired entrustment), export, and 登记.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, DatePicker, Form, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../../../web/api-client';
import { labelOf, toDateString, todayLocal } from '../../../../web/kit/format';
import { ListPage } from '../../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../../web/kit/org-tree-select';
import { StatusTag, stateOptions } from '../../../../web/kit/status-tag';
import { useSession } from '../../../../web/session';
import { BODY_KIND_OPTIONS, bodyMachine } from '../../registry/registry-machine';
import { FormModal } from './shared';

export interface BodyRow {
  id: number;
  name: string;
  orgName: string;
  kind: string;
  legalBasis: string;
  entrustingOrgId: number | null;
  entrustingOrgName: string | null;
  entrustScope: string | null;
  entrustFrom: string | null;
  entrustUntil: string | null;
  status: string;
  statusReason: string | null;
  confirmedDate: string | null;
  confirmedByName: string | null;
  officers: number;
  legalReviewers: number;
  validCertificates: number;
  items: number;
  legalReviewerRatio: number | null;
  legalReviewerMinPercent: number;
  legalReviewerBelow: boolean;
  entrustExpired: boolean;
  confirmedThisYear: boolean;
  version: number;
  orgId: number;
}

export const RatioTag = ({ r }: { r: Pick<BodyRow, 'legalReviewerRatio' | 'legalReviewerBelow' | 'legalReviewerMinPercent' | 'legalReviewers' | 'officers'> }) =>
  r.legalReviewerRatio === null ? (
    <Typography.Text type="secondary">无在岗人员</Typography.Text>
  ) : (
    <Tag color={r.legalReviewerBelow ? 'red' : 'green'} data-testid="ratio-tag">
      {`${r.legalReviewers}/${r.officers}（${r.legalReviewerRatio}%）${r.legalReviewerBelow ? ` 低于${r.legalReviewerMinPercent}%` : ''}`}
    </Tag>
  );

const columns: ColumnsType<BodyRow> = [
  {
    title: '执法主体',
    dataIndex: 'name',
    fixed: 'left',
    render: (v: string, r) => (
      <Link to={`/enforcement/bodies/${r.id}`} data-testid={`body-link-${r.id}`}>
        {v}
      </Link>
    ),
  },
  { title: '所属单位', dataIndex: 'orgName' },
  {
    title: '类别',
    dataIndex: 'kind',
    render: (v: string, r) => (
      <Space size={4}>
        <Tag color={v === 'statutory' ? 'blue' : v === 'authorized' ? 'purple' : 'orange'}>{labelOf(BODY_KIND_OPTIONS, v)}</Tag>
        {r.entrustExpired ? <Tag color="red">委托已到期</Tag> : null}
      </Space>
    ),
  },
  { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag machine={bodyMachine} state={v} /> },
  { title: '在岗人员', dataIndex: 'officers', align: 'right' },
  { title: '有效证件', dataIndex: 'validCertificates', align: 'right' },
  { title: '法制审核人员', dataIndex: 'legalReviewerRatio', render: (_: unknown, r) => <RatioTag r={r} /> },
  { title: '执法事项', dataIndex: 'items', align: 'right' },
  {
    title: '年度确认',
    dataIndex: 'confirmedDate',
    render: (v: string | null, r) => (r.status !== 'active' ? '' : r.confirmedThisYear ? v : <Tag color="orange">{`本年未确认${v ? `（上次 ${v}）` : ''}`}</Tag>),
  },
];

interface Filters extends Record<string, unknown> {
  kind?: string;
  status?: string;
  unconfirmed?: boolean;
  entrustExpired?: boolean;
  q?: string;
}

interface NewBody {
  orgId: number;
  name: string;
  kind: string;
  legalBasis: string;
  entrustingOrgId?: number;
  entrustScope?: string;
  entrust?: [Dayjs | null, Dayjs | null];
}

export default function BodiesPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const year = todayLocal().slice(0, 4);
  return (
    <>
      <ListPage<BodyRow, Filters>
        title="行政执法主体"
        url="/api/enforcement/bodies"
        rowKey="id"
        columns={columns}
        exportUrl={can('enforcement:export') ? '/api/enforcement/bodies/export' : undefined}
        exportFileName="执法主体.xlsx"
        toQuery={(v) => ({ kind: v.kind, status: v.status, unconfirmedYear: v.unconfirmed ? year : undefined, entrustExpired: v.entrustExpired ? 'true' : undefined, q: v.q?.trim() })}
        fromQuery={(q) => ({ kind: q.kind, status: q.status, unconfirmed: Boolean(q.unconfirmedYear), entrustExpired: q.entrustExpired === 'true', q: q.q })}
        actions={
          can('enforcement:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="body-new">
              登记执法主体
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="kind" label="类别">
              <Select allowClear placeholder="全部" options={[...BODY_KIND_OPTIONS]} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" options={stateOptions(bodyMachine)} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="unconfirmed" label={`${year}年未确认`} valuePropName="checked">
              <Switch data-testid="filter-unconfirmed" />
            </Form.Item>
            <Form.Item name="entrustExpired" label="委托已到期" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="名称 / 依据" style={{ width: 180 }} />
            </Form.Item>
          </>
        }
      />
      <FormModal<NewBody>
        open={open}
        title="登记执法主体"
        onClose={() => setOpen(false)}
        initialValues={{ kind: 'statutory' }}
        testId="body-form"
        onSubmit={async (v, form) => {
          const row = await api.post<{ id: number }>(
            '/api/enforcement/bodies',
            {
              orgId: v.orgId,
              name: v.name,
              kind: v.kind,
              legalBasis: v.legalBasis,
              ...(v.kind === 'entrusted' ? { entrustingOrgId: v.entrustingOrgId ?? null, entrustScope: v.entrustScope ?? null, entrustFrom: toDateString(v.entrust?.[0]), entrustUntil: toDateString(v.entrust?.[1]) } : {}),
            },
            { form },
          );
          navigate(`/enforcement/bodies/${row.id}`);
        }}
      >
        <Form.Item name="orgId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <OrgTreeSelect permission="enforcement:manage" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="name" label="主体名称" rules={[{ required: true, message: '请填写主体名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={[...BODY_KIND_OPTIONS]} />
        </Form.Item>
        <Form.Item name="legalBasis" label="设立或授权依据" rules={[{ required: true, message: '请填写依据' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'entrusted' ? (
              <>
                <Form.Item name="entrustingOrgId" label="委托机关" rules={[{ required: true, message: '请选择委托机关' }]}>
                  <OrgTreeSelect style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="entrustScope" label="委托范围" rules={[{ required: true, message: '请填写委托范围' }]}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
                <Form.Item name="entrust" label="委托期限" rules={[{ required: true, message: '请选择委托期限' }]}>
                  <DatePicker.RangePicker style={{ width: '100%' }} />
                </Form.Item>
              </>
            ) : null
          }
        </Form.Item>
      </FormModal>
    </>
  );
}
