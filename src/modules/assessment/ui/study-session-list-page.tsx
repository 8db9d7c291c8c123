// 领导干部学法: the sessions within scope with total hours, 登记学法, export and import.
import { useEffect, useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { fromDateString, labelOf, toDateString, todayDayjs } from '../../../web/kit/format';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect, useOrgs } from '../../../web/kit/org-tree-select';
import { useSession } from '../../../web/session';
import { STUDY_FORMS } from '../options';
import { ImportXlsxButton } from '../../../web/kit/import-xlsx-button';

interface Row {
  id: number;
  orgId: number;
  orgName: string;
  date: string;
  topic: string;
  form: string;
  lecturer: string | null;
  attendeeCount: number;
  attendees: string | null;
  durationHours: number;
  version: number;
}

interface Filters extends Record<string, unknown> {
  orgId?: number | null;
  form?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  q?: string;
}

function SessionModal({ row, onClose, onSaved }: { row: Row | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const units = useOrgs('scope', 0, 'assessment:report');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!row && units[0] && !form.getFieldValue('orgId')) form.setFieldValue('orgId', units[0].id);
  }, [units, form, row]);
  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    const body = { ...v, date: toDateString(v.date as Dayjs), durationHours: String(v.durationHours), lecturer: v.lecturer ?? null, attendees: v.attendees ?? null };
    const ok = await attempt(() => (row ? api.patch(`/api/assessment/study-sessions/${row.id}`, { ...body, version: row.version }, { form }) : api.post('/api/assessment/study-sessions', body, { form })));
    setBusy(false);
    if (ok !== undefined) onSaved();
  };
  return (
    <Modal open title={row ? '修改学法记录' : '登记学法'} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy }} width={640} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={row ? { ...row, date: fromDateString(row.date) } : { date: todayDayjs(), form: 'center_group', durationHours: 1, attendeeCount: 10 }}
      >
        <Form.Item name="orgId" label="学法单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgTreeSelect permission={units.length ? 'assessment:report' : 'assessment:manage'} />
        </Form.Item>
        <Form.Item name="topic" label="学法主题" rules={[{ required: true, whitespace: true, message: '请填写学法主题' }]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="date" label="学法日期" style={{ flex: 1 }} rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="form" label="学法形式" style={{ flex: 1 }}>
            <Select options={STUDY_FORMS.map((f) => ({ value: f.value, label: f.label }))} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="lecturer" label="授课人" style={{ flex: 2 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="attendeeCount" label="参加人数" style={{ flex: 1 }} rules={[{ required: true, message: '请填写人数' }]}>
            <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="durationHours" label="时长（小时）" style={{ flex: 1 }} rules={[{ required: true, message: '请填写时长' }]}>
            <InputNumber min={0.5} max={24} step={0.5} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="attendees" label="参加人员">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function StudySessionListPage() {
  const { can } = useSession();
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [hours, setHours] = useState(0);
  const writable = can('assessment:report') || can('assessment:manage');
  const columns: ColumnsType<Row> = [
    { title: '学法日期', dataIndex: 'date', width: 110 },
    { title: '单位', dataIndex: 'orgName' },
    { title: '学法主题', dataIndex: 'topic' },
    { title: '形式', dataIndex: 'form', render: (v: string) => labelOf(STUDY_FORMS, v) },
    { title: '授课人', dataIndex: 'lecturer', render: (v: string | null) => v ?? '—' },
    { title: '人数', dataIndex: 'attendeeCount', width: 70 },
    { title: '时长（小时）', dataIndex: 'durationHours', width: 100 },
    ...(writable
      ? [
          {
            title: '操作',
            width: 80,
            render: (_: unknown, r: Row) => (
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                修改
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <ListPage<Row, Filters>
        title={
          <Space>
            领导干部学法
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
              合计 {hours} 小时
            </Typography.Text>
          </Space>
        }
        url="/api/assessment/study-sessions"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        onLoaded={(r) => setHours((r as unknown as { totalHours?: number }).totalHours ?? 0)}
        toQuery={(v) => ({ orgId: v.orgId ?? undefined, form: v.form, dateFrom: toDateString(v.range?.[0]), dateTo: toDateString(v.range?.[1]), q: v.q?.trim() })}
        fromQuery={(q) => ({ orgId: q.orgId ? Number(q.orgId) : undefined, form: q.form, range: q.dateFrom || q.dateTo ? [fromDateString(q.dateFrom) ?? null, fromDateString(q.dateTo) ?? null] : undefined, q: q.q })}
        exportUrl={can('assessment:export') ? '/api/assessment/study-sessions/export' : undefined}
        exportFileName="领导干部学法.xlsx"
        actions={
          <>
            {can('assessment:import') ? <ImportXlsxButton url="/api/assessment/study-sessions/import" onImported={() => setReloadKey((k) => k + 1)} testId="study-import" /> : null}
            {writable ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="study-new">
                登记学法
              </Button>
            ) : null}
          </>
        }
        filters={
          <>
            <Form.Item name="orgId" label="单位">
              <OrgTreeSelect placeholder="全部" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="form" label="形式">
              <Select allowClear placeholder="全部" style={{ width: 170 }} options={STUDY_FORMS.map((f) => ({ value: f.value, label: f.label }))} />
            </Form.Item>
            <Form.Item name="range" label="日期">
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="主题 / 授课人" style={{ width: 160 }} />
            </Form.Item>
          </>
        }
      />
      {editing ? (
        <SessionModal
          row={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setReloadKey((k) => k + 1);
          }}
        />
      ) : null}
    </>
  );
}
