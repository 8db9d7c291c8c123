// 投诉举报详情: the complaint (phone masked), verification deadline, the body's findings, the conclusion.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Descriptions, Result, Spin } from 'antd';
import { FileProtectOutlined, ArrowLeftOutlined } from '@ant-design/icons';
import type { DeadlineView } from '../../../../kernel/shared/deadline';
import { labelOf } from '../../../../web/kit/format';
import { RecordDetailShell, type HistoryItem } from '../../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../../web/kit/transition-buttons';
import { COMPLAINT_CHANNELS, COMPLAINT_RESULTS, complaintMachine } from '../../review/review-machine';
import { IssueDocModal } from './issue-doc-modal';
import { dash, multiline } from './parts';
import { useRecord } from '../../../../web/kit/use-record';

interface Detail {
  record: {
    id: number;
    complaintNo: string;
    channel: string;
    receivedDate: string;
    complainantName: string;
    complainantPhone: string | null;
    subject: string;
    content: string;
    bodyId: number;
    bodyName: string | null;
    status: string;
    version: number;
    verifyDueDate: string | null;
    assignNote: string | null;
    result: string | null;
    findings: string | null;
    verifiedDate: string | null;
    conclusion: string | null;
    concludedDate: string | null;
    reason: string | null;
    createdAt: string;
  };
  transitions: TransitionView[];
  deadlines: DeadlineView[];
  history: HistoryItem[];
  canIssue: boolean;
}

export default function ComplaintDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { record: detail, missing, reload: load } = useRecord<Detail>(`/api/enforcement/complaints/${id}`);
  const [issuing, setIssuing] = useState(false);
  if (missing) return <Result status="404" title="投诉举报不存在或无权查看" extra={<Link to="/enforcement/complaints">返回列表</Link>} />;
  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} />;
  const r = detail.record;
  return (
    <>
      <Link to="/enforcement/complaints" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <RecordDetailShell
        title={`投诉举报 ${r.complaintNo}`}
        subtitle={`${labelOf(COMPLAINT_CHANNELS, r.channel)} · ${r.subject} · 收到于 ${r.receivedDate}`}
        machine={complaintMachine}
        status={r.status}
        version={r.version}
        transitions={detail.transitions}
        transitionUrl={(name) => `/api/enforcement/complaints/${r.id}/transitions/${name}`}
        onTransitioned={() => {
          message.success('已办理');
          void load();
        }}
        deadlines={detail.deadlines}
        history={detail.history}
        attachments={{ ownerType: complaintMachine.entity, ownerId: r.id }}
        created={{ at: r.createdAt, label: r.channel === 'online' ? '网上投诉' : '登记投诉举报' }}
        extra={
          detail.canIssue && r.status === 'concluded' && r.result !== 'unfounded' ? (
            <Button icon={<FileProtectOutlined />} onClick={() => setIssuing(true)} data-testid="complaint-issue">
              签发监督文书
            </Button>
          ) : null
        }
      >
        <Descriptions
          bordered
          size="small"
          column={2}
          items={[
            { key: 'no', label: '编号', children: r.complaintNo },
            { key: 'channel', label: '来源渠道', children: labelOf(COMPLAINT_CHANNELS, r.channel) },
            { key: 'name', label: '投诉人', children: r.complainantName },
            { key: 'phone', label: '联系电话', children: dash(r.complainantPhone) },
            { key: 'body', label: '被投诉执法主体', children: dash(r.bodyName) },
            { key: 'received', label: '收到日期', children: r.receivedDate },
            { key: 'subject', label: '投诉事项', span: 'filled', children: r.subject },
            { key: 'content', label: '投诉内容', span: 'filled', children: multiline(r.content) },
            ...(r.verifyDueDate ? [{ key: 'due', label: '核查时限', children: r.verifyDueDate }, { key: 'note', label: '交办要求', children: dash(r.assignNote) }] : []),
            ...(r.result ? [{ key: 'result', label: '核查结论', children: labelOf(COMPLAINT_RESULTS, r.result) }, { key: 'verified', label: '核查完成', children: dash(r.verifiedDate) }] : []),
            ...(r.findings ? [{ key: 'findings', label: '核查情况', span: 'filled' as const, children: multiline(r.findings) }] : []),
            ...(r.conclusion ? [{ key: 'conclusion', label: `办理结果（${r.concludedDate ?? ''}）`, span: 'filled' as const, children: multiline(r.conclusion) }] : []),
            ...(r.reason ? [{ key: 'reason', label: '说明', span: 'filled' as const, children: multiline(r.reason) }] : []),
          ]}
        />
      </RecordDetailShell>
      {issuing ? (
        <IssueDocModal
          defaults={{ bodyId: r.bodyId, complaintId: r.id, kind: 'opinion', content: `经核查，群众投诉反映的“${r.subject}”问题${r.result === 'partly' ? '部分' : ''}属实。${r.findings ?? ''}` }}
          onClose={() => setIssuing(false)}
          onDone={(d) => navigate(`/enforcement/supervision/${d.id}`)}
        />
      ) : null}
    </>
  );
}
