// 述职述法报告详情: the report, 审阅 / 退回修改 / 重新报送, history, the report text as attachment, activity, .docx.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Descriptions, Result, Spin } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import { ApiError, downloadFile } from '../../../web/api-client';
import { attempt, handleError } from '../../../web/kit/error-policy';
import { formatDateTime, labelOf } from '../../../web/kit/format';
import { RecordDetailShell, type HistoryItem } from '../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../web/kit/transition-buttons';
import { dutyReportMachine, RATINGS, REPORT_FORMS } from '../duty-report-machine';
import { assessmentApi } from './api';

interface Detail {
  record: {
    id: number;
    orgName: string;
    year: number;
    reporterName: string;
    reporterTitle: string;
    form: string;
    reportDate: string;
    summary: string;
    problems: string | null;
    plans: string | null;
    status: string;
    version: number;
    rating: string | null;
    reviewComment: string | null;
    reason: string | null;
    createdAt: string;
  };
  transitions: TransitionView[];
  history: HistoryItem[];
  canAttach: boolean;
}

const multiline = (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—');

export default function DutyReportDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const [d, setD] = useState<Detail | null>(null);
  const [missing, setMissing] = useState(false);
  const load = useCallback(async () => {
    try {
      setD((await (await assessmentApi({ silent: true })['duty-reports'][':id'].$get({ param: { id: String(id) } })).json()) as unknown as Detail);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NOT_FOUND') setMissing(true);
      else handleError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (missing) return <Result status="404" title="报告不存在或无权查看" extra={<Link to="/assessment/duty-reports">返回列表</Link>} />;
  if (!d) return <Spin style={{ display: 'block', margin: 48 }} />;
  const r = d.record;
  return (
    <>
      <Link to="/assessment/duty-reports" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <RecordDetailShell
        title={`${r.orgName} ${r.year}年度述职述法`}
        subtitle={`${r.reporterName}（${r.reporterTitle}）· ${labelOf(REPORT_FORMS, r.form)} · ${r.reportDate}`}
        machine={dutyReportMachine}
        status={r.status}
        version={r.version}
        transitions={d.transitions}
        transitionUrl={(name) => `/api/assessment/duty-reports/${r.id}/transitions/${name}`}
        onTransitioned={() => {
          message.success('办理成功');
          void load();
        }}
        deadlines={[]}
        history={d.history}
        attachments={{ ownerType: 'duty_report', ownerId: r.id, canUpload: d.canAttach }}
        activityUrl={`/api/assessment/duty-reports/${r.id}/activity`}
        activityLabels={{ 'duty_report.submit': '报送述职述法报告', 'duty_report.document': '下载报告', 'duty_report.export': '导出' }}
        created={{ at: r.createdAt, label: '报送述职述法报告' }}
        extra={
          <Button icon={<FileWordOutlined />} onClick={() => void attempt(() => downloadFile(`/api/assessment/duty-reports/${r.id}/document`, `${r.orgName}${r.year}年度述职述法报告.docx`))} data-testid="duty-report-document">
            下载报告（Word）
          </Button>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          data-testid="duty-report-info"
          items={[
            { key: 'org', label: '单位', children: r.orgName },
            { key: 'year', label: '年度', children: r.year },
            { key: 'reporter', label: '述法人', children: `${r.reporterName}（${r.reporterTitle}）` },
            { key: 'form', label: '形式', children: labelOf(REPORT_FORMS, r.form) },
            { key: 'date', label: '述法日期', children: r.reportDate },
            { key: 'created', label: '报送时间', children: formatDateTime(r.createdAt) },
            { key: 'summary', label: '履职情况', span: 'filled', children: multiline(r.summary) },
            { key: 'problems', label: '存在问题', span: 'filled', children: multiline(r.problems) },
            { key: 'plans', label: '下一步打算', span: 'filled', children: multiline(r.plans) },
            ...(r.reason && r.status !== 'reviewed' ? [{ key: 'reason', label: '退回理由', span: 'filled' as const, children: multiline(r.reason) }] : []),
            ...(r.status === 'reviewed'
              ? [
                  { key: 'rating', label: '评价等次', children: labelOf(RATINGS, r.rating) },
                  { key: 'comment', label: '审阅意见', span: 'filled' as const, children: multiline(r.reviewComment) },
                ]
              : []),
          ]}
        />
      </RecordDetailShell>
    </>
  );
}
