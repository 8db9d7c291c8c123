// 督办单 detail: the order, its source, the rectification report, interview and notice, deadlines,
// actions, history, attachments (evidence) and activity; 下载督办单 (.docx).
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Descriptions, Result, Spin } from 'antd';
import type { DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import { ApiError, downloadFile } from '../../../web/api-client';
import { attempt, handleError } from '../../../web/kit/error-policy';
import { formatDateTime, labelOf } from '../../../web/kit/format';
import { RecordDetailShell } from '../../../web/kit/record-detail-shell';
import { useSession } from '../../../web/session';
import { FINDING_SOURCES, orderMachine } from '../order-machine';
import { inspectionApi } from './api';
import { EscalationTag } from './order-columns';
import type { OrderDetail, OrderRecord } from './types';

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const multiline = (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—');

const infoItems = (r: OrderRecord, finding: OrderDetail['finding']): DescriptionsProps['items'] => {
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'orderNo', label: '督办单文号', children: text(r.orderNo) },
    { key: 'orgName', label: '被督办单位', children: text(r.orgName) },
    { key: 'issuer', label: '签发单位', children: text(r.issuerOrgName) },
    { key: 'issuedOn', label: '签发日期', children: text(r.issuedOn) },
    { key: 'dueDate', label: '整改期限', children: text(r.dueDate) },
    { key: 'level', label: '督办层级', children: <EscalationTag level={r.escalationLevel} /> },
    { key: 'source', label: '来源', children: labelOf(FINDING_SOURCES, r.source) || '—' },
    {
      key: 'sourceLink',
      label: '来源事项',
      span: 2,
      children: r.sourceLink ? (
        <Link to={r.sourceLink} data-testid="order-source-link">
          {r.sourceTitle ?? r.sourceLink}
        </Link>
      ) : finding ? (
        <Link to={`/inspection/findings?q=${encodeURIComponent(finding.description.slice(0, 20))}`}>督察问题：{finding.description}</Link>
      ) : (
        '—'
      ),
    },
    { key: 'title', label: '督办事项', span: 'filled', children: text(r.title) },
    { key: 'content', label: '督办内容', span: 'filled', children: multiline(r.content) },
    { key: 'requirement', label: '整改要求', span: 'filled', children: multiline(r.requirement) },
  ];
  if (r.measures || r.submittedOn) {
    items.push(
      { key: 'submittedOn', label: '报送日期', children: text(r.submittedOn) },
      { key: 'completedOn', label: '整改完成日期', children: text(r.completedOn) },
      { key: 'measures', label: '整改措施', span: 'filled', children: multiline(r.measures) },
      { key: 'result', label: '整改结果', span: 'filled', children: multiline(r.result) },
    );
  }
  if (r.reason) items.push({ key: 'reason', label: '退回 / 撤销理由', span: 'filled', children: multiline(r.reason) });
  if (r.verificationOpinion) {
    items.push({ key: 'closedOn', label: '销号日期', children: text(r.closedOn) }, { key: 'verificationOpinion', label: '核查意见', span: 'filled', children: multiline(r.verificationOpinion) });
  }
  if (r.interviewedOn) {
    items.push(
      { key: 'interviewedOn', label: '约谈日期', children: text(r.interviewedOn) },
      { key: 'headName', label: '被约谈负责人', children: text(r.headName) },
      { key: 'participants', label: '参加人员', span: 'filled', children: multiline(r.participants) },
      { key: 'interviewSummary', label: '约谈情况', span: 'filled', children: multiline(r.interviewSummary) },
    );
  }
  if (r.noticePublishedOn) {
    items.push(
      { key: 'noticeNo', label: '通报文号', children: text(r.noticeNo) },
      { key: 'noticePublishedOn', label: '通报日期', children: text(r.noticePublishedOn) },
      { key: 'noticeContent', label: '通报内容', span: 'filled', children: multiline(r.noticeContent) },
    );
  }
  items.push({ key: 'createdAt', label: '签发时间', children: formatDateTime(r.createdAt) || '—' });
  return items;
};

const ACTIVITY_LABELS: Record<string, string> = {
  'order.issue': '签发督办单',
  'order.document': '下载督办单',
  'order.export': '导出',
};

export default function OrderDetailPage() {
  const { can } = useSession();
  const { id } = useParams();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const load = useCallback(async () => {
    try {
      const res = (await (await inspectionApi({ silent: true }).orders[':id'].$get({ param: { id: String(id) } })).json()) as unknown as OrderDetail;
      setDetail(res);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NOT_FOUND') setMissing(true);
      else handleError(e);
    }
  }, [id]);

  useEffect(() => {
    setDetail(null);
    setMissing(false);
    void load();
  }, [load]);

  if (missing) return <Result status="404" title="督办单不存在或无权查看" extra={<Link to="/inspection/orders">返回列表</Link>} />;
  if (!detail) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  const r = detail.record;
  const mayUpload = can('inspection:issue') || can('inspection:verify') || (can('inspection:rectify') && ['issued', 'returned'].includes(r.status));
  return (
    <>
      <Link to="/inspection/orders" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <RecordDetailShell
        title={`督办单 ${r.orderNo}`}
        subtitle={`${r.orgName} · ${r.title}`}
        machine={orderMachine}
        status={r.status}
        version={r.version}
        transitions={detail.transitions}
        transitionUrl={(name) => `/api/inspection/orders/${r.id}/transitions/${name}`}
        onTransitioned={() => {
          message.success('办理成功');
          void load();
        }}
        deadlines={detail.deadlines}
        history={detail.history}
        attachments={{ ownerType: orderMachine.entity, ownerId: r.id, canUpload: mayUpload }}
        activityUrl={`/api/inspection/orders/${r.id}/activity`}
        activityLabels={ACTIVITY_LABELS}
        created={{ at: r.createdAt, label: '签发督办单' }}
        extra={
          <Button
            icon={<FileWordOutlined />}
            loading={downloading}
            data-testid="order-document"
            onClick={async () => {
              setDownloading(true);
              await attempt(() => downloadFile(`/api/inspection/orders/${r.id}/document`, `督办单-${r.orderNo}.docx`));
              setDownloading(false);
            }}
          >
            下载督办单
          </Button>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }} items={infoItems(r, detail.finding)} data-testid="order-info" />
      </RecordDetailShell>
    </>
  );
}
