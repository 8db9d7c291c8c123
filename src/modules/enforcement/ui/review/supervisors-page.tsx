// 特邀行政执法监督员: the roster (phone masked) with each member's activities; 聘任 and 记录活动 for supervisors.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { labelOf, toDateString, todayDayjs } from '../../../../web/kit/format';
import { useSession } from '../../../../web/session';
import { ACTIVITY_KINDS } from '../../review/review-machine';
import { BodySelect, PostModal } from './parts';

interface Row {
  id: number;
  name: string;
  workUnit: string;
  termFrom: string;
  termTo: string;
  phone: string | null;
  inTerm: boolean;
  activities: { id: number; activityDate: string; kind: string; bodyName: string | null; notes: string }[];
}

export default function SupervisorsPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>([]);
  const [modal, setModal] = useState<'add' | number | null>(null);
  const load = useCallback(() => attempt(async () => setRows((await api.get<{ items: Row[] }>('/api/enforcement/supervisors')).items)), []);
  useEffect(() => {
    void load();
  }, [load]);
  const done = () => {
    setModal(null);
    message.success('已保存');
    void load();
  };
  const manage = can('enforcement:supervise');
  return (
    <Card title="特邀行政执法监督员" extra={manage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('add')}>聘任监督员</Button> : null}>
      <Table<Row>
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="supervisor-table"
        expandable={{
          rowExpandable: (r) => r.activities.length > 0,
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={r.activities}
              columns={[
                { title: '日期', dataIndex: 'activityDate', width: 110 },
                { title: '类型', dataIndex: 'kind', width: 100, render: (v: string) => labelOf(ACTIVITY_KINDS, v) },
                { title: '相关执法主体', dataIndex: 'bodyName', render: (v: string | null) => v ?? '—' },
                { title: '活动情况', dataIndex: 'notes' },
              ]}
            />
          ),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '工作单位', dataIndex: 'workUnit' },
          { title: '聘期', render: (_: unknown, r) => `${r.termFrom} 至 ${r.termTo}` },
          { title: '状态', dataIndex: 'inTerm', width: 90, render: (v: boolean) => (v ? <Tag color="green">在聘</Tag> : <Tag>期满</Tag>) },
          { title: '联系电话', dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
          { title: '活动', width: 70, render: (_: unknown, r) => r.activities.length },
          ...(manage ? [{ title: '操作', width: 100, render: (_: unknown, r: Row) => <Button size="small" type="link" onClick={() => setModal(r.id)}>记录活动</Button> }] : []),
        ]}
      />
      {modal === 'add' ? (
        <PostModal title="聘任特邀行政执法监督员" url="/api/enforcement/supervisors" onClose={() => setModal(null)} onDone={done} toBody={(v) => {
          const p = v.term as [Dayjs, Dayjs] | undefined;
          return { name: v.name, workUnit: v.workUnit, termFrom: toDateString(p?.[0]), termTo: toDateString(p?.[1]), phone: v.phone || null };
        }}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="workUnit" label="工作单位及身份" rules={[{ required: true, message: '请填写工作单位' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="term" label="聘期" rules={[{ required: true, message: '请选择聘期' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="phone" label="联系电话">
            <Input />
          </Form.Item>
        </PostModal>
      ) : null}
      {typeof modal === 'number' ? (
        <PostModal title="记录监督员活动" url={`/api/enforcement/supervisors/${modal}/activities`} onClose={() => setModal(null)} onDone={done} initialValues={{ activityDate: todayDayjs(), kind: 'review' }} toBody={(v) => ({ activityDate: toDateString(v.activityDate as Dayjs), kind: v.kind, bodyId: v.bodyId ?? null, notes: v.notes })}>
          <Form.Item name="activityDate" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={ACTIVITY_KINDS.map((k) => ({ value: k.value, label: k.label }))} />
          </Form.Item>
          <Form.Item name="bodyId" label="相关执法主体">
            <BodySelect allowClear />
          </Form.Item>
          <Form.Item name="notes" label="活动情况" rules={[{ required: true, message: '请填写活动情况' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </PostModal>
      ) : null}
    </Card>
  );
}
