// 任务详情: the assignment, its task and indicator, progress reports, actions, deadline, attachments, activity.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Descriptions, Empty, Progress, Result, Spin, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { ApiError } from '../../../web/api-client';
import { handleError } from '../../../web/kit/error-policy';
import { formatDateTime } from '../../../web/kit/format';
import { RecordDetailShell } from '../../../web/kit/record-detail-shell';
import { StatusTag } from '../../../web/kit/status-tag';
import { useSession } from '../../../web/session';
import { assignmentMachine } from '../assignment-machine';
import { demonstrationApi } from './api';
import type { AssignmentDetail } from './types';

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const multiline = (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—');

const ACTIVITY_LABELS: Record<string, string> = { 'task.create': '分解任务', 'task.import': '导入任务' };

export default function AssignmentDetailPage() {
  const { id } = useParams();
  const { can } = useSession();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<AssignmentDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const load = useCallback(async () => {
    try {
      setDetail((await (await demonstrationApi({ silent: true }).assignments[':id'].$get({ param: { id: String(id) } })).json()) as unknown as AssignmentDetail);
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
  if (missing) return <Result status="404" title="任务不存在或无权查看" extra={<Link to="/demonstration/assignments">返回列表</Link>} />;
  if (!detail) return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
  const { record: r, task, indicator } = detail;
  const open = r.status !== 'closed' && r.status !== 'cancelled';
  return (
    <>
      <Link to="/demonstration/assignments" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <RecordDetailShell
        title={task.title}
        subtitle={`${indicator.code} ${indicator.name} · ${r.orgName}（${r.role === 'lead' ? '牵头' : '配合'}）`}
        machine={assignmentMachine}
        status={r.status}
        version={r.version}
        transitions={detail.transitions}
        transitionUrl={(name) => `/api/demonstration/assignments/${r.id}/transitions/${name}`}
        onTransitioned={() => {
          message.success('办理成功');
          void load();
        }}
        deadlines={detail.deadlines}
        history={detail.history}
        attachments={{ ownerType: 'task_assignment', ownerId: r.id, canUpload: can('demonstration:report') && open }}
        activityUrl={`/api/demonstration/assignments/${r.id}/activity`}
        activityLabels={ACTIVITY_LABELS}
        created={{ at: r.createdAt, label: '分解下达' }}
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          data-testid="assignment-info"
          items={[
            { key: 'indicator', label: '三级指标', span: 'filled', children: `${indicator.code} ${indicator.name}` },
            { key: 'standard', label: '评价标准', span: 'filled', children: multiline(indicator.standard) },
            { key: 'maxScore', label: '指标分值', children: text(indicator.maxScore) },
            {
              key: 'evidence',
              label: '实时数据',
              children: indicator.evidence ? `${indicator.evidence.label}：${indicator.evidence.value ?? '暂无'}${indicator.evidence.value !== null ? indicator.evidence.unit : ''}` : '—',
            },
            { key: 'year', label: '年度', children: task.year },
            { key: 'measures', label: '工作措施', span: 'filled', children: multiline(task.measures) },
            { key: 'evidenceRequired', label: '佐证材料要求', span: 'filled', children: multiline(task.evidenceRequired) },
            { key: 'org', label: '责任单位', children: r.orgName },
            { key: 'lead', label: '牵头单位', children: task.leadOrgName },
            { key: 'dueDate', label: '完成时限', children: r.dueDate },
            {
              key: 'units',
              label: '全部责任单位',
              span: 'filled',
              children: detail.units.map((u) => (
                <span key={u.id} style={{ marginRight: 12 }}>
                  {u.orgName}
                  {u.role === 'lead' ? '（牵头）' : ''} <StatusTag machine={assignmentMachine} state={u.status} />
                </span>
              )),
            },
            { key: 'progress', label: '完成进度', children: r.progressPercent === null ? '—' : <Progress percent={r.progressPercent} size="small" style={{ width: 160 }} /> },
            { key: 'selfScore', label: '自评分', children: text(r.selfScore) },
            { key: 'score', label: '销号评分', children: r.score === null ? '—' : <Tag color="green" data-testid="assignment-score">{r.score}</Tag> },
            ...(r.comment ? [{ key: 'comment', label: '审核意见', span: 'filled' as const, children: multiline(r.comment) }] : []),
            ...(r.reason ? [{ key: 'reason', label: '退回 / 调整理由', span: 'filled' as const, children: multiline(r.reason) }] : []),
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 20 }}>
          进展报送记录
        </Typography.Title>
        {detail.progress.length === 0 ? (
          <Empty description="尚未报送进展" />
        ) : (
          <Timeline
            data-testid="progress-list"
            items={detail.progress.map((p) => ({
              key: p.id,
              content: (
                <div>
                  <Typography.Text type="secondary">{formatDateTime(p.reportedAt)}</Typography.Text>
                  <div>
                    进度 {p.percent}%{p.selfScore !== null ? ` · 自评 ${p.selfScore} 分` : ''}
                  </div>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{p.summary}</div>
                </div>
              ),
            }))}
          />
        )}
      </RecordDetailShell>
    </>
  );
}
