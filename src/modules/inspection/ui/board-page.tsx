// 督办看板: per unit, orders issued / closed on time / closed late / open overdue (ECharts bar), and the figures.
import { useEffect, useMemo, useState } from 'react';
import { Card, Col, InputNumber, Row, Space, Statistic, Table, Typography } from 'antd';
import { api } from '../../../web/api-client';
import { EChart } from '../../../web/kit/echart';
import { attempt } from '../../../web/kit/error-policy';
import { todayDayjs } from '../../../web/kit/format';

interface BoardRow {
  orgId: number;
  orgName: string;
  issued: number;
  closedOnTime: number;
  closedLate: number;
  openOverdue: number;
  open: number;
}
interface Stat {
  id: string;
  label: string;
  unit: string;
  value: number | null;
}

export default function BoardPage() {
  const [year, setYear] = useState(todayDayjs().year());
  const [rows, setRows] = useState<BoardRow[]>([]);
  const [stats, setStats] = useState<Stat[]>([]);
  useEffect(() => {
    void attempt(async () => {
      setRows((await api.get<{ items: BoardRow[] }>('/api/inspection/board', { year })).items);
      setStats((await api.get<{ items: Stat[] }>('/api/inspection/statistics', { year })).items);
    });
  }, [year]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, bottom: 90, top: 36 },
      xAxis: { type: 'category', data: rows.map((r) => r.orgName), axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '签发', type: 'bar', data: rows.map((r) => r.issued), itemStyle: { color: '#1677ff' } },
        { name: '按期销号', type: 'bar', data: rows.map((r) => r.closedOnTime), itemStyle: { color: '#52c41a' } },
        { name: '逾期销号', type: 'bar', data: rows.map((r) => r.closedLate), itemStyle: { color: '#faad14' } },
        { name: '逾期未整改', type: 'bar', data: rows.map((r) => r.openOverdue), itemStyle: { color: '#ff4d4f' } },
      ],
    }),
    [rows],
  );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={4} style={{ margin: 0 }}>
          督办看板
        </Typography.Title>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonAfter="年" data-testid="board-year" />
      </Space>
      <Row gutter={[12, 12]}>
        {stats.map((s) => (
          <Col key={s.id} xs={12} md={8} lg={6} xl={4}>
            <Card size="small">
              <Statistic title={s.label} value={s.value ?? '—'} suffix={s.value === null ? undefined : s.unit} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title="各单位督办整改情况">
        <EChart option={option} height={360} testId="board-chart" />
      </Card>
      <Card size="small">
        <Table<BoardRow>
          rowKey="orgId"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '单位', dataIndex: 'orgName' },
            { title: '签发', dataIndex: 'issued' },
            { title: '按期销号', dataIndex: 'closedOnTime' },
            { title: '逾期销号', dataIndex: 'closedLate' },
            { title: '逾期未整改', dataIndex: 'openOverdue' },
            { title: '未销号', dataIndex: 'open' },
          ]}
        />
      </Card>
    </Space>
  );
}
