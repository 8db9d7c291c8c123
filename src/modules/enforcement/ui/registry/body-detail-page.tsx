// 执法主体详情: figures, the entrustment, 年度确认 / 暂停 / 恢复 / 取消, its officers and items.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, DatePicker, Descriptions, Form, Input, Select, Space, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { labelOf, toDateString } from '../../../../web/kit/format';
import { OrgTreeSelect } from '../../../../web/kit/org-tree-select';
import { useSession } from '../../../../web/session';
import { RecordDetailShell, type HistoryItem } from '../../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../../web/kit/transition-buttons';
import { BODY_KIND_OPTIONS, bodyMachine } from '../../registry/registry-machine';
import { RatioTag, type BodyRow } from './bodies-page';
import { FormModal } from './shared';

interface BodyEdit {
  name: string;
  kind: string;
  legalBasis: string;
  entrustingOrgId?: number | null;
  entrustScope?: string | null;
  entrust?: [Dayjs, Dayjs] | null;
}

interface Detail {
  record: BodyRow & { createdAt?: string };
  transitions: TransitionView[];
  history: HistoryItem[];
}

export default function BodyDetailPage() {
  const id = Number(useParams().id);
  const { can } = useSession();
  const [data, setData] = useState<Detail | null>(null);
  const [editing, setEditing] = useState(false);
  const load = useCallback(() => attempt(async () => setData(await api.get<Detail>(`/api/enforcement/bodies/${id}`))), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!data) return null;
  const r = data.record;
  return (
    <>
      <RecordDetailShell
        extra={
          can('enforcement:manage') && r.status !== 'revoked' ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="body-edit">
              修改
            </Button>
          ) : null
        }
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
      <FormModal<BodyEdit>
        open={editing}
        title="修改执法主体"
        onClose={() => setEditing(false)}
        testId="body-edit-form"
        initialValues={{
          name: r.name,
          kind: r.kind,
          legalBasis: r.legalBasis,
          entrustingOrgId: r.entrustingOrgId,
          entrustScope: r.entrustScope,
          entrust: r.entrustFrom && r.entrustUntil ? [dayjs(r.entrustFrom), dayjs(r.entrustUntil)] : null,
        }}
        onSubmit={async (v, form) => {
          await api.patch(
            `/api/enforcement/bodies/${id}`,
            {
              version: r.version,
              name: v.name,
              kind: v.kind,
              legalBasis: v.legalBasis,
              ...(v.kind === 'entrusted' ? { entrustingOrgId: v.entrustingOrgId ?? null, entrustScope: v.entrustScope ?? null, entrustFrom: toDateString(v.entrust?.[0]), entrustUntil: toDateString(v.entrust?.[1]) } : {}),
            },
            { form },
          );
          await load();
        }}
      >
        <Form.Item name="name" label="主体名称" rules={[{ required: true, message: '请填写主体名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={[...BODY_KIND_OPTIONS]} />
        </Form.Item>
        <Form.Item name="legalBasis" label="设立或授权依据" rules={[{ required: true, message: '请填写依据' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'entrusted' ? (
              <>
                <Form.Item name="entrustingOrgId" label="委托机关" rules={[{ required: true, message: '请选择委托机关' }]}>
                  <OrgTreeSelect style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="entrustScope" label="委托范围" rules={[{ required: true, message: '请填写委托范围' }]}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
                <Form.Item name="entrust" label="委托期限" rules={[{ required: true, message: '请选择委托期限' }]}>
                  <DatePicker.RangePicker style={{ width: '100%' }} />
                </Form.Item>
              </>
            ) : null
          }
        </Form.Item>
      </FormModal>
    </>
  );
}
