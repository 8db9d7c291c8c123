// 抽查计划 detail: 基本信息 / 抽取结果 (seed, snapshot digest, 核验) / 检查结果 (deadline badges, 录入、公示) / 操作记录.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { formatDateTime, labelOf } from '../../../web/kit/format';
import { StatusTag } from '../../../web/kit/status-tag';
import { TransitionButtons, type TransitionView } from '../../../web/kit/transition-buttons';
import { GRADE_LABELS, PLAN_KINDS, planMachine, TARGET_TYPES } from '../plan-machine';
import { ResultsTable, type ResultItem } from './results-table';

interface Detail {
  record: {
    id: number;
    planNo: string;
    year: number;
    title: string;
    batch: string;
    kind: string;
    graded: boolean;
    gradeRatios: Record<string, number>;
    ratioPercent: number;
    targetType: string | null;
    scope: string;
    startDate: string;
    endDate: string;
    filedDate: string | null;
    filedWith: string | null;
    finishedDate: string | null;
    status: string;
    version: number;
    orgName: string | null;
  };
  units: { orgId: number; orgName: string; lead: boolean; items: { id: number; name: string; kind: string; ratioPercent: number }[] }[];
  draws: { id: number; seq: number; seed: string; snapshotDigest: string; algorithm: string; targetsInPool: number; inspectorsInPool: number; groups: number; superseded: boolean; reason: string | null; drawnAt: string }[];
  inspections: { id: number; targetName: string; creditCode: string; creditGrade: string; inspectorNames: string; drawId: number }[];
  transitions: TransitionView[];
}
interface Verify {
  verdict: string;
  consistent: boolean;
  digestOk: boolean;
  groupsOk: boolean;
  inspectionsOk: boolean;
  seq: number;
}

const ALGORITHM_TEXT =
  '抽取算法（hmac-sha256-rank/v1）：抽取时生成 32 字节随机种子，并留存名录快照（检查对象、执法检查人员的编号及回避声明，按编号排序）及其 SHA-256 摘要。每个候选对象以 HMAC-SHA256(种子, “名录:编号”) 排序，分级计划按 A/B/C/D 各等级分别取前 ⌈户数×比例⌉ 户；每户检查人员排除利害关系人后排序，每个参与单位至少 1 名、合计不少于 2 名。以同一种子和快照重新运行，结果必然相同——“核验”即据此比对。';

function ActivityTab({ id }: { id: number }) {
  const [items, setItems] = useState<{ seq: number; at: string; actorName: string | null; action: string; reason: string | null }[] | null>(null);
  useEffect(() => {
    void attempt(async () => setItems((await api.get<{ items: NonNullable<typeof items> }>(`/api/random-inspection/plans/${id}/activity`)).items));
  }, [id]);
  const label = (a: string) => (a.startsWith('transition.') ? (planMachine.transitions[a.slice(11) as 'publish']?.label ?? a) : ({ 'plan.create': '新建计划', 'plan.draw': '随机抽取（记录种子与快照）' } as Record<string, string>)[a] ?? a);
  return (
    <Table
      size="small"
      rowKey="seq"
      loading={items === null}
      dataSource={items ?? []}
      pagination={false}
      columns={[
        { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
        { title: '操作人', dataIndex: 'actorName', width: 200 },
        { title: '操作', dataIndex: 'action', render: label },
        { title: '说明', dataIndex: 'reason' },
      ]}
    />
  );
}

export default function PlanDetailPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [results, setResults] = useState<ResultItem[]>([]);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [tab, setTab] = useState('info');
  const load = useCallback(async () => {
    await attempt(async () => {
      const [d, r] = await Promise.all([api.get<Detail>(`/api/random-inspection/plans/${id}`), api.get<{ items: ResultItem[] }>('/api/random-inspection/results', { planId: id, pageSize: 200 })]);
      setDetail(d);
      // Stable order within a plan: by inspection (one visit), lead unit first.
      setResults([...r.items].sort((a, b) => a.inspectionId - b.inspectionId || a.id - b.id));
    });
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!detail) return <Spin />;
  const r = detail.record;
  const current = detail.draws.find((d) => !d.superseded);
  const runVerify = async (drawId?: number) => {
    await attempt(async () => {
      const v = await api.post<Verify>(`/api/random-inspection/plans/${id}/verify`, drawId ? { drawId } : {});
      setVerify(v);
      if (v.consistent) void message.success(`第 ${v.seq} 次抽取核验结果：一致`);
      else void message.error(`第 ${v.seq} 次抽取核验结果：不一致`);
    });
  };
  const awaiting = results.filter((x) => x.status === 'recorded').length;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <Space orientation="vertical" size={8}>
            <Space wrap>
              <Link to="/random-inspection/plans">
                <ArrowLeftOutlined />
              </Link>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {r.title}
              </Typography.Title>
              <StatusTag machine={planMachine} state={r.status} />
              {r.kind === 'joint' ? <Tag color="blue">部门联合抽查</Tag> : null}
              {r.graded ? <Tag color="purple">分类分级</Tag> : null}
            </Space>
            <Typography.Text type="secondary">
              {r.planNo} · {r.orgName} 牵头 · {r.startDate} 至 {r.endDate}
              {awaiting ? ` · ${awaiting} 条结果待公示` : ''}
            </Typography.Text>
          </Space>
          <Space wrap>
            {current ? (
              <Button icon={<SafetyCertificateOutlined />} onClick={() => void runVerify()} data-testid="verify-draw">
                核验抽取
              </Button>
            ) : null}
            <TransitionButtons machine={planMachine} transitions={detail.transitions} version={r.version} url={(name) => `/api/random-inspection/plans/${id}/transitions/${name}`} onDone={() => void load()} />
          </Space>
        </Flex>
        {verify ? (
          <Alert
            style={{ marginTop: 12 }}
            type={verify.consistent ? 'success' : 'error'}
            showIcon
            data-testid="verify-result"
            message={`第 ${verify.seq} 次抽取核验：${verify.verdict}`}
            description={`名录快照摘要${verify.digestOk ? '一致' : '不一致'}；按种子重算抽取结果${verify.groupsOk ? '一致' : '不一致'}；检查记录${verify.inspectionsOk ? '一致' : '不一致'}。`}
          />
        ) : null}
      </Card>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'info',
              label: '基本信息',
              children: (
                <Descriptions bordered size="small" column={2}>
                  <Descriptions.Item label="计划编号">{r.planNo}</Descriptions.Item>
                  <Descriptions.Item label="年度 / 批次">{`${r.year} 年 ${r.batch}`}</Descriptions.Item>
                  <Descriptions.Item label="计划类型">{labelOf(PLAN_KINDS, r.kind)}</Descriptions.Item>
                  <Descriptions.Item label="检查对象类型">{r.targetType ? labelOf(TARGET_TYPES, r.targetType) : '全部'}</Descriptions.Item>
                  <Descriptions.Item label="抽查比例" span={2}>
                    {r.graded ? Object.entries(r.gradeRatios).map(([g, v]) => `${g}类 ${v}%`).join('，') : `${r.ratioPercent}%`}
                  </Descriptions.Item>
                  <Descriptions.Item label="抽查范围" span={2}>{r.scope}</Descriptions.Item>
                  <Descriptions.Item label="报备">{r.filedDate ? `${r.filedDate} 报 ${r.filedWith ?? ''}` : '未报备'}</Descriptions.Item>
                  <Descriptions.Item label="完成日期">{r.finishedDate ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="参与单位及事项" span={2}>
                    {detail.units.map((u) => (
                      <div key={u.orgId}>
                        <Tag color={u.lead ? 'blue' : undefined}>{u.lead ? '牵头' : '参与'}</Tag>
                        {u.orgName}：{u.items.map((i) => i.name).join('、')}
                      </div>
                    ))}
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'draw',
              label: '抽取结果',
              children: detail.draws.length ? (
                <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                  <Alert type="info" showIcon message="抽取方法" description={ALGORITHM_TEXT} />
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={detail.draws}
                    columns={[
                      { title: '次序', dataIndex: 'seq', width: 60, render: (v: number, d) => <Space>{`第 ${v} 次`}{d.superseded ? <Tag>已被重新抽取替代</Tag> : <Tag color="green">当前</Tag>}</Space> },
                      { title: '抽取时间', dataIndex: 'drawnAt', render: (v: string) => formatDateTime(v) },
                      { title: '随机种子', dataIndex: 'seed', render: (v: string) => <Typography.Text code copyable data-testid="draw-seed">{v}</Typography.Text> },
                      { title: '名录快照 SHA-256', dataIndex: 'snapshotDigest', render: (v: string) => <Typography.Text code copyable style={{ fontSize: 12 }}>{v}</Typography.Text> },
                      { title: '名录规模', render: (_: unknown, d) => `对象 ${d.targetsInPool} / 人员 ${d.inspectorsInPool}` },
                      { title: '抽中', dataIndex: 'groups' },
                      { title: '重新抽取理由', dataIndex: 'reason' },
                      { title: '', render: (_: unknown, d) => <Button size="small" onClick={() => void runVerify(d.id)}>核验</Button> },
                    ]}
                  />
                  <Table
                    size="small"
                    rowKey="id"
                    dataSource={detail.inspections}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    data-testid="draw-table"
                    columns={[
                      { title: '检查对象', dataIndex: 'targetName' },
                      { title: '统一社会信用代码', dataIndex: 'creditCode' },
                      { title: '信用风险等级', dataIndex: 'creditGrade', render: (v: string) => GRADE_LABELS[v] ?? v },
                      { title: '执法检查人员', dataIndex: 'inspectorNames' },
                    ]}
                  />
                </Space>
              ) : (
                <Empty description="尚未抽取：计划发布并报备后由牵头单位随机抽取" />
              ),
            },
            { key: 'results', label: `检查结果${awaiting ? `（${awaiting} 待公示）` : ''}`, children: results.length ? <ResultsTable items={results} onChanged={() => void load()} /> : <Empty description="抽取后生成检查任务" /> },
            { key: 'activity', label: '操作记录', children: tab === 'activity' ? <ActivityTab id={id} /> : null },
          ]}
        />
      </Card>
    </Space>
  );
}
