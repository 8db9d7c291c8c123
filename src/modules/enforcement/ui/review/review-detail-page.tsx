// 评查活动详情: header with transitions, sampling, the files with their scores and problems, results by body.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Result, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { labelOf } from '../../../../web/kit/format';
import { RecordDetailShell, type HistoryItem } from '../../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../../web/kit/transition-buttons';
import { GRADES, REVIEW_KINDS, reviewMachine, SHEET_CATEGORIES } from '../../review/review-machine';
import { IssueDocModal, type IssueDefaults } from './issue-doc-modal';
import { PostModal } from './parts';
import { useRecord } from '../../../../web/kit/use-record';

interface SheetItem {
  key: string;
  category: string;
  title: string;
  maxPoints: number;
}
interface Problem {
  id: number;
  category: string;
  itemKey: string | null;
  description: string;
}
interface FileRow {
  id: number;
  bodyId: number;
  bodyName: string;
  caseId: number;
  caseNo: string;
  caseTitle: string;
  decidedDate: string | null;
  picked: string;
  total: number | null;
  selfTotal: number | null;
  grade: string | null;
  reviewers: string[] | null;
  comment: string | null;
  version: number;
  scores: Record<string, number> | null;
  problems: Problem[];
  maySelfScore: boolean;
}
interface ResultRow {
  bodyId: number;
  bodyName: string;
  files: number;
  scored: number;
  average: number | null;
  excellent: number;
  pass: number;
  fail: number;
  problems: Record<string, number>;
  rank: number;
}
interface Detail {
  record: {
    id: number;
    title: string;
    year: number;
    kind: string;
    status: string;
    version: number;
    orgName: string | null;
    periodFrom: string;
    periodTo: string;
    sheet: SheetItem[];
    excellentMin: number;
    passMin: number;
    sampleSeed: string | null;
    samplePerBody: number | null;
    bodies: { id: number; name: string }[];
    createdAt: string;
  };
  files: FileRow[];
  results: ResultRow[];
  transitions: TransitionView[];
  history: HistoryItem[];
  can: { editSheet: boolean; sample: boolean; score: boolean; issue: boolean };
}

const GRADE_COLOR: Record<string, string> = { excellent: 'green', pass: 'blue', fail: 'red' };

function SamplingCard({ detail, onDone }: { detail: Detail; onDone: () => void }) {
  const [form] = Form.useForm();
  const mode = Form.useWatch('mode', form) as string | undefined;
  const [cases, setCases] = useState<{ value: number; label: string }[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void attempt(async () => {
      const r = await api.get<{ items: { id: number; caseNo: string; title: string; bodyName: string }[] }>(`/api/enforcement/reviews/${detail.record.id}/pickable-cases`);
      setCases(r.items.map((c) => ({ value: c.id, label: `${c.bodyName} ${c.caseNo} ${c.title}` })));
    });
  }, [detail.record.id, detail.files.length]);
  return (
    <Card title="抽取案卷" size="small">
      <Form
        form={form}
        layout="inline"
        initialValues={{ mode: 'random', perBody: 5 }}
        onFinish={async (v: { mode: string; perBody?: number; seed?: string; caseIds?: number[] }) => {
          setBusy(true);
          try {
            await api.post(`/api/enforcement/reviews/${detail.record.id}/sample`, { version: detail.record.version, mode: v.mode, ...(v.mode === 'random' ? { perBody: v.perBody, ...(v.seed ? { seed: v.seed } : {}) } : { caseIds: v.caseIds ?? [] }) }, { form });
            onDone();
          } catch {
            // Shown on the form.
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="mode">
          <Radio.Group optionType="button" options={[{ value: 'random', label: '随机抽取' }, { value: 'manual', label: '指定案卷' }]} />
        </Form.Item>
        {mode === 'manual' ? (
          <Form.Item name="caseIds" style={{ minWidth: 420 }}>
            <Select mode="multiple" options={cases} placeholder="选择案卷" showSearch={{ optionFilterProp: 'label' }} data-testid="sample-cases" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="perBody" label="每个主体">
              <InputNumber min={1} max={100} addonAfter="卷" data-testid="sample-per-body" />
            </Form.Item>
            <Form.Item name="seed" label="随机种子">
              <Input placeholder="留空自动生成" style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="sample-submit">
            抽取
          </Button>
        </Form.Item>
      </Form>
      {detail.record.sampleSeed ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          已记录随机种子 {detail.record.sampleSeed}（每个主体 {detail.record.samplePerBody} 卷），可用同一种子复核抽样结果。
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

function ScoreModal({ detail, file, self, onClose, onDone }: { detail: Detail; file: FileRow; self: boolean; onClose: () => void; onDone: () => void }) {
  const sheet = detail.record.sheet;
  const initialScores = (self ? null : file.scores) ?? Object.fromEntries(sheet.map((s) => [s.key, s.maxPoints]));
  return (
    <PostModal
      title={`${self ? '自查打分' : '评查打分'}：${file.caseNo}`}
      url={`/api/enforcement/reviews/files/${file.id}/${self ? 'self-score' : 'score'}`}
      onClose={onClose}
      onDone={onDone}
      width={760}
      initialValues={{ scores: initialScores, reviewers: file.reviewers ?? [], problems: file.problems.map((p) => ({ category: p.category, itemKey: p.itemKey, description: p.description })), comment: file.comment }}
      toBody={(v) => ({
        version: file.version,
        scores: v.scores,
        comment: v.comment || null,
        ...(self ? {} : { reviewers: v.reviewers ?? [], problems: ((v.problems as Problem[] | undefined) ?? []).map((p) => ({ category: p.category, itemKey: p.itemKey ?? null, description: p.description })) }),
      })}
    >
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={sheet}
        columns={[
          { title: '分类', dataIndex: 'category', width: 120, render: (v: string) => labelOf(SHEET_CATEGORIES, v) },
          { title: '评查项目', dataIndex: 'title' },
          { title: '分值', dataIndex: 'maxPoints', width: 60 },
          {
            title: '得分',
            width: 110,
            render: (_: unknown, s: SheetItem) => (
              <Form.Item name={['scores', s.key]} style={{ margin: 0 }} rules={[{ required: true, message: '请打分' }]}>
                <InputNumber min={0} max={s.maxPoints} data-testid={`score-${s.key}`} />
              </Form.Item>
            ),
          },
        ]}
      />
      {self ? null : (
        <>
          <Form.Item name="reviewers" label="评查人员（不少于两人）" style={{ marginTop: 12 }} rules={[{ required: true, message: '请填写评查人员' }]}>
            <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} placeholder="输入姓名后回车" data-testid="score-reviewers" open={false} />
          </Form.Item>
          <Typography.Text strong>发现的问题</Typography.Text>
          <Form.List name="problems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item name={[f.name, 'category']} rules={[{ required: true, message: '请选择类别' }]} style={{ margin: 0 }}>
                      <Select style={{ width: 150 }} placeholder="问题类别" options={SHEET_CATEGORIES.map((c) => ({ value: c.value, label: c.label }))} data-testid={`problem-${f.name}-category`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'itemKey']} style={{ margin: 0 }}>
                      <Select style={{ width: 150 }} allowClear placeholder="对应评查项目" options={sheet.map((s) => ({ value: s.key, label: s.title }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} rules={[{ required: true, message: '请描述问题' }]} style={{ margin: 0 }}>
                      <Input style={{ width: 300 }} placeholder="问题描述" data-testid={`problem-${f.name}-description`} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} style={{ marginTop: 8 }} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 8 }} data-testid="problem-add">
                  添加问题
                </Button>
              </>
            )}
          </Form.List>
        </>
      )}
      <Form.Item name="comment" label="评查意见" style={{ marginTop: 12 }}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </PostModal>
  );
}

export default function ReviewDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { record: detail, missing, reload: load } = useRecord<Detail>(`/api/enforcement/reviews/${id}`);
  const [scoring, setScoring] = useState<{ file: FileRow; self: boolean } | null>(null);
  const [issuing, setIssuing] = useState<IssueDefaults | null>(null);
  if (missing) return <Result status="404" title="评查活动不存在或无权查看" extra={<Link to="/enforcement/reviews">返回列表</Link>} />;
  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} />;
  const r = detail.record;
  return (
    <>
      <Link to="/enforcement/reviews" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <RecordDetailShell
        title={r.title}
        subtitle={`${r.orgName ?? ''} · ${labelOf(REVIEW_KINDS, r.kind)} · ${r.year} 年`}
        machine={reviewMachine}
        status={r.status}
        version={r.version}
        transitions={detail.transitions}
        transitionUrl={(name) => `/api/enforcement/reviews/${r.id}/transitions/${name}`}
        onTransitioned={() => {
          message.success('已办理');
          void load();
        }}
        deadlines={[]}
        history={detail.history}
        attachments={{ ownerType: reviewMachine.entity, ownerId: r.id }}
        created={{ at: r.createdAt, label: '新建评查活动' }}
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'period', label: '案卷决定日期', children: `${r.periodFrom} 至 ${r.periodTo}` },
              { key: 'grade', label: '等次标准', children: `优秀 ≥ ${r.excellentMin} 分，合格 ≥ ${r.passMin} 分` },
              { key: 'bodies', label: '评查对象', span: 'filled', children: r.bodies.map((b) => <Tag key={b.id}>{b.name}</Tag>) },
            ]}
          />
          <Card title="评查标准" size="small">
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={r.sheet}
              columns={[
                { title: '分类', dataIndex: 'category', width: 140, render: (v: string) => labelOf(SHEET_CATEGORIES, v) },
                { title: '评查项目', dataIndex: 'title' },
                { title: '分值', dataIndex: 'maxPoints', width: 80 },
              ]}
            />
          </Card>
          {detail.can.sample ? <SamplingCard detail={detail} onDone={() => void load()} /> : null}
          <Card title={`评查案卷（${detail.files.length} 卷）`} size="small">
            <Table<FileRow>
              size="small"
              rowKey="id"
              dataSource={detail.files}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="review-files"
              expandable={{
                rowExpandable: (f) => f.problems.length > 0,
                expandedRowRender: (f) => (
                  <ul style={{ margin: 0 }}>
                    {f.problems.map((p) => (
                      <li key={p.id}>
                        【{labelOf(SHEET_CATEGORIES, p.category)}】{p.description}
                        {detail.can.issue ? (
                          <Button size="small" type="link" data-testid={`issue-from-problem-${p.id}`} onClick={() => setIssuing({ bodyId: f.bodyId, problemId: p.id, kind: 'opinion', content: `经案卷评查，你单位案卷 ${f.caseNo} 存在以下问题：${p.description}。` })}>
                            签发监督文书
                          </Button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ),
              }}
              columns={[
                { title: '执法主体', dataIndex: 'bodyName' },
                { title: '案号', dataIndex: 'caseNo' },
                { title: '案件名称', dataIndex: 'caseTitle' },
                { title: '决定日期', dataIndex: 'decidedDate', width: 110 },
                { title: '抽取', dataIndex: 'picked', width: 80, render: (v: string) => (v === 'random' ? '随机' : '指定') },
                ...(r.kind === 'self' ? [{ title: '自查分', dataIndex: 'selfTotal', width: 70, render: (v: number | null) => v ?? '—' }] : []),
                { title: r.kind === 'self' ? '抽查分' : '得分', dataIndex: 'total', width: 70, render: (v: number | null) => v ?? '—' },
                { title: '等次', dataIndex: 'grade', width: 80, render: (v: string | null) => (v ? <Tag color={GRADE_COLOR[v]}>{labelOf(GRADES, v)}</Tag> : '未评') },
                { title: '问题', width: 60, render: (_: unknown, f: FileRow) => f.problems.length || '' },
                {
                  title: '操作',
                  width: 150,
                  render: (_: unknown, f: FileRow) => (
                    <Space size={4}>
                      {detail.can.score ? (
                        <Button size="small" type="link" data-testid={`score-file-${f.id}`} onClick={() => setScoring({ file: f, self: false })}>
                          {r.kind === 'self' ? '抽查打分' : f.total === null ? '打分' : '修改'}
                        </Button>
                      ) : null}
                      {f.maySelfScore ? (
                        <Button size="small" type="link" data-testid={`self-score-file-${f.id}`} onClick={() => setScoring({ file: f, self: true })}>
                          自查打分
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card title="评查结果（按平均分排名）" size="small">
            <Table<ResultRow>
              size="small"
              rowKey="bodyId"
              pagination={false}
              dataSource={detail.results}
              data-testid="review-results"
              columns={[
                { title: '排名', dataIndex: 'rank', width: 60, render: (v: number) => v || '—' },
                { title: '执法主体', dataIndex: 'bodyName' },
                { title: '案卷', dataIndex: 'files', width: 60 },
                { title: '已评', dataIndex: 'scored', width: 60 },
                { title: '平均分', dataIndex: 'average', width: 80, render: (v: number | null) => v ?? '—' },
                { title: '优秀', dataIndex: 'excellent', width: 60 },
                { title: '合格', dataIndex: 'pass', width: 60 },
                { title: '不合格', dataIndex: 'fail', width: 70 },
                { title: '问题（按类别）', render: (_: unknown, x: ResultRow) => Object.entries(x.problems).map(([k, n]) => <Tag key={k}>{`${labelOf(SHEET_CATEGORIES, k)} ${n}`}</Tag>) },
              ]}
            />
          </Card>
        </Space>
      </RecordDetailShell>
      {scoring ? (
        <ScoreModal
          detail={detail}
          file={scoring.file}
          self={scoring.self}
          onClose={() => setScoring(null)}
          onDone={() => {
            setScoring(null);
            message.success('已保存');
            void load();
          }}
        />
      ) : null}
      {issuing ? <IssueDocModal defaults={issuing} onClose={() => setIssuing(null)} onDone={(d) => navigate(`/enforcement/supervision/${d.id}`)} /> : null}
    </>
  );
}
