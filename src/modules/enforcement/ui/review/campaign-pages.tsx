// 专项整治: the list (with 新建), and the detail with the weekly steps, the monthly reports and who has not reported.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Result, Select, Space, Spin, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { labelOf, toDateString, todayLocal } from '../../../../web/kit/format';
import { ListPage } from '../../../../web/kit/list-page';
import { useSession } from '../../../../web/session';
import { STEP_STATUSES } from '../../review/review-machine';
import { BodySelect, dash, PostModal } from './parts';
import { useRecord } from '../../../../web/kit/use-record';

interface Row {
  id: number;
  title: string;
  orgName: string;
  periodFrom: string;
  periodTo: string;
  bodies: number;
  steps: number;
  stepsDone: number;
  problemsFound: number;
  problemsRectified: number;
}

export function CampaignListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <ListPage<Row>
        title="专项整治"
        url="/api/enforcement/campaigns"
        rowKey="id"
        tableTestId="list-table"
        columns={[
          { title: '专项整治', dataIndex: 'title', render: (v: string, r) => <Link to={`/enforcement/campaigns/${r.id}`}>{v}</Link> },
          { title: '组织单位', dataIndex: 'orgName' },
          { title: '期间', render: (_: unknown, r) => `${r.periodFrom} 至 ${r.periodTo}` },
          { title: '参加单位', dataIndex: 'bodies', width: 90 },
          { title: '工作步骤', render: (_: unknown, r) => `${r.stepsDone} / ${r.steps}` },
          { title: '发现问题', dataIndex: 'problemsFound', width: 90 },
          { title: '已整改', dataIndex: 'problemsRectified', width: 90 },
        ]}
        actions={
          can('enforcement:supervise') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建专项整治
            </Button>
          ) : null
        }
      />
      {creating ? (
        <PostModal<{ id: number }>
          title="新建专项整治"
          url="/api/enforcement/campaigns"
          onClose={() => setCreating(false)}
          onDone={(r) => navigate(`/enforcement/campaigns/${r.id}`)}
          initialValues={{ channels: ['12345政务服务便民热线'] }}
          toBody={(v) => {
            const p = v.period as [Dayjs, Dayjs] | undefined;
            return { title: v.title, periodFrom: toDateString(p?.[0]), periodTo: toDateString(p?.[1]), bodyIds: v.bodyIds ?? [], channels: v.channels ?? [], summary: v.summary || null };
          }}
        >
          <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input placeholder="如：道路交通安全和运输执法领域突出问题专项整治" />
          </Form.Item>
          <Form.Item name="period" label="期间" rules={[{ required: true, message: '请选择期间' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="bodyIds" label="参加单位（执法主体）" rules={[{ required: true, message: '请选择参加单位' }]}>
            <BodySelect mode="multiple" />
          </Form.Item>
          <Form.Item name="channels" label="线索渠道" rules={[{ required: true, message: '请填写线索渠道' }]}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
          <Form.Item name="summary" label="工作方案要点">
            <Input.TextArea rows={3} />
          </Form.Item>
        </PostModal>
      ) : null}
    </>
  );
}

interface Detail {
  record: { id: number; title: string; periodFrom: string; periodTo: string; channels: string[]; summary: string | null; bodies: { id: number; name: string }[] };
  steps: { id: number; title: string; startDate: string; endDate: string; status: string; note: string | null; version: number }[];
  reports: { id: number; month: string; bodyName: string | null; problemsFound: number; problemsRectified: number; content: string; submittedDate: string }[];
  missing: { month: string; bodies: { id: number; name: string }[] }[];
  totals: { problemsFound: number; problemsRectified: number };
  can: { manage: boolean; reportFor: { id: number; name: string }[] };
}

const STEP_COLOR: Record<string, string> = { planned: 'default', doing: 'processing', done: 'success' };

export function CampaignDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { record: detail, missing, reload: load } = useRecord<Detail>(`/api/enforcement/campaigns/${id}`);
  const [modal, setModal] = useState<'step' | 'report' | null>(null);
  if (missing) return <Result status="404" title="专项整治不存在或无权查看" extra={<Link to="/enforcement/campaigns">返回列表</Link>} />;
  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} />;
  const r = detail.record;
  const current = detail.missing[detail.missing.length - 1];
  const done = () => {
    setModal(null);
    message.success('已保存');
    void load();
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/enforcement/campaigns">
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <Card title={r.title}>
        <Descriptions
          size="small"
          bordered
          column={2}
          items={[
            { key: 'period', label: '期间', children: `${r.periodFrom} 至 ${r.periodTo}` },
            { key: 'totals', label: '发现 / 整改问题', children: `${detail.totals.problemsFound} / ${detail.totals.problemsRectified}` },
            { key: 'channels', label: '线索渠道', span: 'filled', children: r.channels.map((c) => <Tag key={c}>{c}</Tag>) },
            { key: 'bodies', label: '参加单位', span: 'filled', children: r.bodies.map((b) => <Tag key={b.id}>{b.name}</Tag>) },
            { key: 'summary', label: '工作方案要点', span: 'filled', children: dash(r.summary) },
          ]}
        />
      </Card>
      {current && current.bodies.length ? (
        <Alert type="warning" showIcon data-testid="campaign-missing" title={`${current.month} 月报未报送：${current.bodies.map((b) => b.name).join('、')}`} />
      ) : null}
      <Card title="工作步骤（周推进）" extra={detail.can.manage ? <Button icon={<PlusOutlined />} onClick={() => setModal('step')}>添加步骤</Button> : null}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={detail.steps}
          columns={[
            { title: '工作步骤', dataIndex: 'title' },
            { title: '时间', render: (_: unknown, s: Detail['steps'][number]) => `${s.startDate} 至 ${s.endDate}` },
            {
              title: '状态',
              dataIndex: 'status',
              render: (v: string, s: Detail['steps'][number]) =>
                detail.can.manage ? (
                  <Select
                    size="small"
                    value={v}
                    style={{ width: 110 }}
                    options={STEP_STATUSES.map((x) => ({ value: x.value, label: x.label }))}
                    onChange={(status) => void attempt(async () => {
                      await api.put(`/api/enforcement/campaigns/steps/${s.id}`, { version: s.version, status, note: s.note });
                      void load();
                    })}
                  />
                ) : (
                  <Tag color={STEP_COLOR[v]}>{labelOf(STEP_STATUSES, v)}</Tag>
                ),
            },
            { title: '说明', dataIndex: 'note', render: dash },
          ]}
        />
      </Card>
      <Card title="月报" extra={detail.can.reportFor.length ? <Button type="primary" onClick={() => setModal('report')}>报送月报</Button> : null}>
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={detail.reports}
          columns={[
            { title: '月份', dataIndex: 'month', width: 90 },
            { title: '单位', dataIndex: 'bodyName' },
            { title: '发现问题', dataIndex: 'problemsFound', width: 90 },
            { title: '已整改', dataIndex: 'problemsRectified', width: 90 },
            { title: '工作情况', dataIndex: 'content' },
            { title: '报送日期', dataIndex: 'submittedDate', width: 110 },
          ]}
        />
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="month"
          pagination={false}
          dataSource={detail.missing}
          columns={[
            { title: '月份', dataIndex: 'month', width: 90 },
            { title: '未报送单位', render: (_: unknown, m: Detail['missing'][number]) => (m.bodies.length ? m.bodies.map((b) => <Tag color="red" key={b.id}>{b.name}</Tag>) : <Tag color="green">均已报送</Tag>) },
          ]}
        />
      </Card>
      {modal === 'step' ? (
        <PostModal title="添加工作步骤" url={`/api/enforcement/campaigns/${r.id}/steps`} onClose={() => setModal(null)} onDone={done} toBody={(v) => {
          const p = v.period as [Dayjs, Dayjs] | undefined;
          return { title: v.title, startDate: toDateString(p?.[0]), endDate: toDateString(p?.[1]), note: v.note || null };
        }}>
          <Form.Item name="title" label="工作步骤" rules={[{ required: true, message: '请填写工作步骤' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="period" label="时间" rules={[{ required: true, message: '请选择时间' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} />
          </Form.Item>
        </PostModal>
      ) : null}
      {modal === 'report' ? (
        <PostModal
          title="报送月报"
          url={`/api/enforcement/campaigns/${r.id}/reports`}
          onClose={() => setModal(null)}
          onDone={done}
          initialValues={{ bodyId: detail.can.reportFor[0]?.id, month: current?.month ?? todayLocal().slice(0, 7), problemsFound: 0, problemsRectified: 0 }}
          toBody={(v) => v}
        >
          <Form.Item name="bodyId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select options={detail.can.reportFor.map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
          <Form.Item name="month" label="月份（YYYY-MM）" rules={[{ required: true, message: '请填写月份' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="problemsFound" label="发现问题数">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="problemsRectified" label="已整改问题数">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="content" label="本月工作情况" rules={[{ required: true, message: '请填写工作情况' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </PostModal>
      ) : null}
    </Space>
  );
}
