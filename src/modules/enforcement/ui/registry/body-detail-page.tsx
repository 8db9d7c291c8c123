// 执法主体详情: figures, the entrustment, 年度确认 / 暂停 / 恢复 / 取消, its officers and items.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Descriptions, Space, Tag } from 'antd';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { labelOf } from '../../../../web/kit/format';
import { RecordDetailShell, type HistoryItem } from '../../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../../web/kit/transition-buttons';
import { BODY_KIND_OPTIONS, bodyMachine } from '../../registry/registry-machine';
import { RatioTag, type BodyRow } from './bodies-page';

interface Detail {
  record: BodyRow & { createdAt?: string };
  transitions: TransitionView[];
  history: HistoryItem[];
}

export default function BodyDetailPage() {
  const id = Number(useParams().id);
  const [data, setData] = useState<Detail | null>(null);
  const load = useCallback(() => attempt(async () => setData(await api.get<Detail>(`/api/enforcement/bodies/${id}`))), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!data) return null;
  const r = data.record;
  return (
    <RecordDetailShell
      title={r.name}
      subtitle={r.orgName}
      machine={bodyMachine}
      status={r.status}
      version={r.version}
      transitions={data.transitions}
      transitionUrl={(name) => `/api/enforcement/bodies/${id}/transitions/${name}`}
      onTransitioned={() => void load()}
      deadlines={[]}
      history={data.history}
      activityUrl={`/api/enforcement/bodies/${id}/activity`}
      activityLabels={{ 'body.create': '登记执法主体', 'body.update': '修改执法主体' }}
    >
      <Descriptions column={2} bordered size="small" data-testid="body-info">
        <Descriptions.Item label="类别">{labelOf(BODY_KIND_OPTIONS, r.kind)}</Descriptions.Item>
        <Descriptions.Item label="所属单位">{r.orgName}</Descriptions.Item>
        <Descriptions.Item label="设立或授权依据" span={2}>
          {r.legalBasis}
        </Descriptions.Item>
        {r.kind === 'entrusted' ? (
          <>
            <Descriptions.Item label="委托机关">{r.entrustingOrgName}</Descriptions.Item>
            <Descriptions.Item label="委托期限">
              <Space>
                {`${r.entrustFrom ?? ''} 至 ${r.entrustUntil ?? ''}`}
                {r.entrustExpired ? <Tag color="red">委托已到期</Tag> : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="委托范围" span={2}>
              {r.entrustScope}
            </Descriptions.Item>
          </>
        ) : null}
        <Descriptions.Item label="最近确认">
          {r.confirmedDate ? `${r.confirmedDate}（${r.confirmedByName ?? ''}）` : '未确认'}
          {r.status === 'active' && !r.confirmedThisYear ? <Tag color="orange" style={{ marginLeft: 8 }}>本年未确认</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label="状态原因">{r.statusReason ?? ''}</Descriptions.Item>
        <Descriptions.Item label="在岗执法人员">
          <Link to={`/enforcement/officers?bodyId=${id}`}>{r.officers} 人</Link>
        </Descriptions.Item>
        <Descriptions.Item label="有效执法证件">
          <Link to={`/enforcement/certificates?bodyId=${id}`}>{r.validCertificates} 本</Link>
        </Descriptions.Item>
        <Descriptions.Item label="法制审核人员">
          <RatioTag r={r} />
        </Descriptions.Item>
        <Descriptions.Item label="执法事项">
          <Link to={`/enforcement/items?bodyId=${id}`}>{r.items} 项</Link>
        </Descriptions.Item>
      </Descriptions>
    </RecordDetailShell>
  );
}
