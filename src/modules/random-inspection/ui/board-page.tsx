// 双随机比例看板: per unit, 分类分级检查比例 and 联合检查任务比例 against their targets (red when below), 抽查比例,
// 公示及时率, and a drill-down of one unit's items.
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Col, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { api } from '../../../web/api-client';
import { EChart } from '../../../web/kit/echart';
import { attempt } from '../../../web/kit/error-policy';
import { labelOf, todayLocal } from '../../../web/kit/format';
import { ITEM_KINDS } from '../plan-machine';

interface UnitRow {
  orgId: number;
  orgName: string;
  plans: number;
  jointPlans: number;
  jointRatio: number | null;
  inspections: number;
  gradedInspections: number;
  gradedRatio: number | null;
  targetsInPool: number;
  targetsInspected: number;
  samplingRate: number | null;
  onTimeRate: number | null;
  awaitingPublication: number;
  overdue: number;
  gradedTarget: number;
  jointTarget: number;
  belowGraded: boolean;
  belowJoint: boolean;
}
interface Item {
  id: string;
  label: string;
  unit: string;
  value: number | null;
}
interface ItemRatio {
  id: number;
  name: string;
  kind: string;
  ratioPercent: number;
  frequencyPerYear: number;
  pool: number;
  inspected: number;
  plans: number;
  rate: number | null;
}

const RED = '#cf1322';
const pctText = (v: number | null) => (v === null ? '—' : `${v}%`);

const chart = (rows: UnitRow[]) => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0, data: ['分类分级检查比例', '联合检查任务比例'] },
  grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
  xAxis: { type: 'category', data: rows.map((r) => r.orgName), axisLabel: { interval: 0, rotate: rows.length > 4 ? 20 : 0 } },
  yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
  series: [
    { name: '分类分级检查比例', type: 'bar', color: '#722ed1', data: rows.map((r) => ({ value: r.gradedRatio ?? 0, itemStyle: { color: r.belowGraded ? RED : '#722ed1' } })) },
    { name: '联合检查任务比例', type: 'bar', color: '#1677ff', data: rows.map((r) => ({ value: r.jointRatio ?? 0, itemStyle: { color: r.belowJoint ? RED : '#1677ff' } })) },
  ],
});

export default function BoardPage() {
  const [params] = useSearchParams();
  const [year, setYear] = useState(Number(todayLocal().slice(0, 4)));
  const [rows, setRows] = useState<UnitRow[]>([]);
  const [stats, setStats] = useState<Item[]>([]);
  const [unit, setUnit] = useState<number | null>(params.get('orgId') ? Number(params.get('orgId')) : null);
  const [items, setItems] = useState<ItemRatio[]>([]);
  useEffect(() => {
    void attempt(async () => {
      const [b, s] = await Promise.all([api.get<{ items: UnitRow[] }>('/api/random-inspection/board', { year }), api.get<{ items: Item[] }>('/api/random-inspection/statistics', { year })]);
      setRows(b.items);
      setStats(s.items);
    });
  }, [year]);
  useEffect(() => {
    if (!unit) return;
    void attempt(async () => setItems((await api.get<{ items: ItemRatio[] }>('/api/random-inspection/board/items', { year, orgId: unit })).items));
  }, [unit, year]);
  const option = useMemo(() => chart(rows), [rows]);
  const unitName = rows.find((r) => r.orgId === unit)?.orgName;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="双随机一公开比例看板"
        extra={
          <Space>
            <Typography.Text>年度</Typography.Text>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="board-year" />
          </Space>
        }
      >
        <Row gutter={[16, 16]} data-testid="board-figures">
          {stats.map((i) => (
            <Col key={i.id} xs={12} md={6} lg={3}>
              <Statistic title={i.label} value={i.value ?? '—'} suffix={i.value === null ? undefined : i.unit} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card title="各单位分类分级检查比例、联合检查任务比例（红色为低于目标）">
        <EChart option={option} testId="chart-ratios" />
      </Card>
      <Card title="各单位明细（点击单位查看各抽查事项的抽查比例）">
        <Table<UnitRow>
          size="small"
          rowKey="orgId"
          pagination={false}
          dataSource={rows}
          data-testid="board-table"
          onRow={(r) => ({ onClick: () => setUnit(r.orgId), style: { cursor: 'pointer' } })}
          columns={[
            { title: '单位', dataIndex: 'orgName', render: (v: string, r) => <a data-testid={`board-unit-${r.orgId}`}>{v}</a> },
            { title: '计划（联合）', render: (_: unknown, r) => `${r.plans}（${r.jointPlans}）` },
            {
              title: '联合检查任务比例',
              dataIndex: 'jointRatio',
              render: (v: number | null, r) => <span style={{ color: r.belowJoint ? RED : undefined, fontWeight: r.belowJoint ? 600 : undefined }} data-testid={`joint-${r.orgId}`}>{pctText(v)}（目标 ≥{r.jointTarget}%）</span>,
            },
            { title: '检查户次', dataIndex: 'inspections' },
            {
              title: '分类分级检查比例',
              dataIndex: 'gradedRatio',
              render: (v: number | null, r) => <span style={{ color: r.belowGraded ? RED : undefined, fontWeight: r.belowGraded ? 600 : undefined }} data-testid={`graded-${r.orgId}`}>{pctText(v)}（目标 ≥{r.gradedTarget}%）</span>,
            },
            { title: '抽查比例（已查/名录）', render: (_: unknown, r) => `${pctText(r.samplingRate)}（${r.targetsInspected}/${r.targetsInPool}）` },
            { title: '公示及时率', dataIndex: 'onTimeRate', render: pctText },
            { title: '待公示', dataIndex: 'awaitingPublication' },
            { title: '逾期未公示', dataIndex: 'overdue', render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
          ]}
        />
      </Card>
      {unit ? (
        <Card title={`${unitName ?? ''} 各抽查事项的抽查比例`}>
          <Table<ItemRatio>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={items}
            columns={[
              { title: '抽查事项', dataIndex: 'name' },
              { title: '类别', dataIndex: 'kind', render: (v: string) => labelOf(ITEM_KINDS, v) },
              { title: '计划数', dataIndex: 'plans' },
              { title: '已检查 / 名录', render: (_: unknown, r) => `${r.inspected} / ${r.pool}` },
              { title: '抽查比例', dataIndex: 'rate', render: (v: number | null, r) => <span style={{ color: v !== null && v < r.ratioPercent ? RED : undefined }}>{pctText(v)}（设定 {r.ratioPercent}%，{r.frequencyPerYear} 次/年）</span> },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
}
