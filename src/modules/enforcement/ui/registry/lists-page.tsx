// 四张清单与首违不罚清单: every entry within scope, by list, with export.
import { Link } from 'react-router-dom';
import { Form, Input, Select, Switch, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ListPage } from '../../../../web/kit/list-page';
import { useSession } from '../../../../web/session';
import { LIST_KIND_OPTIONS, labelOfOption } from '../../registry/registry-machine';
import { ActiveTag, BodySelect } from './shared';

interface Row {
  id: number;
  itemId: number;
  itemName: string;
  bodyName: string;
  listKind: string;
  condition: string;
  basis: string;
  published: boolean;
  publishedDate: string | null;
  status: string;
  abolishedDate: string | null;
}

const columns: ColumnsType<Row> = [
  { title: '清单', dataIndex: 'listKind', width: 140, render: (v: string) => <Tag color={v === 'first_violation_no_penalty' ? 'gold' : 'blue'}>{labelOfOption(LIST_KIND_OPTIONS, v)}</Tag> },
  { title: '执法事项', dataIndex: 'itemName', render: (v: string, r) => <Link to={`/enforcement/items/${r.itemId}`}>{v}</Link> },
  { title: '执法主体', dataIndex: 'bodyName' },
  { title: '适用情形', dataIndex: 'condition' },
  { title: '依据', dataIndex: 'basis' },
  { title: '公布', dataIndex: 'published', render: (v: boolean, r) => (v ? <Tag color="green">{`已公布 ${r.publishedDate ?? ''}`}</Tag> : <Tag>未公布</Tag>) },
  { title: '状态', dataIndex: 'status', render: (v: string, r) => <ActiveTag status={v} date={r.abolishedDate} /> },
];

export default function ListsPage() {
  const { can } = useSession();
  return (
    <ListPage<Row, { listKind?: string; bodyId?: number; published?: boolean; q?: string }>
      title="四张清单与首违不罚清单"
      url="/api/enforcement/lists"
      rowKey="id"
      columns={columns}
      exportUrl={can('enforcement:export') ? '/api/enforcement/lists/export' : undefined}
      exportFileName="四张清单.xlsx"
      toQuery={(v) => ({ listKind: v.listKind, bodyId: v.bodyId, published: v.published ? 'true' : undefined, q: v.q?.trim() })}
      fromQuery={(q) => ({ listKind: q.listKind, bodyId: q.bodyId ? Number(q.bodyId) : undefined, published: q.published === 'true', q: q.q })}
      filters={
        <>
          <Form.Item name="listKind" label="清单">
            <Select allowClear placeholder="全部" options={[...LIST_KIND_OPTIONS]} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="bodyId" label="执法主体">
            <BodySelect allowClear style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="published" label="仅已公布" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input allowClear placeholder="事项 / 情形" style={{ width: 160 }} />
          </Form.Item>
        </>
      }
    />
  );
}
