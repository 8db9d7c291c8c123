// 行政复议统计: the year's figures (declared statistics) and bar charts by field and by respondent agency.
import { useEffect, useMemo, useState } from 'react';
import { Card, Col, InputNumber, Row, Space, Statistic, Table, Typography } from 'antd';
import { api } from '../../../web/api-client';
import { EChart } from '../../../web/kit/echart';
import { attempt } from '../../../web/kit/error-policy';
import { todayLocal } from '../../../web/kit/format';

interface Item {
  id: string;
  label: string;
  unit: string;
  value: number | null;
}
interface Row {
  key: string | number;
  name: string;
  received: number;
  decided: number;
  corrected: number;
  mediated: number;
}

const MAIN = ['reconsideration.received', 'reconsideration.received_yoy', 'reconsideration.accepted', 'reconsideration.decided', 'reconsideration.corrected', 'reconsideration.correction_rate', 'reconsideration.mediated', 'reconsideration.on_time_rate'];

const bars = (rows: Row[]) => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0, data: ['收案', '纠错', '调解和解'] },
  grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
  xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 } },
  yAxis: { type: 'value', minInterval: 1 },
  series: [
    { name: '收案', type: 'bar', data: rows.map((r) => r.received) },
    { name: '纠错', type: 'bar', data: rows.map((r) => r.corrected) },
    { name: '调解和解', type: 'bar', data: rows.map((r) => r.mediated) },
  ],
});

export default function BoardPage() {
  const [year, setYear] = useState(Number(todayLocal().slice(0, 4)));
  const [items, setItems] = useState<Item[]>([]);
  const [byField, setByField] = useState<Row[]>([]);
  const [byRespondent, setByRespondent] = useState<Row[]>([]);
  useEffect(() => {
    void attempt(async () => {
      const [s, f, r] = await Promise.all([
        api.get<{ items: Item[] }>('/api/reconsideration/statistics', { year }),
        api.get<{ items: Row[] }>('/api/reconsideration/reports/by-field', { year }),
        api.get<{ items: Row[] }>('/api/reconsideration/reports/by-respondent', { year }),
      ]);
      setItems(s.items);
      setByField(f.items);
      setByRespondent(r.items);
    });
  }, [year]);
  const fieldOption = useMemo(() => bars(byField), [byField]);
  const respondentOption = useMemo(() => bars(byRespondent.slice(0, 12)), [byRespondent]);
  const main = MAIN.map((id) => items.find((i) => i.id === id)).filter((i): i is Item => Boolean(i));
  const decisions = items.filter((i) => i.id.startsWith('reconsideration.decision.'));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="行政复议统计"
        extra={
          <Space>
            <Typography.Text>年度</Typography.Text>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="board-year" />
          </Space>
        }
      >
        <Row gutter={[16, 16]} data-testid="board-figures">
          {main.map((i) => (
            <Col key={i.id} xs={12} md={6}>
              <Statistic title={i.label} value={i.value ?? '—'} suffix={i.value === null ? undefined : i.unit} />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="按案件领域">
            <EChart option={fieldOption} testId="chart-field" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="按被申请人">
            <EChart option={respondentOption} testId="chart-respondent" />
          </Card>
        </Col>
      </Row>
      <Card title="决定类型">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={decisions}
          columns={[
            { title: '决定类型', dataIndex: 'label' },
            { title: '件数', dataIndex: 'value', width: 120 },
          ]}
        />
      </Card>
    </Space>
  );
}
