// 执法事项目录: filters, export, import, 登记, and 划转 of selected items to another body (划转综合执法).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { api } from '../../../../web/api-client';
import { labelOf, toDateString, todayDayjs } from '../../../../web/kit/format';
import { ImportXlsxButton } from '../../../../web/kit/import-xlsx-button';
import { ListPage } from '../../../../web/kit/list-page';
import { useSession } from '../../../../web/session';
import { ITEM_KIND_OPTIONS } from '../../registry/registry-machine';
import { ActiveTag, BodySelect, FormModal } from './shared';

interface ItemRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  bodyName: string;
  legalBasis: string;
  status: string;
  abolishedDate: string | null;
  benchmarks: number;
  listEntries: number;
}

const columns: ColumnsType<ItemRow> = [
  { title: '事项编码', dataIndex: 'code', width: 170 },
  { title: '事项名称', dataIndex: 'name', render: (v: string, r) => <Link to={`/enforcement/items/${r.id}`}>{v}</Link> },
  { title: '类别', dataIndex: 'kind', render: (v: string) => labelOf(ITEM_KIND_OPTIONS, v) },
  { title: '执法主体', dataIndex: 'bodyName' },
  { title: '裁量基准', dataIndex: 'benchmarks', align: 'right' },
  { title: '清单条目', dataIndex: 'listEntries', align: 'right' },
  { title: '状态', dataIndex: 'status', render: (v: string, r) => <ActiveTag status={v} date={r.abolishedDate} /> },
];

interface Filters extends Record<string, unknown> {
  bodyId?: number;
  kind?: string;
  status?: string;
  q?: string;
}

export default function ItemsPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState<'new' | 'transfer' | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [reload, setReload] = useState(0);
  const manage = can('enforcement:manage');
  return (
    <>
      <ListPage<ItemRow, Filters>
        title="行政执法事项目录"
        url="/api/enforcement/items"
        rowKey="id"
        columns={columns}
        reloadKey={reload}
        exportUrl={can('enforcement:export') ? '/api/enforcement/items/export' : undefined}
        exportFileName="执法事项.xlsx"
        fromQuery={(q) => ({ ...q, bodyId: q.bodyId ? Number(q.bodyId) : undefined })}
        tableProps={manage ? { rowSelection: { selectedRowKeys: selected, onChange: (k) => setSelected(k as number[]) } } : undefined}
        actions={
          <>
            {manage ? (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
                  登记事项
                </Button>
                <Button icon={<SwapOutlined />} disabled={selected.length === 0} onClick={() => setOpen('transfer')} data-testid="item-transfer">
                  {`划转（${selected.length}）`}
                </Button>
              </>
            ) : null}
            {can('enforcement:import') ? <ImportXlsxButton url="/api/enforcement/items/import" onImported={() => setReload((k) => k + 1)} /> : null}
          </>
        }
        filters={
          <>
            <Form.Item name="bodyId" label="执法主体">
              <BodySelect allowClear style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="kind" label="类别">
              <Select allowClear placeholder="全部" options={[...ITEM_KIND_OPTIONS]} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select
                allowClear
                placeholder="全部"
                options={[
                  { value: 'active', label: '有效' },
                  { value: 'abolished', label: '已废止' },
                ]}
                style={{ width: 100 }}
              />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="名称 / 编码 / 依据" style={{ width: 180 }} />
            </Form.Item>
          </>
        }
      />
      <FormModal<{ bodyId: number; code: string; name: string; kind: string; legalBasis: string }>
        open={open === 'new'}
        title="登记执法事项"
        onClose={() => setOpen(null)}
        initialValues={{ kind: 'penalty' }}
        onSubmit={async (v, form) => {
          const row = await api.post<{ id: number }>('/api/enforcement/items', v, { form });
          navigate(`/enforcement/items/${row.id}`);
        }}
      >
        <Form.Item name="bodyId" label="执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
          <BodySelect />
        </Form.Item>
        <Form.Item name="code" label="事项编码" rules={[{ required: true, message: '请填写事项编码' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
          <Input maxLength={200} placeholder="如：对未取得食品经营许可从事食品经营活动的处罚" />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={[...ITEM_KIND_OPTIONS]} />
        </Form.Item>
        <Form.Item name="legalBasis" label="实施依据" rules={[{ required: true, message: '请填写实施依据' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ toBodyId: number; transferDate: Dayjs; reason: string }>
        open={open === 'transfer'}
        title={`划转 ${selected.length} 个事项`}
        onClose={() => setOpen(null)}
        initialValues={{ transferDate: todayDayjs() }}
        onSubmit={async (v, form) => {
          const res = await api.post<{ transferred: number }>('/api/enforcement/items/transfer', { itemIds: selected, toBodyId: v.toBodyId, transferDate: toDateString(v.transferDate), reason: v.reason }, { form });
          message.success(`已划转 ${res.transferred} 个事项`);
          setSelected([]);
          setReload((k) => k + 1);
        }}
      >
        <Form.Item name="toBodyId" label="划入的执法主体" rules={[{ required: true, message: '请选择执法主体' }]} extra="如综合行政执法局">
          <BodySelect />
        </Form.Item>
        <Form.Item name="transferDate" label="划转日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label="划转依据" rules={[{ required: true, message: '请填写划转依据' }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder="如：××县综合行政执法改革实施方案" />
        </Form.Item>
      </FormModal>
    </>
  );
}
