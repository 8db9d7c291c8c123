// 执法监督统计: the year's figures, problems found by category, documents by kind and reply status,
// complaints by channel and result (ECharts).
import { useEffect, useMemo, useState } from 'react';
import { Card, Col, InputNumber, Row, Space, Statistic, Typography } from 'antd';
import { api } from '../../../../web/api-client';
import { EChart } from '../../../../web/kit/echart';
import { attempt } from '../../../../web/kit/error-policy';
import { todayLocal } from '../../../../web/kit/format';

interface Board {
  figures: { id: string; label: string; unit: string; value: number | null }[];
  problemsByCategory: { category: string; label: string; count: number }[];
  docsByKind: { kind: string; label: string; total: number; overdue: number; byStatus: { status: string; label: string; count: number }[] }[];
  complaintsByChannel: { channel: string; label: string; count: number }[];
  complaintsByResult: { result: string; label: string; count: number }[];
}

const bar = (names: string[], series: { name: string; data: number[] }[], rotate = 0) => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
  xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate } },
  yAxis: { type: 'value', minInterval: 1 },
  series: series.map((s) => ({ ...s, type: 'bar', label: { show: true, position: 'top' } })),
});

export default function SupervisionBoardPage() {
  const [year, setYear] = useState(Number(todayLocal().slice(0, 4)));
  const [board, setBoard] = useState<Board | null>(null);
  useEffect(() => {
    void attempt(async () => setBoard(await api.get<Board>('/api/enforcement/supervision-board', { year })));
  }, [year]);
  const problems = useMemo(() => (board ? bar(board.problemsByCategory.map((p) => p.label), [{ name: '发现问题', data: board.problemsByCategory.map((p) => p.count) }]) : {}), [board]);
  const docs = useMemo(() => {
    if (!board) return {};
    const states = board.docsByKind[0]?.byStatus ?? [];
    return bar(
      board.docsByKind.map((k) => k.label),
      [...states.map((s) => ({ name: s.label, data: board.docsByKind.map((k) => k.byStatus.find((x) => x.status === s.status)?.count ?? 0) })), { name: '逾期未回复', data: board.docsByKind.map((k) => k.overdue) }],
    );
  }, [board]);
  const channels = useMemo(() => (board ? bar(board.complaintsByChannel.map((c) => c.label), [{ name: '投诉举报', data: board.complaintsByChannel.map((c) => c.count) }]) : {}), [board]);
  const results = useMemo(() => (board ? bar(board.complaintsByResult.map((c) => c.label), [{ name: '件数', data: board.complaintsByResult.map((c) => c.count) }]) : {}), [board]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="执法监督统计"
        extra={
          <Space>
            <Typography.Text>年度</Typography.Text>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="board-year" />
          </Space>
        }
      >
        <Row gutter={[16, 16]} data-testid="board-figures">
          {(board?.figures ?? []).map((f) => (
            <Col key={f.id} xs={12} md={8} lg={6}>
              <Statistic title={f.label} value={f.value ?? '—'} suffix={f.value === null ? undefined : f.unit} />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="案卷评查发现问题（按类别）">
            <EChart option={problems} testId="chart-problems" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="执法监督文书（按种类与回复状态）">
            <EChart option={docs} testId="chart-docs" />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="投诉举报（按来源渠道）">
            <EChart option={channels} testId="chart-channels" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="投诉举报（按核查结论）">
            <EChart option={results} testId="chart-results" />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
