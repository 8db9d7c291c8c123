// 行政复议案件 detail: record, warnings (申请期限, 视为受理), deadlines, transitions, consultations, letters, documents.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Result, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { ArrowLeftOutlined, EyeOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { api, downloadFile } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { DeadlineBadge } from '../../../web/kit/deadline-badge';
import { formatDateTime, labelOf, toDateString, todayDayjs } from '../../../web/kit/format';
import { RecordDetailShell } from '../../../web/kit/record-detail-shell';
import { TransitionButtons } from '../../../web/kit/transition-buttons';
import { useSession } from '../../../web/session';
import { caseMachine, CHANNELS, DECISION_TYPES, FIELDS, LETTER_KINDS, letterMachine, PARTY_TYPES, PROCEDURES, SIMPLIFIED_GROUNDS, SUSPENSION_GROUNDS, TERMINATION_GROUNDS } from '../case-machine';
import { RespondentSelect } from './respondent-select';
import type { CaseDetail, CaseRecord, Party } from './types';
import { useRecord } from '../../../web/kit/use-record';

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const multiline = (v: unknown) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{String(v)}</span> : '—');
const party = (p: Party) => `${p.name}（${labelOf(PARTY_TYPES, p.type)}）${p.idNumber ? ` ${p.idNumber}` : ''}${p.phone ? ` ${p.phone}` : ''}${p.address ? ` ${p.address}` : ''}`;

const infoItems = (r: CaseRecord): DescriptionsProps['items'] => {
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'caseNo', label: '案号', children: text(r.caseNo) },
    { key: 'receiptCode', label: '查询码', children: <Typography.Text copyable>{r.receiptCode}</Typography.Text> },
    { key: 'channel', label: '申请方式', children: labelOf(CHANNELS, r.channel) },
    { key: 'receivedDate', label: '收到日期', children: r.receivedDate },
    { key: 'orgName', label: '行政复议机构', children: text(r.orgName) },
    { key: 'respondentName', label: '被申请人', children: text(r.respondentName) },
    { key: 'applicants', label: '申请人', span: 'filled', children: <div data-testid="applicants">{r.applicants.map((p, i) => <div key={i}>{party(p)}</div>)}</div> },
    ...(r.thirdParties.length ? [{ key: 'third', label: '第三人', span: 'filled' as const, children: r.thirdParties.map((p, i) => <div key={i}>{party(p)}</div>) }] : []),
    ...(r.agent ? [{ key: 'agent', label: '委托代理人', children: party(r.agent) }] : []),
    { key: 'actName', label: '被申请行政行为', children: `${r.actName}${r.actDocNo ? `（${r.actDocNo}）` : ''}` },
    { key: 'actDate', label: '作出日期', children: text(r.actDate) },
    { key: 'knewDate', label: '知道之日', children: r.knewDate },
    { key: 'applicationDeadline', label: '申请期限届满日', children: r.applicationDeadline },
    { key: 'field', label: '案件领域', children: labelOf(FIELDS, r.field) },
    { key: 'procedure', label: '审理程序', children: r.procedure ? `${labelOf(PROCEDURES, r.procedure)}${r.simplifiedGround ? `（${labelOf(SIMPLIFIED_GROUNDS, r.simplifiedGround as string)}）` : ''}` : '—' },
    { key: 'request', label: '行政复议请求', span: 'filled', children: multiline(r.request) },
    { key: 'factsReasons', label: '事实和理由', span: 'filled', children: multiline(r.factsReasons) },
  ];
  const add = (key: string, label: string, v: unknown, filled = false) => {
    if (v !== null && v !== undefined && v !== '') items.push({ key, label, children: filled ? multiline(v) : String(v), ...(filled ? { span: 'filled' as const } : {}) });
  };
  add('acceptedDate', '受理日期', r.acceptedDate);
  add('correctionItems', '需补正事项', r.correctionItems, true);
  add('correctionNoticeDate', '补正通知送达', r.correctionNoticeDate);
  add('correctedDate', '收到补正', r.correctedDate);
  add('competentAuthority', '有管辖权的机关', r.competentAuthority);
  add('copySentDate', '副本发送', r.copySentDate);
  add('copyServedDate', '被申请人收到副本', r.copyServedDate);
  add('answerReceivedDate', '收到答复', r.answerReceivedDate);
  add('answerSummary', '答复要点', r.answerSummary, true);
  add('hearingDate', '听证日期', r.hearingDate ? `${String(r.hearingDate)} ${String(r.hearingPlace ?? '')}` : null);
  add('hearingRecord', '听证笔录要点', r.hearingRecord, true);
  add('suspensionGround', '中止情形', r.suspensionGround ? labelOf(SUSPENSION_GROUNDS, r.suspensionGround as string) : null);
  add('terminationGround', '终止情形', r.terminationGround ? labelOf(TERMINATION_GROUNDS, r.terminationGround as string) : null);
  add('closedDate', '结案日期', r.closedDate);
  add('closingSummary', '调解 / 和解内容', r.closingSummary, true);
  if (r.decisionType) {
    const t = DECISION_TYPES.find((x) => x.value === r.decisionType);
    add('decisionType', '决定类型', t ? `${t.label}（${t.article}）` : r.decisionType);
    add('decisionNo', '决定书文号', r.decisionNo);
    add('decisionDate', '决定日期', r.decisionDate);
    add('decisionFacts', '查明事实', r.decisionFacts, true);
    add('decisionReasons', '理由', r.decisionReasons, true);
    add('decisionMain', '决定主文', r.decisionMain, true);
  }
  add('reason', '最近说明', r.reason, true);
  return items;
};

const ACTIVITY_LABELS: Record<string, string> = {
  'case.register': '登记申请',
  'case.import': '导入申请',
  'case.export': '导出',
  'case.decision_document': '下载决定书',
  'case.reveal_personal_data': '查看当事人完整信息',
  'case.consultation': '记录咨询意见',
  'case.letter': '制发意见书 / 建议书',
};

/** A small form in a modal, posting JSON to `url`. */
function PostModal({ title, url, onClose, onDone, children, toBody }: { title: string; url: string; onClose: () => void; onDone: (result: unknown) => void; children: React.ReactNode; toBody: (v: Record<string, unknown>) => unknown }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden width={600}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ heldOn: todayDayjs(), issuedDate: todayDayjs(), servedDate: todayDayjs(), kind: undefined }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            onDone(await api.post(url, toBody(v), { form }));
          } catch {
            // Shown on the form.
          } finally {
            setBusy(false);
          }
        }}
      >
        {children}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="post-ok">
            保存
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

const d = (v: unknown) => toDateString((v as Dayjs | null | undefined) ?? null);

export default function CaseDetailPage() {
  const { can } = useSession();
  const { id } = useParams();
  const { message } = App.useApp();
  const { record: detail, missing, reload: load } = useRecord<CaseDetail>(`/api/reconsideration/cases/${id}`);
  const [revealed, setRevealed] = useState<Pick<CaseRecord, 'applicants' | 'thirdParties' | 'agent'> | null>(null);
  const [modal, setModal] = useState<'reveal' | 'consultation' | 'letter' | null>(null);
  const [downloading, setDownloading] = useState(false);

  useEffect(() => {
    setRevealed(null);
  }, [id]);

  if (missing) return <Result status="404" title="案件不存在或无权查看" extra={<Link to="/reconsideration/cases">返回列表</Link>} />;
  if (!detail) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  const r: CaseRecord = revealed ? { ...detail.record, ...revealed } : detail.record;
  const active = ['accepted', 'awaiting_answer', 'in_review', 'hearing_scheduled', 'suspended', 'pending_approval'].includes(r.status);
  const done = () => {
    setModal(null);
    message.success('已保存');
    void load();
  };
  return (
    <>
      <Link to="/reconsideration/cases" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <RecordDetailShell
        title={`行政复议 ${r.caseNo}`}
        subtitle={`${r.applicantName} 诉 ${r.respondentName ?? ''} · ${r.actName} · 收到于 ${r.receivedDate}`}
        machine={caseMachine}
        status={r.status}
        version={r.version}
        transitions={detail.transitions}
        transitionUrl={(name) => `/api/reconsideration/cases/${r.id}/transitions/${name}`}
        onTransitioned={() => {
          message.success('办理成功');
          void load();
        }}
        deadlines={detail.deadlines}
        history={detail.history}
        attachments={{ ownerType: caseMachine.entity, ownerId: r.id }}
        activityUrl={`/api/reconsideration/cases/${r.id}/activity`}
        activityLabels={ACTIVITY_LABELS}
        created={{ at: String(r.createdAt), label: r.channel === 'online' ? '网上提交申请' : '登记申请' }}
        extra={
          r.status === 'decided' ? (
            <Button
              icon={<FileWordOutlined />}
              loading={downloading}
              data-testid="decision-document"
              onClick={async () => {
                setDownloading(true);
                await attempt(() => downloadFile(`/api/reconsideration/cases/${r.id}/decision-document`, `行政复议决定书-${r.decisionNo ?? r.caseNo}.docx`));
                setDownloading(false);
              }}
            >
              下载决定书
            </Button>
          ) : null
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {r.applicationLate ? <Alert type="error" showIcon data-testid="late-warning" title="申请可能超过法定申请期限" description={r.applicationNote} /> : null}
          {r.deemedAccepted ? (
            <Alert type="warning" showIcon data-testid="deemed-accepted" title={`受理审查期限已届满，未作出不予受理决定，依《行政复议法》第三十条第三款自 ${r.deemedAcceptedOn} 起视为受理`} />
          ) : null}
          {can('reconsideration:handle') ? (
            <Space wrap>
              {revealed ? (
                <Tag color="orange">已显示完整个人信息（已留痕）</Tag>
              ) : (
                <Button size="small" icon={<EyeOutlined />} onClick={() => setModal('reveal')} data-testid="reveal">
                  查看完整信息
                </Button>
              )}
              {active ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setModal('consultation')} data-testid="add-consultation">
                  记录委员会咨询 / 专家意见
                </Button>
              ) : null}
              {r.status === 'decided' ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setModal('letter')} data-testid="add-letter">
                  制发意见书 / 建议书
                </Button>
              ) : null}
            </Space>
          ) : null}
          <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }} items={infoItems(r)} data-testid="case-info" />
          {detail.consultations.length ? (
            <Card size="small" title="行政复议委员会咨询 / 专家论证（第五十二条）">
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={detail.consultations}
                columns={[
                  { title: '类型', dataIndex: 'kind', width: 120, render: (v: string) => (v === 'committee' ? '委员会咨询' : '专家论证') },
                  { title: '日期', dataIndex: 'heldOn', width: 110 },
                  { title: '参加人员', dataIndex: 'participants', width: 200 },
                  { title: '意见', dataIndex: 'opinion' },
                ]}
              />
            </Card>
          ) : null}
          {detail.letters.length ? (
            <Card size="small" title="意见书 / 建议书及反馈">
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={detail.letters}
                columns={[
                  { title: '文书', dataIndex: 'kind', render: (v: string) => labelOf(LETTER_KINDS, v) },
                  { title: '送达单位', dataIndex: 'recipientName' },
                  { title: '送达日期', dataIndex: 'servedDate', width: 110 },
                  { title: '内容', dataIndex: 'content' },
                  { title: '反馈期限', render: (_: unknown, l) => <DeadlineBadge deadline={l.deadline} testId={false} /> },
                  { title: '反馈', render: (_: unknown, l) => (l.replyDate ? `${l.replyDate} ${l.replySummary ?? ''}` : '—') },
                  {
                    title: '',
                    render: (_: unknown, l) => (
                      <TransitionButtons machine={letterMachine} transitions={l.transitions} version={l.version} url={(n) => `/api/reconsideration/letters/${l.id}/transitions/${n}`} onDone={done} />
                    ),
                  },
                ]}
              />
            </Card>
          ) : null}
          <Typography.Text type="secondary">登记时间 {formatDateTime(String(r.createdAt))}</Typography.Text>
        </Space>
        {modal === 'reveal' ? (
          <PostModal
            title="查看当事人完整个人信息"
            url={`/api/reconsideration/cases/${r.id}/reveal`}
            onClose={() => setModal(null)}
            onDone={(v) => {
              setRevealed(v as Pick<CaseRecord, 'applicants' | 'thirdParties' | 'agent'>);
              setModal(null);
            }}
            toBody={(v) => ({ reason: String(v.reason ?? '').trim() })}
          >
            <Typography.Paragraph type="secondary">当事人的证件号码、电话、地址默认脱敏显示。查看完整信息须填写事由，并记入审计日志。</Typography.Paragraph>
            <Form.Item name="reason" label="查看事由" rules={[{ required: true, whitespace: true, message: '请填写查看事由' }, { min: 4, message: '请填写查看事由（至少 4 个字）' }]}>
              <Input autoFocus maxLength={200} placeholder="如：邮寄决定书需核对地址" data-testid="reveal-reason" />
            </Form.Item>
          </PostModal>
        ) : null}
        {modal === 'consultation' ? (
          <PostModal title="记录委员会咨询 / 专家意见" url={`/api/reconsideration/cases/${r.id}/consultations`} onClose={() => setModal(null)} onDone={done} toBody={(v) => ({ ...v, heldOn: d(v.heldOn) })}>
            <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
              <Select options={[{ value: 'committee', label: '行政复议委员会咨询' }, { value: 'expert', label: '专家论证' }]} />
            </Form.Item>
            <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="participants" label="参加人员" rules={[{ required: true, whitespace: true, message: '请填写参加人员' }]}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="opinion" label="意见" rules={[{ required: true, whitespace: true, message: '请填写意见' }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} />
            </Form.Item>
          </PostModal>
        ) : null}
        {modal === 'letter' ? (
          <PostModal
            title="制发意见书 / 建议书"
            url={`/api/reconsideration/cases/${r.id}/letters`}
            onClose={() => setModal(null)}
            onDone={done}
            toBody={(v) => ({ ...v, issuedDate: d(v.issuedDate), servedDate: d(v.servedDate), dueDate: d(v.dueDate) })}
          >
            <Form.Item name="kind" label="文书" rules={[{ required: true, message: '请选择文书' }]} extra="意见书：收到之日起六十日内报告纠正情况（第七十六条）；建议书：反馈期限由复议机构确定">
              <Select options={LETTER_KINDS.map((k) => ({ value: k.value, label: k.label }))} />
            </Form.Item>
            <Form.Item name="recipientOrgId" label="送达单位" initialValue={r.respondentOrgId} rules={[{ required: true, message: '请选择送达单位' }]}>
              <RespondentSelect />
            </Form.Item>
            <Space>
              <Form.Item name="issuedDate" label="制发日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="servedDate" label="送达日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="dueDate" label="反馈期限（建议书）">
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="content" label="主要内容" rules={[{ required: true, whitespace: true, message: '请填写主要内容' }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} />
            </Form.Item>
          </PostModal>
        ) : null}
      </RecordDetailShell>
    </>
  );
}
