// 执法案件 detail: 基本信息 / 办理过程 / 全过程记录 / 公示 / 操作记录, the actions that can succeed, deadline badges.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Empty, Result, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, CheckCircleTwoTone, FileWordOutlined, WarningOutlined } from '@ant-design/icons';
import { downloadFile } from '../../../../web/api-client';
import { AttachmentPanel } from '../../../../web/kit/attachment-panel';
import { DeadlineBadge } from '../../../../web/kit/deadline-badge';
import { attempt } from '../../../../web/kit/error-policy';
import { labelOf } from '../../../../web/kit/format';
import { RecordDetailShell } from '../../../../web/kit/record-detail-shell';
import { StatusTag } from '../../../../web/kit/status-tag';
import { TransitionButtons } from '../../../../web/kit/transition-buttons';
import { BENCHMARK_LEVELS, caseMachine, DECISION_TYPES, EXECUTION_MODES, KINDS, MAJOR_GROUNDS, NO_PENALTY_BASES, PARTY_KINDS, publicationMachine, RECORD_STAGES, RISK_CLASSES, SERVICE_MODES, STATEMENT_DAYS_DEFAULT, WAIVER_SCOPES, WITHDRAW_GROUNDS } from '../../cases/case-machine';
import type { CaseDetail, CaseRecord, RecordStageView } from './types';
import { useRecord } from '../../../../web/kit/use-record';

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const multiline = (v: unknown) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{String(v)}</span> : '—');
const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `${(fen / 100).toLocaleString('zh-CN')} 元`);

const infoItems = (r: CaseRecord): DescriptionsProps['items'] => {
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'caseNo', label: '案件编号', children: r.caseNo },
    { key: 'kind', label: '案件类型', children: labelOf(KINDS, r.kind) },
    { key: 'bodyName', label: '执法主体', children: text(r.bodyName) },
    { key: 'item', label: '执法事项', span: 'filled', children: r.item ? `${r.item.code} ${r.item.name}（${r.item.legalBasis}）` : '—' },
    { key: 'party', label: '当事人', children: `${r.partyName}（${labelOf(PARTY_KINDS, r.partyKind)}）${r.partyIdNumber ? ` ${r.partyIdNumber}` : ''}${r.partyPhone ? ` ${r.partyPhone}` : ''}` },
    { key: 'flags', label: '标记', children: <Space size={4}>{r.enterpriseRelated ? <Tag color="blue">涉企</Tag> : null}{r.isMajor ? <Tag color="purple">重大执法决定</Tag> : null}{r.imported ? <Tag>导入</Tag> : null}</Space> },
    { key: 'filedDate', label: '立案（受理）日期', children: r.filedDate },
    { key: 'officers', label: '承办执法人员', children: <span data-testid="case-officers-view">{r.officers.map((o) => o.name).join('、') || '—'}</span> },
  ];
  const add = (key: string, label: string, v: unknown, filled = false) => {
    if (v !== null && v !== undefined && v !== '') items.push({ key, label, children: filled ? multiline(v) : String(v), ...(filled ? { span: 'filled' as const } : {}) });
  };
  add('majorGround', '重大执法决定情形', r.majorGround ? labelOf(MAJOR_GROUNDS, r.majorGround) : null);
  add('riskClass', '信用风险分类', r.riskClass ? labelOf(RISK_CLASSES, r.riskClass) : null);
  add('investigationNote', '调查或审查安排', r.investigationNote, true);
  add('noticeDate', '告知日期', r.noticeDate ? `${String(r.noticeDate)}${r.hearingRight ? '（已告知听证权利）' : ''}` : null);
  add('noticeFacts', '违法事实、理由及依据', r.noticeFacts, true);
  add('proposedPenalty', '拟作出的处罚', r.proposedPenalty, true);
  add('statementDays', '陈述、申辩期限', r.noticeDate ? `告知书送达起 ${String(r.statementDays ?? STATEMENT_DAYS_DEFAULT)} 个工作日${r.statementDays === null ? '（未记录，按默认）' : ''}` : null);
  add('waiver', '当事人放弃权利', r.waiverDate ? `${String(r.waiverDate)} ${labelOf(WAIVER_SCOPES, String(r.waiverScope ?? ''))}：${String(r.waiverNote ?? '')}` : null);
  add('hearingRequestDate', '申请听证日期', r.hearingRequestDate);
  add('hearingDate', '听证', r.hearingDate ? `${String(r.hearingDate)} ${String(r.hearingPlace ?? '')} 主持人：${String(r.hearingPresider ?? '')}` : null);
  add('hearingRecord', '听证笔录要点', r.hearingRecord, true);
  if (r.legalReviewResult) add('legalReview', '法制审核', `${r.legalReviewResult === 'passed' ? '通过' : '退回补充'}（${String(r.legalReviewerName ?? '')}，${String(r.legalReviewDate ?? '')}）`);
  add('legalReviewOpinion', '审核意见', r.legalReviewOpinion, true);
  if (r.decisionType) {
    add('decisionType', '决定', `${labelOf(DECISION_TYPES, r.decisionType)}${r.decisionNo ? `（${String(r.decisionNo)}）` : ''}`);
    add('decidedDate', '决定日期', r.decidedDate);
    add('correctedByReconsideration', '行政复议纠错', r.correctedByReconsideration ? `${r.correctionKind ?? ''}（${r.correctedByReconsideration}${r.correctedDate ? `，${r.correctedDate}` : ''}）` : null);
    if (r.fineFen !== null) add('fine', '罚款', yuan(r.fineFen));
    if (r.benchmark) {
      items.push({
        key: 'benchmark',
        label: '适用的裁量基准',
        span: 'filled',
        children: (
          <Space>
            <span>
              {labelOf(BENCHMARK_LEVELS, r.benchmark.level)}：{r.benchmark.circumstance}（{yuan(r.benchmark.fineMinFen)} 至 {yuan(r.benchmark.fineMaxFen)}）
            </span>
            {r.discretionOutside ? <Tag color="red">超出基准幅度</Tag> : <Tag color="green">基准幅度内</Tag>}
          </Space>
        ),
      });
    }
    add('discretionReason', '超出基准的理由', r.discretionReason, true);
    add('noPenaltyBasis', '不予处罚情形', r.noPenaltyBasis ? labelOf(NO_PENALTY_BASES, r.noPenaltyBasis as string) : null);
    add('educationRecord', '教育情况', r.educationRecord, true);
    add('decisionContent', '决定内容', r.decisionContent, true);
  }
  add('servedDate', '送达', r.servedDate ? `${String(r.servedDate)}（${labelOf(SERVICE_MODES, r.serviceMode as string)}）` : null);
  add('execution', '执行', r.executionMode ? `${labelOf(EXECUTION_MODES, r.executionMode as string)}${r.paidDate ? `，${String(r.paidDate)} 缴纳` : ''}` : null);
  add('executionNote', '执行情况', r.executionNote, true);
  add('closedDate', '结案日期', r.closedDate);
  return items;
};

const ACTIVITY_LABELS: Record<string, string> = {
  'case.create': '登记案件',
  'case.import': '导入案件',
  'case.export': '导出',
  'case.reveal_personal_data': '查看当事人完整信息',
  'publication.create': '生成公示记录',
  'case.corrected_by_reconsideration': '被行政复议纠错',
};

function RecordsTab({ detail }: { detail: CaseDetail }) {
  const [stage, setStage] = useState<string>(detail.records.stages.filter((s) => s.reached).at(-1)?.stage ?? 'filing');
  const r = detail.record;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {detail.records.avMissing.length ? (
        <Alert type="warning" showIcon data-testid="av-missing" title={`重大执法案件缺少音像记录：${detail.records.avMissing.join('、')}`} description="现场检查、调查取证、听证和行政强制等环节应当进行音像记录（国办发〔2018〕118号、行政处罚法第四十七条）。" />
      ) : null}
      <Table<RecordStageView>
        size="small"
        rowKey="stage"
        pagination={false}
        data-testid="record-checklist"
        dataSource={detail.records.stages.filter((s) => s.reached || s.hasRecord)}
        columns={[
          { title: '环节', dataIndex: 'label', width: 200 },
          { title: '文书', dataIndex: 'documents', width: 80 },
          { title: '照片', dataIndex: 'photos', width: 80 },
          { title: '音视频', dataIndex: 'audioVisual', width: 90 },
          {
            title: '记录情况',
            render: (_: unknown, s) =>
              s.avMissing ? (
                <Tag icon={<WarningOutlined />} color="red">
                  缺少音像记录
                </Tag>
              ) : s.hasRecord ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" />
              ) : (
                <Typography.Text type="secondary">暂无记录</Typography.Text>
              ),
          },
        ]}
      />
      <Space>
        <Typography.Text>上传到环节：</Typography.Text>
        <Select value={stage} onChange={setStage} style={{ width: 220 }} options={RECORD_STAGES.map((s) => ({ value: s.value, label: s.label }))} data-testid="record-stage" />
      </Space>
      <AttachmentPanel key={stage} ownerType={caseMachine.entity} ownerId={r.id} category={stage} canUpload={detail.transitions.length > 0 || r.status === 'closed'} />
    </Space>
  );
}

function PublicationTab({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const p = detail.publication;
  if (!p) return <Empty description="作出决定后生成公示记录（撤销立案的除外）" />;
  const pub = p.record;
  const items: DescriptionsProps['items'] = [
    { key: 'status', label: '公示状态', children: <StatusTag machine={publicationMachine} state={pub.status} /> },
    { key: 'body', label: '执法主体', children: pub.bodyName },
    { key: 'target', label: '执法对象（自然人已脱敏）', children: pub.targetName },
    { key: 'category', label: '类别', children: labelOf(KINDS, pub.category) },
    { key: 'decisionNo', label: '决定书文号', children: text(pub.decisionNo) },
    { key: 'decidedDate', label: '决定日期', children: pub.decidedDate },
    { key: 'conclusion', label: '公示结论', span: 'filled', children: multiline(pub.conclusion) },
    { key: 'publishedDate', label: '公示日期', children: text(pub.publishedDate) },
    ...(pub.changedDate ? [{ key: 'withdraw', label: '撤回', span: 'filled' as const, children: `${labelOf(WITHDRAW_GROUNDS, pub.withdrawGround)}（${pub.changedDate}）：${pub.reason ?? ''}${pub.withdrawnDate ? `；${pub.withdrawnDate} 已撤回` : ''}` }] : []),
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="publication-tab">
      <Space wrap>
        {p.deadlines
          .filter((d) => d.status !== 'stopped')
          .map((d) => (
            <Space key={d.clockKey} size={4}>
              <Typography.Text type="secondary">{d.label}</Typography.Text>
              <DeadlineBadge deadline={d} testId={false} />
            </Space>
          ))}
        <TransitionButtons machine={publicationMachine} transitions={p.transitions} version={pub.version} url={(n) => `/api/enforcement/publications/${pub.id}/transitions/${n}`} onDone={onDone} />
      </Space>
      <Descriptions bordered size="small" column={2} items={items} />
      <Table
        size="small"
        rowKey="clockKey"
        pagination={false}
        dataSource={p.deadlines}
        columns={[
          { title: '期限', dataIndex: 'label', width: 180 },
          { title: '状态', render: (_: unknown, d) => <DeadlineBadge deadline={d} testId={false} /> },
          { title: '起算日', dataIndex: 'startDate', width: 120 },
          { title: '到期日', dataIndex: 'dueDate', width: 120 },
          { title: '依据', dataIndex: 'basis' },
        ]}
      />
    </Space>
  );
}

export default function CaseDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { record: detail, missing, reload: load } = useRecord<CaseDetail>(`/api/enforcement/cases/${id}`);
  if (missing) return <Result status="404" title="案件不存在或无权查看" extra={<Link to="/enforcement/cases">返回列表</Link>} />;
  if (!detail) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  const r = detail.record;
  const done = () => {
    message.success('办理成功');
    void load();
  };
  return (
    <>
      <Link to="/enforcement/cases" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <RecordDetailShell
        title={`${labelOf(KINDS, r.kind)} ${r.caseNo}`}
        subtitle={`${r.title} · ${r.bodyName ?? ''} · 立案于 ${r.filedDate}`}
        machine={caseMachine}
        status={r.status}
        version={r.version}
        transitions={detail.transitions}
        transitionUrl={(name) => `/api/enforcement/cases/${r.id}/transitions/${name}`}
        onTransitioned={done}
        deadlines={detail.deadlines}
        history={detail.history}
        activityUrl={`/api/enforcement/cases/${r.id}/activity`}
        activityLabels={ACTIVITY_LABELS}
        created={{ at: String(r.createdAt), label: r.imported ? '导入案件' : '登记案件' }}
        extra={
          r.kind === 'penalty' && r.decisionType === 'punish' && r.decisionNo ? (
            <Button
              icon={<FileWordOutlined />}
              data-testid="decision-document"
              onClick={() => void attempt(() => downloadFile(`/api/enforcement/cases/${r.id}/decision-document`, `行政处罚决定书-${String(r.decisionNo)}.docx`))}
            >
              下载行政处罚决定书
            </Button>
          ) : null
        }
        extraTabs={[
          { key: 'records', label: <span data-testid="tab-records">全过程记录{detail.records.avMissing.length ? <Tag color="red" style={{ marginInlineStart: 6 }}>缺音像</Tag> : null}</span>, children: <RecordsTab detail={detail} /> },
          { key: 'publication', label: <span data-testid="tab-publication">公示</span>, children: <PublicationTab detail={detail} onDone={done} /> },
        ]}
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {r.isMajor && !r.decidedDate ? (
            <Alert type={r.legalReviewResult === 'passed' ? 'success' : 'info'} showIcon title={r.legalReviewResult === 'passed' ? '已通过法制审核，可以作出决定' : '重大执法决定：未经法制审核或审核未通过的，不得作出决定（行政处罚法第五十八条）'} />
          ) : null}
          {r.correctedByReconsideration ? (
            <Alert
              type="error"
              showIcon
              data-testid="corrected-by-reconsideration"
              title={`本案决定已被行政复议纠错：${r.correctionKind ?? '纠错'}（${r.correctedByReconsideration}${r.correctedDate ? `，${r.correctedDate}` : ''}）`}
              description={
                detail.publication?.record.status === 'published'
                  ? '决定被变更、撤销或者确认违法、无效的，应当在三个工作日内撤回公示信息并公开说明理由（行政处罚法第四十八条第二款）：请在“公示”中撤回。'
                  : '请按复议决定纠正，并在案卷中记录纠正情况。'
              }
            />
          ) : null}
          {r.discretionOutside ? <Alert type="warning" showIcon title="罚款金额超出裁量基准幅度" description={String(r.discretionReason ?? '')} /> : null}
          <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }} items={infoItems(r)} data-testid="case-info" />
          {detail.benchmarks.length && r.kind === 'penalty' && !r.decidedDate ? (
            <Card size="small" title="本事项的行政裁量权基准">
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={detail.benchmarks}
                columns={[
                  { title: '裁量阶次', dataIndex: 'level', width: 110, render: (v: string) => labelOf(BENCHMARK_LEVELS, v) },
                  { title: '违法情节', dataIndex: 'circumstance' },
                  { title: '罚款幅度', render: (_: unknown, b) => `${yuan(b.fineMinFen)} 至 ${yuan(b.fineMaxFen)}` },
                ]}
              />
            </Card>
          ) : null}
        </Space>
      </RecordDetailShell>
    </>
  );
}
