// Columns shared by the 督办单 and 约谈通报 lists.
import { Link } from 'react-router-dom';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeadlineBadge } from '../../../web/kit/deadline-badge';
import { labelOf } from '../../../web/kit/format';
import { StatusTag } from '../../../web/kit/status-tag';
import { FINDING_SOURCES, orderMachine } from '../order-machine';
import type { OrderListItem } from './types';

const LEVEL_COLOR = ['blue', 'orange', 'red'];
const LEVEL_LABEL = ['督办', '约谈', '通报'];

export const EscalationTag = ({ level }: { level: number }) => <Tag color={LEVEL_COLOR[level] ?? 'default'}>{LEVEL_LABEL[level] ?? level}</Tag>;

export const orderColumns: ColumnsType<OrderListItem> = [
  {
    title: '督办单文号',
    dataIndex: 'orderNo',
    fixed: 'left',
    render: (v: string, r) => (
      <Link to={`/inspection/orders/${r.id}`} data-testid={`order-link-${r.id}`}>
        {v}
      </Link>
    ),
  },
  { title: '被督办单位', dataIndex: 'orgName' },
  { title: '督办事项', dataIndex: 'title', ellipsis: true, width: 280 },
  { title: '签发日期', dataIndex: 'issuedOn', width: 110 },
  { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag machine={orderMachine} state={v} /> },
  { title: '整改期限', dataIndex: 'deadline', render: (_: unknown, r) => (r.deadline ? <DeadlineBadge deadline={r.deadline} /> : r.dueDate) },
  { title: '层级', dataIndex: 'escalationLevel', render: (v: number) => <EscalationTag level={v} /> },
  { title: '来源', dataIndex: 'source', render: (v: string) => labelOf(FINDING_SOURCES, v) },
];
