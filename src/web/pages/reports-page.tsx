// 统计报表: GET /api/reports/statistics?year → sections of counts, as cards and a bar chart each.
import { useEffect, useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Select, Space, Spin, Statistic, Typography } from 'antd';
import { api } from '../api-client';
import { EChart } from '../kit/echart';
import { attempt } from '../kit/error-policy';
import { todayLocal } from '../kit/format';

interface StatItem {
  id: string;
  label: string;
  unit: string;
  value: number | null;
}

interface Statistics {
  year: number;
  sections: { section: string; items: StatItem[] }[];
}

/** The items sharing the section's most common unit (counts and rates do not share an axis). */
const chartItems = (items: StatItem[]): StatItem[] => {
  const byUnit = new Map<string, StatItem[]>();
  for (const i of items) byUnit.set(i.unit, [...(byUnit.get(i.unit) ?? []), i]);
  return [...byUnit.values()].sort((a, b) => b.length - a.length)[0] ?? [];
};

function SectionChart({ items }: { items: StatItem[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 48, right: 16, top: 24, bottom: 72 },
      xAxis: { type: 'category', data: items.map((i) => i.label), axisLabel: { interval: 0, rotate: items.length > 5 ? 30 : 0, width: 110, overflow: 'truncate' } },
      yAxis: { type: 'value', minInterval: 1, name: items[0]?.unit ?? '' },
      series: [{ type: 'bar', data: items.map((i) => i.value ?? 0), barMaxWidth: 40, itemStyle: { color: '#1557a6' }, label: { show: true, position: 'top' } }],
    }),
    [items],
  );
  return <EChart option={option} height={300} />;
}

export default function ReportsPage() {
  const thisYear = Number(todayLocal().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [data, setData] = useState<Statistics | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    void attempt(async () => {
      const res = await api.get<Statistics>('/api/reports/statistics', { year });
      if (live) setData(res);
    }).finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [year]);

  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          统计报表
        </Typography.Title>
        <Space>
          <span>年度</span>
          <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 120 }} data-testid="report-year" />
        </Space>
      </Space>
      <Spin spinning={loading}>
        {data && data.sections.length > 0 ? (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {data.sections.map((s) => (
              <Card key={s.section} title={s.section} data-testid="report-section">
                <Row gutter={[16, 16]}>
                  {s.items.map((i) => (
                    <Col key={i.id} xs={12} md={8} lg={6} xl={4}>
                      <Card size="small" variant="borderless" style={{ background: '#f5f8fc' }}>
                        <Statistic title={i.label} value={i.value ?? '—'} suffix={i.value === null ? undefined : i.unit} />
                      </Card>
                    </Col>
                  ))}
                </Row>
                {chartItems(s.items).length > 1 ? <SectionChart items={chartItems(s.items)} /> : null}
              </Card>
            ))}
          </Space>
        ) : (
          <Card>{loading ? <div style={{ height: 200 }} /> : <Empty description={`${year}年暂无统计数据`} />}</Card>
        )}
      </Spin>
    </Space>
  );
}
