// 行政诉讼案件 detail: 基本信息 / 庭审与出庭 / 裁判与上诉 / 司法建议 / 办理过程 / 附件 / 操作记录, with the
// deadlines in the header and only the actions that can succeed.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Modal, Radio, Result, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ArrowLeftOutlined, EyeOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { api, downloadFile } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { DeadlineBadge } from '../../../web/kit/deadline-badge';
import { formatDateTime, labelOf, toDateString, todayDayjs } from '../../../web/kit/format';
import { RecordDetailShell } from '../../../web/kit/record-detail-shell';
import { StatusTag } from '../../../web/kit/status-tag';
import { TransitionButtons } from '../../../web/kit/transition-buttons';
import { ABSENCE_REASONS, APPELLANTS, ATTENDANCE, CAUSES, caseMachine, HEAD_ATTENDANCE, INSTANCES, LOSS_REASONS, OUTCOMES, PARTY_TYPES, PROCEDURES, suggestionMachine } from '../case-machine';
import type { CaseDetail, CaseRecord, Hearing, Plaintiff } from './types';
import { useRecord } from '../../../web/kit/use-record';

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const multiline = (v: unknown) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{String(v)}</span> : '—');
const plaintiff = (p: Plaintiff) => `${p.name}（${labelOf(PARTY_TYPES, p.type)}）${p.idNumber ? ` ${p.idNumber}` : ''}${p.phone ? ` ${p.phone}` : ''}`;
const d = (v: unknown) => toDateString((v as Dayjs | null | undefined) ?? null);
const opts = (list: readonly { value: string; label: string }[]) => list.map((o) => ({ value: o.value, label: o.label }));

const infoItems = (r: CaseRecord): DescriptionsProps['items'] => [
  { key: 'caseNo', label: '应诉编号', children: r.caseNo },
  { key: 'courtCaseNo', label: '法院案号', children: text(r.courtCaseNo) },
  { key: 'courtName', label: '受理法院', children: r.courtName },
  { key: 'instance', label: '审级', children: `${labelOf(INSTANCES, r.instance)} · ${labelOf(PROCEDURES, r.procedure)}` },
  { key: 'orgName', label: '被告行政机关', children: text(r.orgName) },
  { key: 'cause', label: '案由', children: labelOf(CAUSES, r.cause) },
  { key: 'plaintiffs', label: '原告', span: 'filled', children: <div data-testid="plaintiffs">{r.plaintiffs.map((p, i) => <div key={i}>{plaintiff(p)}</div>)}</div> },
  { key: 'thirdParties', label: '第三人', children: text(r.thirdParties) },
  { key: 'contestedAct', label: '被诉行政行为', children: r.contestedAct },
  { key: 'recon', label: '经行政复议', children: r.afterReconsideration ? `是${r.reconsiderationDecisionNo ? `（${r.reconsiderationDecisionNo}）` : ''}` : '否' },
  { key: 'filedDate', label: '立案日期', children: r.filedDate },
  { key: 'servedDate', label: '收到起诉状副本', children: text(r.servedDate) },
  { key: 'evidenceExtension', label: '申请延期举证', children: r.evidenceExtensionDate ? `${String(r.evidenceExtensionDate)}：${String(r.evidenceExtensionReason ?? '')}` : '—' },
  { key: 'defenceFiledDate', label: '提交答辩状', children: r.defenceFiledDate ? <Space>{String(r.defenceFiledDate)}{r.defenceLate ? <Tag color="red">逾期</Tag> : <Tag color="green">按期</Tag>}</Space> : '—' },
  { key: 'evidenceList', label: '证据及依据清单', span: 'filled', children: multiline(r.evidenceList) },
  { key: 'defenceSummary', label: '答辩要点', span: 'filled', children: multiline(r.defenceSummary) },
];

const ACTIVITY_LABELS: Record<string, string> = {
  'case.register': '登记案件',
  'case.import': '导入案件',
  'case.export': '导出',
  'case.hearing': '记录庭审',
  'case.hearing_update': '修改庭审记录',
  'case.suggestion': '登记司法建议',
  'case.defence_document': '下载答辩状',
  'case.reveal_personal_data': '查看原告完整信息',
};

/** 记录 / 修改庭审: date, room, 出庭通知书, identity proof, who appeared, reason for absence. */
function HearingModal({ caseId, hearing, onClose, onDone }: { caseId: number; hearing: Hearing | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const attendance = Form.useWatch('attendance', form) as string | undefined;
  const head = attendance ? HEAD_ATTENDANCE.includes(attendance) : false;
  const initial = hearing
    ? { ...hearing, hearingDate: dayjs(hearing.hearingDate), noticeServedDate: hearing.noticeServedDate ? dayjs(hearing.noticeServedDate) : null, identityFiledDate: hearing.identityFiledDate ? dayjs(hearing.identityFiledDate) : null }
    : { hearingDate: todayDayjs(), headSpoke: true };
  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    const body = {
      hearingDate: d(v.hearingDate),
      courtRoom: (v.courtRoom as string | undefined)?.trim() || null,
      noticeServedDate: d(v.noticeServedDate),
      identityFiledDate: d(v.identityFiledDate),
      attendance: (v.attendance as string | undefined) ?? null,
      headName: head ? (v.headName as string | undefined)?.trim() || null : null,
      headPost: head ? (v.headPost as string | undefined)?.trim() || null : null,
      absenceReason: attendance && !head ? ((v.absenceReason as string | undefined) ?? null) : null,
      absenceProof: attendance && !head ? (v.absenceProof as string | undefined)?.trim() || null : null,
      headSpoke: head ? Boolean(v.headSpoke) : null,
      note: (v.note as string | undefined)?.trim() || null,
    };
    try {
      if (hearing) await api.put(`/api/litigation/hearings/${hearing.id}`, { ...body, version: hearing.version }, { form });
      else await api.post(`/api/litigation/cases/${caseId}/hearings`, body, { form });
      onDone();
    } catch {
      // Shown on the form.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={hearing ? '修改庭审记录' : '记录庭审与出庭情况'} onCancel={onClose} footer={null} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="hearing-form">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="hearingDate" label="开庭日期" rules={[{ required: true, message: '请选择开庭日期' }]} extra="尚未开庭的可先登记，开庭后补记出庭情况">
              <DatePicker style={{ width: '100%' }} data-testid="hearing-date" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="noticeServedDate" label="出庭通知书送达日期" extra="应在开庭三日前送达（出庭应诉规定第五条）">
              <DatePicker style={{ width: '100%' }} data-testid="hearing-notice-date" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="identityFiledDate" label="负责人身份证明提交日期" extra="开庭前提交（第六条）">
              <DatePicker style={{ width: '100%' }} data-testid="hearing-identity-date" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="courtRoom" label="法庭">
              <Input maxLength={100} data-testid="hearing-room" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="attendance" label="出庭情况">
              <Select allowClear options={opts(ATTENDANCE)} placeholder="开庭后选择" data-testid="hearing-attendance" />
            </Form.Item>
          </Col>
          {head ? (
            <>
              <Col span={8}>
                <Form.Item name="headName" label="出庭负责人" rules={[{ required: true, whitespace: true, message: '请填写出庭负责人姓名' }]}>
                  <Input maxLength={50} data-testid="hearing-head-name" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="headPost" label="职务" rules={[{ required: true, whitespace: true, message: '请填写职务' }]}>
                  <Input maxLength={100} data-testid="hearing-head-post" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="headSpoke" label="就实质性化解争议发表意见（第十一条）">
                  <Radio.Group options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
                </Form.Item>
              </Col>
            </>
          ) : null}
          {attendance && !head ? (
            <>
              {attendance === 'lawyer_only' || attendance === 'none' ? (
                <Col span={24}>
                  <Alert type="error" showIcon style={{ marginBottom: 12 }} title="行政机关负责人不能出庭的，应当委托本机关相应的工作人员出庭，不得仅委托律师出庭（行政诉讼法解释第一百二十八条）" />
                </Col>
              ) : null}
              <Col span={8}>
                <Form.Item name="absenceReason" label="负责人未出庭理由（第八条）" rules={[{ required: true, message: '请选择理由' }]}>
                  <Select options={opts(ABSENCE_REASONS)} />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name="absenceProof" label="说明或证明材料">
                  <Input maxLength={1000} placeholder="须加盖机关印章或由正职负责人签字（第九条）" />
                </Form.Item>
              </Col>
            </>
          ) : null}
          <Col span={24}>
            <Form.Item name="note" label="备注">
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="hearing-submit">
            保存
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

function SuggestionModal({ caseId, onClose, onDone }: { caseId: number; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title="登记司法建议" onCancel={onClose} footer={null} destroyOnHidden width={600}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ receivedDate: todayDayjs(), dueDate: todayDayjs().add(30, 'day') }}
        onFinish={async (v: Record<string, unknown>) => {
          setBusy(true);
          try {
            await api.post(`/api/litigation/cases/${caseId}/suggestions`, { receivedDate: d(v.receivedDate), dueDate: d(v.dueDate), content: String(v.content ?? '').trim() }, { form });
            onDone();
          } catch {
            // Shown on the form.
          } finally {
            setBusy(false);
          }
        }}
      >
        <Space>
          <Form.Item name="receivedDate" label="收到日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="dueDate" label="法院要求的回复期限" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="content" label="司法建议内容" rules={[{ required: true, whitespace: true, message: '请填写内容' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} autoFocus />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

export default function CaseDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { record: detail, missing, reload: load } = useRecord<CaseDetail>(`/api/litigation/cases/${id}`);
  const [revealed, setRevealed] = useState<Plaintiff[] | null>(null);
  const [modal, setModal] = useState<{ kind: 'hearing'; hearing: Hearing | null } | { kind: 'suggestion' } | { kind: 'reveal' } | null>(null);

  useEffect(() => {
    setRevealed(null);
  }, [id]);

  if (missing) return <Result status="404" title="案件不存在或无权查看" extra={<Link to="/litigation/cases">返回列表</Link>} />;
  if (!detail) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  const r: CaseRecord = revealed ? { ...detail.record, plaintiffs: revealed } : detail.record;
  const canHearing = detail.canHandle && ['awaiting_hearing', 'heard'].includes(r.status);
  const done = () => {
    setModal(null);
    message.success('已保存');
    void load();
  };
  const outcome = OUTCOMES.find((o) => o.value === r.outcome);
  const lossReason = r.lossReason ? labelOf(LOSS_REASONS, r.lossReason as string) : null;
  const hearingsTab = (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col>
          <Statistic title="已开庭" value={detail.appearance.held} suffix="次" />
        </Col>
        <Col>
          <Statistic title="负责人出庭" value={detail.appearance.head} suffix="次" />
        </Col>
        <Col>
          <Statistic title="本案负责人出庭率" value={detail.appearance.rate ?? '—'} suffix={detail.appearance.rate === null ? undefined : '%'} data-testid="case-appearance-rate" />
        </Col>
        <Col flex="auto" style={{ textAlign: 'right' }}>
          {canHearing ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'hearing', hearing: null })} data-testid="add-hearing">
              记录庭审
            </Button>
          ) : null}
        </Col>
      </Row>
      <Table<Hearing>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.hearings}
        locale={{ emptyText: '暂无庭审记录' }}
        data-testid="hearings-table"
        columns={[
          { title: '开庭日期', dataIndex: 'hearingDate', width: 110 },
          { title: '法庭', dataIndex: 'courtRoom', render: text },
          {
            title: '出庭通知书',
            dataIndex: 'noticeServedDate',
            render: (v: string | null, h) => (v ? <Space size={4}>{v}{h.noticeLate ? <Tag color="orange">不足三日</Tag> : null}</Space> : '—'),
          },
          { title: '身份证明', dataIndex: 'identityFiledDate', render: text },
          {
            title: '出庭情况',
            dataIndex: 'attendance',
            render: (v: string | null, h) =>
              !v ? (
                <Tag>待开庭</Tag>
              ) : (
                <Space size={4} wrap>
                  <Tag color={HEAD_ATTENDANCE.includes(v) ? 'green' : v === 'staff' ? 'orange' : 'red'}>{labelOf(ATTENDANCE, v)}</Tag>
                  {h.headName ? `${h.headName}（${h.headPost ?? ''}）` : null}
                  {h.absenceReason ? <Typography.Text type="secondary">{labelOf(ABSENCE_REASONS, h.absenceReason)}</Typography.Text> : null}
                </Space>
              ),
          },
          { title: '发表化解意见', dataIndex: 'headSpoke', render: (v: boolean | null) => (v === null ? '—' : v ? '是' : '否') },
          {
            title: '',
            render: (_: unknown, h) =>
              detail.canHandle && ['awaiting_hearing', 'heard', 'judged'].includes(r.status) ? (
                <Button size="small" onClick={() => setModal({ kind: 'hearing', hearing: h })}>
                  {h.attendance ? '修改' : '补记出庭'}
                </Button>
              ) : null,
          },
        ]}
      />
      {detail.hearings.some((h) => h.attendance === 'lawyer_only' || h.attendance === 'none') ? (
        <Alert type="error" showIcon title="有庭次仅委托律师或无人出庭，不符合《行政诉讼法》司法解释第一百二十八条的要求" />
      ) : null}
    </Space>
  );
  const judgmentTab = (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {outcome ? (
        <Descriptions
          bordered
          size="small"
          column={2}
          items={[
            { key: 'outcome', label: '裁判结果', children: <Space>{outcome.label}{r.lost ? <Tag color="red">败诉</Tag> : null}</Space> },
            { key: 'loss', label: '败诉原因', children: text(lossReason) },
            { key: 'judgmentDate', label: '裁判日期', children: text(r.judgmentDate) },
            { key: 'served', label: '裁判文书送达', children: text(r.judgmentServedDate) },
            { key: 'summary', label: '裁判要旨', span: 'filled', children: multiline(r.judgmentSummary) },
            ...(r.appealDate ? [{ key: 'appeal', label: '上诉', children: `${labelOf(APPELLANTS, String(r.appellant))}，${String(r.appealDate)}` }] : []),
            ...(r.closedDate ? [{ key: 'closed', label: '结案日期', children: String(r.closedDate) }] : []),
          ]}
        />
      ) : (
        <Empty description="尚未作出裁判" />
      )}
      {detail.linkedCases.length ? (
        <Card size="small" title="关联案件（原审 / 上诉审）">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={detail.linkedCases}
            columns={[
              { title: '审级', dataIndex: 'instance', render: (v: string) => labelOf(INSTANCES, v) },
              { title: '编号', dataIndex: 'caseNo', render: (v: string, x) => <Link to={`/litigation/cases/${x.id}`}>{v}</Link> },
              { title: '法院案号', dataIndex: 'courtCaseNo', render: (v: string | null) => v ?? '（待法院编号）' },
              { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag machine={caseMachine} state={v} /> },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
  const suggestionsTab = (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {detail.canHandle ? (
        <Button icon={<PlusOutlined />} onClick={() => setModal({ kind: 'suggestion' })} data-testid="add-suggestion">
          登记司法建议
        </Button>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.suggestions}
        locale={{ emptyText: '暂无司法建议' }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedDate', width: 110 },
          { title: '内容', dataIndex: 'content' },
          { title: '回复期限', render: (_: unknown, s) => <DeadlineBadge deadline={s.deadline} testId={false} /> },
          { title: '回复', render: (_: unknown, s) => (s.replyDate ? <Space size={4}>{`${s.replyDate} ${s.replySummary ?? ''}`}{s.overdue ? <Tag color="red">逾期回复</Tag> : null}</Space> : '—') },
          {
            title: '',
            render: (_: unknown, s) => <TransitionButtons machine={suggestionMachine} transitions={s.transitions} version={s.version} url={(n) => `/api/litigation/suggestions/${s.id}/transitions/${n}`} onDone={done} />,
          },
        ]}
      />
    </Space>
  );
  return (
    <>
      <Link to="/litigation/cases" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <RecordDetailShell
        title={`行政应诉 ${r.courtCaseNo ?? r.caseNo}`}
        subtitle={`${r.plaintiffName} 诉 ${r.orgName ?? ''} · ${labelOf(CAUSES, r.cause)} · ${r.courtName} · 立案于 ${r.filedDate}`}
        machine={caseMachine}
        status={r.status}
        version={r.version}
        transitions={detail.transitions}
        transitionUrl={(name) => `/api/litigation/cases/${r.id}/transitions/${name}`}
        onTransitioned={() => {
          message.success('办理成功');
          void load();
        }}
        deadlines={detail.deadlines}
        history={detail.history}
        attachments={{ ownerType: caseMachine.entity, ownerId: r.id }}
        activityUrl={`/api/litigation/cases/${r.id}/activity`}
        activityLabels={ACTIVITY_LABELS}
        created={{ at: String(r.createdAt), label: '登记案件' }}
        extraTabs={[
          { key: 'hearings', label: `庭审与出庭（${detail.hearings.length}）`, children: hearingsTab },
          { key: 'judgment', label: '裁判与上诉', children: judgmentTab },
          { key: 'suggestions', label: `司法建议（${detail.suggestions.length}）`, children: suggestionsTab },
        ]}
        extra={
          r.defenceFiledDate ? (
            <Button icon={<FileWordOutlined />} data-testid="defence-document" onClick={() => void attempt(() => downloadFile(`/api/litigation/cases/${r.id}/defence-document`, `行政诉讼答辩状-${r.caseNo}.docx`))}>
              下载答辩状
            </Button>
          ) : null
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {r.defenceLate ? <Alert type="error" showIcon data-testid="defence-late" title="未在收到起诉状副本之日起十五日内提交答辩状和证据（《行政诉讼法》第六十七条），逾期提供的证据视为没有相应证据（第三十四条）" /> : null}
          {detail.canHandle ? (
            revealed ? (
              <Tag color="orange">已显示完整个人信息（已留痕）</Tag>
            ) : (
              <Button size="small" icon={<EyeOutlined />} onClick={() => setModal({ kind: 'reveal' })} data-testid="reveal">
                查看原告完整信息
              </Button>
            )
          ) : null}
          <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }} items={infoItems(r)} data-testid="case-info" />
          <Typography.Text type="secondary">登记时间 {formatDateTime(String(r.createdAt))}</Typography.Text>
        </Space>
        {modal?.kind === 'hearing' ? <HearingModal caseId={r.id} hearing={modal.hearing} onClose={() => setModal(null)} onDone={done} /> : null}
        {modal?.kind === 'suggestion' ? <SuggestionModal caseId={r.id} onClose={() => setModal(null)} onDone={done} /> : null}
        {modal?.kind === 'reveal' ? (
          <Modal open title="查看原告完整个人信息" onCancel={() => setModal(null)} footer={null} destroyOnHidden>
            <Form
              layout="vertical"
              onFinish={async (v: { reason: string }) => {
                try {
                  const res = await api.post<{ plaintiffs: Plaintiff[] }>(`/api/litigation/cases/${r.id}/reveal`, { reason: v.reason.trim() });
                  setRevealed(res.plaintiffs);
                  setModal(null);
                } catch {
                  // Shown by the error policy.
                }
              }}
            >
              <Form.Item name="reason" label="查看事由（记入审计日志）" rules={[{ required: true, whitespace: true, message: '请填写查看事由' }, { min: 4, message: '至少 4 个字' }]}>
                <Input autoFocus maxLength={200} />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                查看
              </Button>
            </Form>
          </Modal>
        ) : null}
      </RecordDetailShell>
    </>
  );
}
