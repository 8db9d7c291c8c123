// 执法监督文书详情: the document, its reply period, the body's reply and the supervisor's decision, the .docx.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Descriptions, Result, Spin } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import type { DeadlineView } from '../../../../kernel/shared/deadline';
import { downloadFile } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { labelOf } from '../../../../web/kit/format';
import { RecordDetailShell, type HistoryItem } from '../../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../../web/kit/transition-buttons';
import { DECISION_KINDS, DOC_KINDS, docMachine, SHEET_CATEGORIES } from '../../review/review-machine';
import { dash, multiline } from './parts';
import { useRecord } from '../../../../web/kit/use-record';

interface Detail {
  record: {
    id: number;
    docNo: string;
    kind: string;
    decisionKind: string | null;
    title: string;
    content: string;
    requiredAction: string;
    signerName: string | null;
    signerCertNo: string | null;
    bodyName: string | null;
    issuerName: string | null;
    issuedDate: string;
    servedDate: string;
    periodDays: number;
    status: string;
    version: number;
    replyDate: string | null;
    replyContent: string | null;
    returnReason: string | null;
    closedDate: string | null;
    closingOpinion: string | null;
    createdAt: string;
  };
  transitions: TransitionView[];
  deadlines: DeadlineView[];
  history: HistoryItem[];
  problem: { category: string; description: string } | null;
  linkedCase: { caseNo: string; title: string } | null;
  complaint: { id: number; complaintNo: string; subject: string } | null;
}

export default function DocDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { record: detail, missing, reload: load } = useRecord<Detail>(`/api/enforcement/supervision/${id}`);
  const [downloading, setDownloading] = useState(false);
  if (missing) return <Result status="404" title="文书不存在或无权查看" extra={<Link to="/enforcement/supervision">返回列表</Link>} />;
  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} />;
  const r = detail.record;
  const kind = DOC_KINDS.find((k) => k.value === r.kind);
  return (
    <>
      <Link to="/enforcement/supervision" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <RecordDetailShell
        title={`${kind?.label ?? ''} ${r.docNo}`}
        subtitle={`${r.issuerName ?? ''} → ${r.bodyName ?? ''} · ${r.title}`}
        machine={docMachine}
        status={r.status}
        version={r.version}
        transitions={detail.transitions}
        transitionUrl={(name) => `/api/enforcement/supervision/${r.id}/transitions/${name}`}
        onTransitioned={() => {
          message.success('已办理');
          void load();
        }}
        deadlines={detail.deadlines}
        history={detail.history}
        attachments={{ ownerType: docMachine.entity, ownerId: r.id }}
        created={{ at: r.createdAt, label: '签发文书' }}
        extra={
          <Button
            icon={<FileWordOutlined />}
            loading={downloading}
            data-testid="doc-document"
            onClick={async () => {
              setDownloading(true);
              await attempt(() => downloadFile(`/api/enforcement/supervision/${r.id}/document`, `${kind?.label ?? '文书'}-${r.docNo}.docx`));
              setDownloading(false);
            }}
          >
            下载文书
          </Button>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={2}
          items={[
            { key: 'docNo', label: '文号', children: r.docNo },
            { key: 'kind', label: '种类', children: `${kind?.label ?? r.kind}${r.decisionKind ? `（${labelOf(DECISION_KINDS, r.decisionKind)}）` : ''}` },
            { key: 'body', label: '执法主体', children: dash(r.bodyName) },
            { key: 'issuer', label: '签发机关', children: dash(r.issuerName) },
            { key: 'issued', label: '签发日期', children: r.issuedDate },
            ...(r.signerName ? [{ key: 'signer', label: '签发人', children: `${r.signerName}（行政执法监督证 ${r.signerCertNo ?? '—'}）` }] : []),
            { key: 'served', label: '送达日期', children: r.servedDate },
            { key: 'period', label: '回复期限', children: `自送达之日起 ${r.periodDays} 日（${kind?.basis ?? ''}）` },
            ...(detail.problem ? [{ key: 'problem', label: '关联评查问题', children: `【${labelOf(SHEET_CATEGORIES, detail.problem.category)}】${detail.problem.description}` }] : []),
            ...(detail.complaint ? [{ key: 'complaint', label: '关联投诉举报', children: <Link to={`/enforcement/complaints/${detail.complaint.id}`}>{`${detail.complaint.complaintNo} ${detail.complaint.subject}`}</Link> }] : []),
            ...(detail.linkedCase ? [{ key: 'case', label: '关联执法案件', children: `${detail.linkedCase.caseNo} ${detail.linkedCase.title}` }] : []),
            { key: 'content', label: '发现的问题及认定', span: 'filled', children: multiline(r.content) },
            { key: 'action', label: '要求', span: 'filled', children: multiline(r.requiredAction) },
            ...(r.replyDate ? [{ key: 'reply', label: `回复（${r.replyDate}）`, span: 'filled' as const, children: multiline(r.replyContent) }] : []),
            ...(r.returnReason ? [{ key: 'return', label: '退回理由', span: 'filled' as const, children: multiline(r.returnReason) }] : []),
            ...(r.closedDate ? [{ key: 'closed', label: `办结（${r.closedDate}）`, span: 'filled' as const, children: multiline(r.closingOpinion) }] : []),
          ]}
        />
      </RecordDetailShell>
    </>
  );
}
