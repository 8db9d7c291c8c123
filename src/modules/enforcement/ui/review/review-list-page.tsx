// 案卷评查活动 list: filters (year, kind, status, keyword), pagination; 新建评查 for the 司法局's supervisors.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { labelOf, toDateString, todayDayjs, todayLocal } from '../../../../web/kit/format';
import { ListPage } from '../../../../web/kit/list-page';
import { StatusTag, stateOptions } from '../../../../web/kit/status-tag';
import { useSession } from '../../../../web/session';
import { REVIEW_KINDS, reviewMachine } from '../../review/review-machine';
import { BodySelect, PostModal } from './parts';

interface Row {
  id: number;
  title: string;
  year: number;
  kind: string;
  orgName: string;
  periodFrom: string;
  periodTo: string;
  status: string;
  files: number;
  scored: number;
  average: number | null;
}

const columns: ColumnsType<Row> = [
  { title: '评查活动', dataIndex: 'title', render: (v: string, r) => <Link to={`/enforcement/reviews/${r.id}`} data-testid={`review-link-${r.id}`}>{v}</Link> },
  { title: '年度', dataIndex: 'year', width: 70 },
  { title: '方式', dataIndex: 'kind', width: 90, render: (v: string) => labelOf(REVIEW_KINDS, v) },
  { title: '组织单位', dataIndex: 'orgName' },
  { title: '案卷期间', render: (_: unknown, r) => `${r.periodFrom} 至 ${r.periodTo}` },
  { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag machine={reviewMachine} state={v} /> },
  { title: '已评 / 案卷', render: (_: unknown, r) => `${r.scored} / ${r.files}` },
  { title: '平均分', dataIndex: 'average', render: (v: number | null) => v ?? '—' },
];

export default function ReviewListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <ListPage<Row>
        title="案卷评查"
        url="/api/enforcement/reviews"
        rowKey="id"
        columns={columns}
        tableTestId="list-table"
        exportUrl={can('enforcement:export') ? '/api/enforcement/reviews/files/export' : undefined}
        exportFileName="案卷评查结果.xlsx"
        actions={
          can('enforcement:review') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="review-new">
              新建评查
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="year" label="年度">
              <InputNumber min={2000} max={2100} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="kind" label="方式">
              <Select allowClear placeholder="全部" options={REVIEW_KINDS.map((k) => ({ value: k.value, label: k.label }))} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" options={stateOptions(reviewMachine)} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="评查活动名称" style={{ width: 180 }} />
            </Form.Item>
          </>
        }
      />
      {creating ? (
        <PostModal<{ id: number }>
          title="新建评查活动"
          url="/api/enforcement/reviews"
          onClose={() => setCreating(false)}
          onDone={(r) => navigate(`/enforcement/reviews/${r.id}`)}
          initialValues={{ year: Number(todayLocal().slice(0, 4)), kind: 'cross', periodFrom: dayjs(`${Number(todayLocal().slice(0, 4)) - 1}-01-01`), periodTo: todayDayjs(), excellentMin: 90, passMin: 70, title: `${todayLocal().slice(0, 4)}年度行政执法案卷交叉评查` }}
          toBody={(v) => {
            return { year: v.year, title: v.title, kind: v.kind, bodyIds: v.bodyIds ?? [], periodFrom: toDateString(v.periodFrom as Dayjs), periodTo: toDateString(v.periodTo as Dayjs), excellentMin: v.excellentMin, passMin: v.passMin };
          }}
        >
          <Form.Item name="title" label="评查活动名称" rules={[{ required: true, message: '请填写评查活动名称' }]}>
            <Input data-testid="review-title" />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="kind" label="评查方式" rules={[{ required: true, message: '请选择评查方式' }]}>
            <Select options={REVIEW_KINDS.map((k) => ({ value: k.value, label: k.label }))} data-testid="review-kind" />
          </Form.Item>
          <Space>
            <Form.Item name="periodFrom" label="抽取决定日期自" rules={[{ required: true, message: '请选择起始日期' }]}>
              <DatePicker data-testid="review-period-from" />
            </Form.Item>
            <Form.Item name="periodTo" label="至" rules={[{ required: true, message: '请选择截止日期' }]}>
              <DatePicker data-testid="review-period-to" />
            </Form.Item>
          </Space>
          <Form.Item name="bodyIds" label="评查对象（执法主体）" rules={[{ required: true, message: '请选择执法主体' }]}>
            <BodySelect mode="multiple" testId="review-bodies" />
          </Form.Item>
          <Form.Item name="excellentMin" label="优秀分数线">
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="passMin" label="合格分数线">
            <InputNumber min={1} max={100} />
          </Form.Item>
        </PostModal>
      ) : null}
    </>
  );
}
