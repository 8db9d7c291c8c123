// 约谈通报: orders on which the office interviewed the unit's head or published a notice.
import { Form, Input, InputNumber } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ListPage } from '../../../web/kit/list-page';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { orderColumns } from './order-columns';
import type { OrderListItem } from './types';

const columns: ColumnsType<OrderListItem> = [
  ...orderColumns.slice(0, 3),
  { title: '约谈日期', dataIndex: 'interviewedOn', render: (v: string | null) => v ?? '—' },
  { title: '被约谈负责人', dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
  { title: '通报文号', dataIndex: 'noticeNo', render: (v: string | null) => v ?? '—' },
  { title: '通报日期', dataIndex: 'noticePublishedOn', render: (v: string | null) => v ?? '—' },
  ...orderColumns.slice(4, 7),
];

export default function NoticeListPage() {
  return (
    <ListPage<OrderListItem>
      title="约谈通报"
      url="/api/inspection/orders?noticed=true"
      rowKey="id"
      columns={columns}
      tableTestId="notice-table"
      filters={
        <>
          <Form.Item name="orgId" label="单位">
            <OrgTreeSelect placeholder="全部" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="year" label="年度">
            <InputNumber min={2000} max={2100} placeholder="全部" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input allowClear placeholder="文号 / 事项" style={{ width: 180 }} />
          </Form.Item>
        </>
      }
    />
  );
}
