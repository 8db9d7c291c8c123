// 依申请公开 detail: record, deadlines, transitions, history, attachments and activity.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { disclosureApi } from './api';
import { App, Button, Descriptions, Form, Input, Modal, Result, Space, Spin, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, EyeOutlined, FileWordOutlined } from '@ant-design/icons';
import { ApiError, downloadFile } from '../../../web/api-client';
import { attempt, handleError } from '../../../web/kit/error-policy';
import { formatDateTime, labelOf } from '../../../web/kit/format';
import { RecordDetailShell } from '../../../web/kit/record-detail-shell';
import { useSession } from '../../../web/session';
import { APPLICANT_TYPES, CHANNELS, DELIVERY_METHODS, REPLY_TYPES, requestMachine } from '../request-machine';
import type { RequestDetail, RequestRecord } from './types';

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const multiline = (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—');

/** Descriptions rows, with the correction / consultation / extension / reply groups only when filled. */
const infoItems = (r: RequestRecord): DescriptionsProps['items'] => {
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'requestNo', label: '登记号', children: text(r.requestNo) },
    { key: 'receiptCode', label: '查询码', children: r.receiptCode ? <Typography.Text copyable>{r.receiptCode}</Typography.Text> : '—' },
    { key: 'channel', label: '申请渠道', children: labelOf(CHANNELS, r.channel) || '—' },
    { key: 'receivedDate', label: '收到日期', children: text(r.receivedDate) },
    { key: 'orgName', label: '承办单位', children: text(r.orgName) },
    { key: 'deliveryMethod', label: '获取方式', children: labelOf(DELIVERY_METHODS, r.deliveryMethod) || '—' },
    { key: 'applicantType', label: '申请人类型', children: labelOf(APPLICANT_TYPES, r.applicantType) || '—' },
    { key: 'applicantName', label: '申请人', children: text(r.applicantName) },
    { key: 'applicantIdNumber', label: '证件号码', children: text(r.applicantIdNumber) },
    { key: 'applicantPhone', label: '联系电话', children: text(r.applicantPhone) },
    { key: 'applicantEmail', label: '电子邮箱', children: text(r.applicantEmail) },
    { key: 'applicantAddress', label: '通信地址', children: text(r.applicantAddress) },
    { key: 'content', label: '申请内容', span: 'filled', children: multiline(r.content) },
    { key: 'purpose', label: '用途', span: 'filled', children: multiline(r.purpose) },
  ];
  if (r.correctionItems || r.correctionDeadline || r.correctedDate) {
    items.push(
      { key: 'correctionItems', label: '需补正事项', span: 'filled', children: multiline(r.correctionItems) },
      { key: 'correctionDeadline', label: '补正期限', children: text(r.correctionDeadline) },
      { key: 'correctedDate', label: '收到补正日期', children: text(r.correctedDate) },
    );
  }
  if (r.consultationParty || r.consultationStartedOn) {
    items.push(
      { key: 'consultationParty', label: '征求意见对象', children: text(r.consultationParty) },
      { key: 'consultationStartedOn', label: '发出征求意见日期', children: text(r.consultationStartedOn) },
      { key: 'consultationEndedOn', label: '征求意见结束日期', children: text(r.consultationEndedOn) },
      { key: 'consultationOpinion', label: '第三方意见', span: 'filled', children: multiline(r.consultationOpinion) },
    );
  }
  if (r.extensionDays) items.push({ key: 'extensionDays', label: '延长答复期限', children: `${r.extensionDays}个工作日` });
  if (r.reason) items.push({ key: 'reason', label: '说明 / 理由', span: 'filled', children: multiline(r.reason) });
  if (r.replyType || r.repliedDate) {
    const reply = REPLY_TYPES.find((t) => t.value === r.replyType);
    items.push(
      { key: 'replyNo', label: '答复文号', children: text(r.replyNo) },
      { key: 'repliedDate', label: '答复日期', children: text(r.repliedDate) },
      { key: 'replyType', label: '答复类型', children: reply ? `${reply.label}（${reply.article}）` : text(r.replyType) },
      { key: 'replySummary', label: '答复内容', span: 'filled', children: multiline(r.replySummary) },
    );
  }
  items.push(
    { key: 'createdAt', label: '登记时间', children: formatDateTime(r.createdAt) || '—' },
    { key: 'updatedAt', label: '更新时间', children: formatDateTime(r.updatedAt) || '—' },
  );
  return items;
};

const ACTIVITY_LABELS: Record<string, string> = {
  'request.register': '登记申请',
  'request.import': '导入申请',
  'request.export': '导出',
  'request.reply_document': '下载答复书',
  'request.reveal_personal_data': '查看申请人完整信息',
};

type Revealed = Pick<RequestRecord, 'applicantIdNumber' | 'applicantPhone' | 'applicantAddress' | 'applicantEmail'>;

/** 查看完整信息: the unmasked personal data, after stating a reason (recorded in the audit log). */
function RevealModal({ id, onClose, onRevealed }: { id: number; onClose: () => void; onRevealed: (r: Revealed) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { reason: string }) => {
    setBusy(true);
    try {
      onRevealed((await (await disclosureApi({ form }).requests[':id'].reveal.$post({ param: { id: String(id) }, json: { reason: v.reason.trim() } })).json()) as Revealed);
    } catch {
      // Shown on the form.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="查看申请人完整个人信息" onCancel={onClose} footer={null} destroyOnHidden width={480}>
      <Typography.Paragraph type="secondary">申请人的证件号码、电话、地址默认脱敏显示。查看完整信息须填写事由，并记入审计日志。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="查看事由" rules={[{ required: true, whitespace: true, message: '请填写查看事由' }, { min: 4, message: '请填写查看事由（至少 4 个字）' }]}>
          <Input autoFocus maxLength={200} placeholder="如：邮寄答复书需核对地址" data-testid="reveal-reason" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="reveal-ok">
            查看
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

export default function RequestDetailPage() {
  const { can } = useSession();
  const [revealing, setRevealing] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const { id } = useParams();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<RequestDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const load = useCallback(async () => {
    try {
      const res = (await (await disclosureApi({ silent: true }).requests[':id'].$get({ param: { id: String(id) } })).json()) as RequestDetail;
      setDetail({ ...res, transitions: res.transitions ?? [], deadlines: res.deadlines ?? [], history: res.history ?? [] });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NOT_FOUND') setMissing(true);
      else handleError(e);
    }
  }, [id]);

  useEffect(() => {
    setDetail(null);
    setMissing(false);
    setRevealed(null);
    void load();
  }, [load]);

  if (missing) {
    return <Result status="404" title="申请不存在或无权查看" extra={<Link to="/disclosure/requests">返回列表</Link>} />;
  }
  if (!detail) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }

  const r: RequestRecord = revealed ? { ...detail.record, ...revealed } : detail.record;
  return (
    <>
      <Link to="/disclosure/requests" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <RecordDetailShell
        title={`依申请公开 ${r.requestNo}`}
        subtitle={`${r.applicantName} · ${r.orgName} · 收到于 ${r.receivedDate}`}
        machine={requestMachine}
        status={r.status}
        version={r.version}
        transitions={detail.transitions}
        transitionUrl={(name) => `/api/disclosure/requests/${r.id}/transitions/${name}`}
        onTransitioned={() => {
          message.success('办理成功');
          void load();
        }}
        deadlines={detail.deadlines}
        history={detail.history}
        attachments={{ ownerType: requestMachine.entity, ownerId: r.id }}
        activityUrl={`/api/disclosure/requests/${r.id}/activity`}
        activityLabels={ACTIVITY_LABELS}
        created={{ at: r.createdAt, label: r.channel === 'online' ? '网上提交申请' : '登记申请' }}
        extra={
          r.status === 'replied' ? (
            <Button
              icon={<FileWordOutlined />}
              loading={downloading}
              data-testid="reply-document"
              onClick={async () => {
                setDownloading(true);
                await attempt(() => downloadFile(`/api/disclosure/requests/${r.id}/reply-document`, `政府信息公开申请答复书-${r.replyNo ?? r.requestNo}.docx`));
                setDownloading(false);
              }}
            >
              下载答复书
            </Button>
          ) : null
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {can('disclosure:handle') ? (
            <Space>
              {revealed ? (
                <Tag color="orange">已显示完整个人信息（已留痕）</Tag>
              ) : (
                <Button size="small" icon={<EyeOutlined />} onClick={() => setRevealing(true)} data-testid="reveal">
                  查看完整信息
                </Button>
              )}
            </Space>
          ) : null}
          <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }} items={infoItems(r)} data-testid="request-info" />
        </Space>
        {revealing ? (
          <RevealModal
            id={r.id}
            onClose={() => setRevealing(false)}
            onRevealed={(v) => {
              setRevealed(v);
              setRevealing(false);
            }}
          />
        ) : null}
      </RecordDetailShell>
    </>
  );
}
