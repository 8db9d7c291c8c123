// 执法投诉举报 list: filters (channel, status, result, body, dates, overdue, keyword), export, 登记 and Excel import.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, DatePicker, Form, Input, Select, Space, Switch } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import type { DeadlineView } from '../../../../kernel/shared/deadline';
import { DeadlineBadge } from '../../../../web/kit/deadline-badge';
import { fromDateString, labelOf, toDateString, todayDayjs } from '../../../../web/kit/format';
import { ImportXlsxButton } from '../../../../web/kit/import-xlsx-button';
import { ListPage } from '../../../../web/kit/list-page';
import { StatusTag, stateOptions } from '../../../../web/kit/status-tag';
import { useSession } from '../../../../web/session';
import { COMPLAINT_CHANNELS, COMPLAINT_RESULTS, complaintMachine } from '../../review/review-machine';
import { BodySelect, PostModal } from './parts';

interface Row {
  id: number;
  complaintNo: string;
  channel: string;
  receivedDate: string;
  complainantName: string;
  subject: string;
  bodyName: string;
  status: string;
  result: string | null;
  deadline: DeadlineView | null;
}
interface Filters extends Record<string, unknown> {
  channel?: string;
  status?: string;
  result?: string;
  bodyId?: number;
  received?: [Dayjs | null, Dayjs | null] | null;
  overdue?: boolean;
  q?: string;
}

const columns: ColumnsType<Row> = [
  { title: '编号', dataIndex: 'complaintNo', render: (v: string, r) => <Link to={`/enforcement/complaints/${r.id}`} data-testid={`complaint-link-${r.id}`}>{v}</Link> },
  { title: '渠道', dataIndex: 'channel', width: 100, render: (v: string) => labelOf(COMPLAINT_CHANNELS, v) },
  { title: '收到日期', dataIndex: 'receivedDate', width: 110 },
  { title: '投诉人', dataIndex: 'complainantName', width: 90 },
  { title: '投诉事项', dataIndex: 'subject' },
  { title: '被投诉执法主体', dataIndex: 'bodyName' },
  { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag machine={complaintMachine} state={v} /> },
  { title: '核查结论', dataIndex: 'result', render: (v: string | null) => labelOf(COMPLAINT_RESULTS, v) },
  { title: '核查时限', dataIndex: 'deadline', render: (_: unknown, r) => <DeadlineBadge deadline={r.deadline} /> },
];

export default function ComplaintListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [registering, setRegistering] = useState(false);
  const [reload, setReload] = useState(0);
  return (
    <>
      <ListPage<Row, Filters>
        title="执法投诉举报"
        url="/api/enforcement/complaints"
        rowKey="id"
        columns={columns}
        reloadKey={reload}
        tableTestId="list-table"
        exportUrl={can('enforcement:export') ? '/api/enforcement/complaints/export' : undefined}
        exportFileName="执法投诉举报.xlsx"
        toQuery={(v) => ({ channel: v.channel, status: v.status, result: v.result, bodyId: v.bodyId, receivedFrom: toDateString(v.received?.[0]), receivedTo: toDateString(v.received?.[1]), overdue: v.overdue ? 'true' : undefined, q: v.q?.trim() })}
        fromQuery={(q) => ({
          channel: q.channel,
          status: q.status,
          result: q.result,
          bodyId: q.bodyId ? Number(q.bodyId) : undefined,
          received: q.receivedFrom || q.receivedTo ? [fromDateString(q.receivedFrom) ?? null, fromDateString(q.receivedTo) ?? null] : undefined,
          overdue: q.overdue === 'true',
          q: q.q,
        })}
        actions={
          <Space>
            {can('enforcement:import') && can('enforcement:supervise') ? (
              <ImportXlsxButton url="/api/enforcement/complaints/import" onImported={() => setReload((n) => n + 1)} />
            ) : null}
            {can('enforcement:supervise') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="complaint-new">
                登记投诉举报
              </Button>
            ) : null}
          </Space>
        }
        filters={
          <>
            <Form.Item name="channel" label="渠道">
              <Select allowClear placeholder="全部" options={COMPLAINT_CHANNELS.map((c) => ({ value: c.value, label: c.label }))} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" options={stateOptions(complaintMachine)} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="result" label="结论">
              <Select allowClear placeholder="全部" options={COMPLAINT_RESULTS.map((c) => ({ value: c.value, label: c.label }))} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="bodyId" label="执法主体">
              <BodySelect allowClear style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="received" label="收到日期">
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
            </Form.Item>
            <Form.Item name="overdue" label="仅看逾期" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="编号 / 事项 / 投诉人" style={{ width: 180 }} />
            </Form.Item>
          </>
        }
      />
      {registering ? (
        <PostModal<{ id: number }>
          title="登记投诉举报"
          url="/api/enforcement/complaints"
          onClose={() => setRegistering(false)}
          onDone={(r) => navigate(`/enforcement/complaints/${r.id}`)}
          initialValues={{ channel: 'hotline', receivedDate: todayDayjs() }}
          toBody={(v) => ({ ...v, receivedDate: toDateString(v.receivedDate as Dayjs), complainantPhone: v.complainantPhone || null })}
        >
          <Form.Item name="channel" label="来源渠道" rules={[{ required: true, message: '请选择来源渠道' }]}>
            <Select options={COMPLAINT_CHANNELS.map((c) => ({ value: c.value, label: c.label }))} />
          </Form.Item>
          <Form.Item name="receivedDate" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="bodyId" label="被投诉的执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
            <BodySelect />
          </Form.Item>
          <Form.Item name="complainantName" label="投诉人" rules={[{ required: true, message: '请填写投诉人' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="complainantPhone" label="联系电话">
            <Input />
          </Form.Item>
          <Form.Item name="subject" label="投诉事项" rules={[{ required: true, message: '请填写投诉事项' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="content" label="投诉内容" rules={[{ required: true, message: '请填写投诉内容' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </PostModal>
      ) : null}
    </>
  );
}
