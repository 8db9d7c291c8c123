// 一单两库一细则: 抽查事项清单, 检查对象名录库 (Excel import/export), 执法检查人员名录库 (with 回避对象), 抽查工作细则 (versions).
import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { labelOf, todayLocal } from '../../../web/kit/format';
import { ImportXlsxButton } from '../../../web/kit/import-xlsx-button';
import { ListPage } from '../../../web/kit/list-page';
import { useSession } from '../../../web/session';
import { GRADE_LABELS, GRADES, ITEM_KINDS, TARGET_TYPES } from '../plan-machine';

interface Row {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  [k: string]: unknown;
}

const itemColumns: ColumnsType<Row> = [
  { title: '单位', dataIndex: 'orgName' },
  { title: '抽查事项', dataIndex: 'name' },
  { title: '类别', dataIndex: 'kind', render: (v: string) => <Tag color={v === 'key' ? 'red' : undefined}>{labelOf(ITEM_KINDS, v)}</Tag> },
  { title: '检查依据', dataIndex: 'legalBasis' },
  { title: '对象类型', dataIndex: 'targetType', render: (v: string) => labelOf(TARGET_TYPES, v) },
  { title: '抽查比例', dataIndex: 'ratioPercent', render: (v: number) => `${v}%` },
  { title: '频次（次/年）', dataIndex: 'frequencyPerYear' },
];
const targetColumns: ColumnsType<Row> = [
  { title: '名称', dataIndex: 'name' },
  { title: '统一社会信用代码', dataIndex: 'creditCode' },
  { title: '类型', dataIndex: 'type', render: (v: string) => labelOf(TARGET_TYPES, v) },
  { title: '行业', dataIndex: 'industry' },
  { title: '区域', dataIndex: 'region' },
  { title: '信用风险等级', dataIndex: 'creditGrade', render: (v: string) => <Tag color={v === 'D' ? 'red' : v === 'C' ? 'orange' : v === 'B' ? 'blue' : 'green'}>{GRADE_LABELS[v] ?? v}</Tag> },
  { title: '单位', dataIndex: 'orgName' },
];
const inspectorColumns: ColumnsType<Row> = [
  { title: '姓名', dataIndex: 'name' },
  { title: '执法证号', dataIndex: 'certificateNo' },
  { title: '专业领域', dataIndex: 'expertise' },
  { title: '回避对象', dataIndex: 'conflictCodes', render: (v: string[]) => (v.length ? v.map((c) => <Tag key={c}>{c}</Tag>) : '无') },
  { title: '状态', dataIndex: 'active', render: (v: boolean) => (v ? '在库' : <Tag>停用</Tag>) },
  { title: '单位', dataIndex: 'orgName' },
];

function AddModal({ kind, open, onClose }: { kind: 'item' | 'target'; open: boolean; onClose: (saved: boolean) => void }) {
  const { me } = useSession();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    const ok = await attempt(async () => api.post(`/api/random-inspection/${kind}s`, { ...v, orgId: me?.user?.orgId }));
    if (ok !== undefined) onClose(true);
  };
  return (
    <Modal open={open} title={kind === 'item' ? '新增抽查事项' : '新增检查对象'} onCancel={() => onClose(false)} onOk={() => void save()} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'general', targetType: 'enterprise', type: 'enterprise', ratioPercent: 5, frequencyPerYear: 1, creditGrade: 'B' }}>
        <Form.Item name="name" label={kind === 'item' ? '事项名称' : '名称'} rules={[{ required: true, message: '请填写名称' }]}>
          <Input />
        </Form.Item>
        {kind === 'item' ? (
          <>
            <Form.Item name="kind" label="类别"><Select options={ITEM_KINDS.map((o) => ({ value: o.value, label: o.label }))} /></Form.Item>
            <Form.Item name="legalBasis" label="检查依据" rules={[{ required: true, message: '请填写检查依据' }]}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="targetType" label="检查对象类型"><Select options={TARGET_TYPES.map((o) => ({ value: o.value, label: o.label }))} /></Form.Item>
            <Space>
              <Form.Item name="ratioPercent" label="抽查比例（%）"><InputNumber min={0} max={100} /></Form.Item>
              <Form.Item name="frequencyPerYear" label="频次（次/年）"><InputNumber min={1} max={12} /></Form.Item>
            </Space>
          </>
        ) : (
          <>
            <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }]}><Input maxLength={18} /></Form.Item>
            <Form.Item name="type" label="类型"><Select options={TARGET_TYPES.map((o) => ({ value: o.value, label: o.label }))} /></Form.Item>
            <Form.Item name="industry" label="行业"><Input /></Form.Item>
            <Form.Item name="region" label="区域"><Input /></Form.Item>
            <Form.Item name="creditGrade" label="信用风险等级"><Select options={GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }))} /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function RulesTab() {
  const { can, me } = useSession();
  const [items, setItems] = useState<{ id: number; orgName: string; revision: number; title: string; content: string; effectiveDate: string }[]>([]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const load = () => void attempt(async () => setItems((await api.get<{ items: typeof items }>('/api/random-inspection/rules')).items));
  useEffect(load, []);
  const save = async () => {
    const v = await form.validateFields();
    const ok = await attempt(async () => api.post('/api/random-inspection/rules', { ...v, orgId: me?.user?.orgId, effectiveDate: v.effectiveDate || todayLocal() }));
    if (ok !== undefined) {
      setOpen(false);
      load();
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {can('random-inspection:manage') ? <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>发布细则新版本</Button> : null}
      <Table
        size="small"
        rowKey="id"
        dataSource={items}
        expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.content}</Typography.Paragraph> }}
        columns={[
          { title: '单位', dataIndex: 'orgName' },
          { title: '标题', dataIndex: 'title' },
          { title: '版本', dataIndex: 'revision', render: (v: number) => `第 ${v} 版` },
          { title: '施行日期', dataIndex: 'effectiveDate' },
        ]}
      />
      <Modal open={open} title="发布细则新版本（旧版本保留）" onCancel={() => setOpen(false)} onOk={() => void save()} width={720} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ effectiveDate: todayLocal() }}>
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input /></Form.Item>
          <Form.Item name="effectiveDate" label="施行日期（YYYY-MM-DD）"><Input /></Form.Item>
          <Form.Item name="content" label="细则内容" rules={[{ required: true, message: '请填写细则内容' }]}><Input.TextArea rows={12} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export default function PoolsPage() {
  const { can } = useSession();
  const [adding, setAdding] = useState<'item' | 'target' | null>(null);
  const [reload, setReload] = useState(0);
  const manage = can('random-inspection:manage');
  const exportable = can('random-inspection:export');
  const qFilter = (placeholder: string) => (
    <Form.Item name="q" label="关键词">
      <Input allowClear placeholder={placeholder} style={{ width: 220 }} />
    </Form.Item>
  );
  return (
    <Card>
      <Tabs
        items={[
          {
            key: 'items',
            label: '抽查事项清单',
            children: (
              <ListPage<Row> title="抽查事项清单" url="/api/random-inspection/items" rowKey="id" columns={itemColumns} reloadKey={reload} filters={qFilter('事项 / 依据')} actions={manage ? <Button icon={<PlusOutlined />} onClick={() => setAdding('item')}>新增事项</Button> : null} />
            ),
          },
          {
            key: 'targets',
            label: '检查对象名录库',
            children: (
              <ListPage<Row>
                title="检查对象名录库"
                url="/api/random-inspection/targets"
                rowKey="id"
                columns={targetColumns}
                reloadKey={reload}
                exportUrl={exportable ? '/api/random-inspection/targets/export' : undefined}
                exportFileName="检查对象名录库.xlsx"
                filters={
                  <>
                    {qFilter('名称 / 信用代码 / 行业')}
                    <Form.Item name="creditGrade" label="信用等级">
                      <Select allowClear placeholder="全部" options={GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }))} style={{ width: 170 }} />
                    </Form.Item>
                  </>
                }
                actions={
                  manage ? (
                    <Space>
                      <Button icon={<PlusOutlined />} onClick={() => setAdding('target')}>新增对象</Button>
                      <ImportXlsxButton url="/api/random-inspection/targets/import" label="导入Excel（名称、统一社会信用代码、类型、行业、区域、信用风险等级）" onImported={() => setReload((x) => x + 1)} />
                    </Space>
                  ) : null
                }
              />
            ),
          },
          {
            key: 'inspectors',
            label: '执法检查人员名录库',
            children: (
              <ListPage<Row>
                title="执法检查人员名录库"
                url="/api/random-inspection/inspectors"
                rowKey="id"
                columns={inspectorColumns}
                reloadKey={reload}
                exportUrl={exportable ? '/api/random-inspection/inspectors/export' : undefined}
                exportFileName="执法检查人员名录库.xlsx"
                filters={qFilter('姓名 / 证号 / 领域')}
                actions={manage ? <ImportXlsxButton url="/api/random-inspection/inspectors/import" label="导入Excel（姓名、执法证号、专业领域、回避对象信用代码）" onImported={() => setReload((x) => x + 1)} /> : null}
              />
            ),
          },
          { key: 'rules', label: '抽查工作细则', children: <RulesTab /> },
        ]}
      />
      {adding ? (
        <AddModal
          kind={adding}
          open
          onClose={(saved) => {
            setAdding(null);
            if (saved) setReload((x) => x + 1);
          }}
        />
      ) : null}
    </Card>
  );
}
