// 示例台账 detail: the record, its actions (from the machine), deadlines and history.
import { Descriptions, Result } from 'antd';
import { useParams } from 'react-router-dom';
import { RecordDetailShell, type HistoryItem } from '../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../web/kit/transition-buttons';
import { useRecord } from '../../../web/kit/use-record';
import type { DeadlineView } from '../../../kernel/shared/deadline';
import { recordMachine } from '../record-machine';
import type { RecordItem } from './types';

interface Detail {
  record: RecordItem;
  transitions: TransitionView[];
  deadlines: DeadlineView[];
  history: HistoryItem[];
}

export default function RecordDetailPage() {
  const { id } = useParams();
  const { record: detail, missing, reload } = useRecord<Detail>(`/api/sample-desk/records/${id}`);
  if (missing) return <Result status="404" title="记录不存在或不在您的数据范围内" />;
  if (!detail) return null;
  const r = detail.record;
  return (
    <RecordDetailShell
      title={r.title}
      machine={recordMachine}
      status={r.status}
      version={r.version}
      transitions={detail.transitions}
      transitionUrl={(name) => `/api/sample-desk/records/${r.id}/transitions/${name}`}
      onTransitioned={() => void reload()}
      deadlines={detail.deadlines}
      history={detail.history}
      attachments={{ ownerType: 'sample_desk_record', ownerId: r.id }}
    >
      <Descriptions column={2} bordered size="small">
        <Descriptions.Item label="登记日期">{r.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="办结日期">{r.closedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="内容" span={2}>{r.content ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="办理结果" span={2}>{r.result ?? '—'}</Descriptions.Item>
      </Descriptions>
    </RecordDetailShell>
  );
}
