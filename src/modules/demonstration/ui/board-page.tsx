// 挂图作战: per-indicator and per-unit counts (三色), a stacked bar per unit, the 横向排名 and units with
// missing or late reports; every figure links to the filtered list.
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../../web/api-client';
import { EChart } from '../../../web/kit/echart';
import { attempt } from '../../../web/kit/error-policy';
import { formatDateTime } from '../../../web/kit/format';
import type { Counts } from './types';

type IndicatorRow = Counts & { indicatorId: number; code: string; name: string; onTimeRate: number | null };
type UnitRow = Counts & { orgId: number; orgName: string; onTimeRate: number | null };
type RankRow = { orgId: number; orgName: string; total: number; closed: number; avgScore: number | null; onTimeRate: number | null; rank: number; units: number };
type LateRow = { orgId: number; orgName: string; overdue: number; stale: number; lastReportedAt: string | null };

const countCell = (n: number, color: string, to: string) => (n > 0 ? <Link to={to}><Tag color={color}>{n}</Tag></Link> : <Tag>{0}</Tag>);

export default function BoardPage() {
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [level1, setLevel1] = useState<IndicatorRow[]>([]);
  const [level2, setLevel2] = useState<IndicatorRow[]>([]);
  const [units, setUnits] = useState<UnitRow[]>([]);
  const [ranking, setRanking] = useState<RankRow[]>([]);
  const [late, setLate] = useState<LateRow[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void attempt(async () => {
      const q = { year };
      const ind = await api.get<{ level1: IndicatorRow[]; level2: IndicatorRow[] }>('/api/demonstration/boards/indicators', q);
      setLevel1(ind.level1);
      setLevel2(ind.level2);
      setUnits((await api.get<{ items: UnitRow[] }>('/api/demonstration/boards/units', q)).items);
      setRanking((await api.get<{ items: RankRow[] }>('/api/demonstration/boards/ranking', q)).items);
      setLate((await api.get<{ items: LateRow[] }>('/api/demonstration/boards/late', q)).items);
      setLoaded(true);
    });
  }, [year]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: units.map((u) => u.orgName), inverse: true },
      color: ['#52c41a', '#1677ff', '#faad14', '#ff4d4f'],
      series: [
        { name: '已销号', type: 'bar', stack: 'all', data: units.map((u) => u.closed) },
        { name: '推进中（未逾期）', type: 'bar', stack: 'all', data: units.map((u) => Math.max(0, u.inProgress - u.overdue)) },
        { name: '待审核', type: 'bar', stack: 'all', data: units.map((u) => u.submitted) },
        { name: '逾期', type: 'bar', stack: 'all', data: units.map((u) => u.overdue) },
      ],
    }),
    [units],
  );
  const indicatorColumns = [
    { title: '指标', width: 220, render: (_: unknown, r: IndicatorRow) => <Link to={`/demonstration/assignments?indicatorId=${r.indicatorId}`}>{`${r.code} ${r.name}`}</Link> },
    { title: '任务', dataIndex: 'total', width: 60 },
    { title: '已销号', width: 80, render: (_: unknown, r: IndicatorRow) => countCell(r.closed, 'green', `/demonstration/assignments?indicatorId=${r.indicatorId}&status=closed`) },
    { title: '推进中', width: 80, render: (_: unknown, r: IndicatorRow) => countCell(r.inProgress, 'blue', `/demonstration/assignments?indicatorId=${r.indicatorId}`) },
    { title: '待审核', width: 80, render: (_: unknown, r: IndicatorRow) => countCell(r.submitted, 'gold', `/demonstration/assignments?indicatorId=${r.indicatorId}&status=submitted`) },
    { title: '即将到期', width: 80, render: (_: unknown, r: IndicatorRow) => countCell(r.dueSoon, 'orange', `/demonstration/assignments?indicatorId=${r.indicatorId}`) },
    { title: '逾期', width: 70, render: (_: unknown, r: IndicatorRow) => countCell(r.overdue, 'red', `/demonstration/assignments?indicatorId=${r.indicatorId}&overdue=true`) },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="挂图作战"
        extra={
          <Select
            style={{ width: 140 }}
            value={year ?? 0}
            onChange={(v) => setYear(v === 0 ? undefined : v)}
            options={[{ value: 0, label: '全部年度' }, ...[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))]}
          />
        }
      >
        <Typography.Text type="secondary">绿：已销号；蓝：推进中；黄：待审核；红：逾期。点击数字查看对应任务。</Typography.Text>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="按一级指标" size="small">
            <Table size="small" rowKey="indicatorId" dataSource={level1} columns={indicatorColumns} pagination={false} loading={!loaded} data-testid="board-level1" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="按单位（点击表格行查看该单位任务）" size="small">
            {units.length ? (
              <EChart option={option} height={Math.max(240, units.length * 30 + 60)} testId="board-unit-chart" />
            ) : (
              <Empty />
            )}
            <Table
              size="small"
              rowKey="orgId"
              dataSource={units}
              pagination={false}
              data-testid="board-units"
              onRow={(r) => ({ onClick: () => navigate(`/demonstration/assignments?orgId=${r.orgId}`), style: { cursor: 'pointer' } })}
              columns={[
                { title: '单位', dataIndex: 'orgName' },
                { title: '任务', dataIndex: 'total', width: 60 },
                { title: '已销号', dataIndex: 'closed', width: 70 },
                { title: '逾期', dataIndex: 'overdue', width: 60, render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
                { title: '按期销号率', dataIndex: 'onTimeRate', width: 100, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title="按二级指标" size="small">
        <Table size="small" rowKey="indicatorId" dataSource={level2} columns={indicatorColumns} pagination={false} loading={!loaded} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="横向排名（在全部责任单位中）" size="small">
            <Table
              size="small"
              rowKey="orgId"
              dataSource={ranking}
              pagination={false}
              data-testid="board-ranking"
              columns={[
                { title: '名次', width: 120, render: (_: unknown, r: RankRow) => `第${r.rank}名 / 共${r.units}个单位` },
                { title: '单位', dataIndex: 'orgName' },
                { title: '平均评分', dataIndex: 'avgScore', width: 90, render: (v: number | null) => v ?? '—' },
                { title: '按期销号率', dataIndex: 'onTimeRate', width: 100, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="逾期或30日未报送进展的单位" size="small">
            <Table
              size="small"
              rowKey="orgId"
              dataSource={late}
              pagination={false}
              data-testid="board-late"
              columns={[
                { title: '单位', render: (_: unknown, r: LateRow) => <Link to={`/demonstration/assignments?orgId=${r.orgId}&overdue=true`}>{r.orgName}</Link> },
                { title: '逾期未销号', dataIndex: 'overdue', width: 100, render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
                { title: '30日未报送', dataIndex: 'stale', width: 100, render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : 0) },
                { title: '最近报送', dataIndex: 'lastReportedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '从未报送') },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
