// 执法主体人员看板: the year's figures, bodies by kind, certificates issued/revoked by month, officers and
// valid certificates per body, the 法制审核 ratio per body (red below the setting) and bodies not confirmed.
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { api } from '../../../../web/api-client';
import { EChart } from '../../../../web/kit/echart';
import { attempt } from '../../../../web/kit/error-policy';
import { todayLocal } from '../../../../web/kit/format';

interface Board {
  year: number;
  figures: { id: string; label: string; unit: string; value: number | null }[];
  byKind: { kind: string; label: string; count: number }[];
  itemsByKind: { kind: string; label: string; count: number }[];
  certsByMonth: { month: number; issued: number; revoked: number }[];
  bodies: {
    id: number;
    name: string;
    orgName: string;
    status: string;
    officers: number;
    legalReviewers: number;
    validCertificates: number;
    items: number;
    legalReviewerRatio: number | null;
    legalReviewerBelow: boolean;
    legalReviewerMinPercent: number;
    confirmedThisYear: boolean;
    entrustExpired: boolean;
  }[];
}

const bar = (labels: string[], series: { name: string; data: number[] }[], rotate = false) => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
  xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: rotate ? 35 : 0 } },
  yAxis: { type: 'value', minInterval: 1 },
  series: series.map((s) => ({ ...s, type: 'bar' })),
});

export default function RegistryBoardPage() {
  const [year, setYear] = useState(Number(todayLocal().slice(0, 4)));
  const [data, setData] = useState<Board | null>(null);
  useEffect(() => {
    void attempt(async () => setData(await api.get<Board>('/api/enforcement/bodies/board', { year })));
  }, [year]);
  const kindOption = useMemo(() => (data ? bar([...data.byKind.map((k) => k.label), ...data.itemsByKind.map((k) => `事项·${k.label.replace('行政', '')}`)], [{ name: '数量', data: [...data.byKind.map((k) => k.count), ...data.itemsByKind.map((k) => k.count)] }], true) : {}), [data]);
  const monthOption = useMemo(
    () => (data ? bar(data.certsByMonth.map((m) => `${m.month}月`), [{ name: '制发', data: data.certsByMonth.map((m) => m.issued) }, { name: '注销/吊销', data: data.certsByMonth.map((m) => m.revoked) }]) : {}),
    [data],
  );
  const bodyOption = useMemo(() => {
    const top = [...(data?.bodies ?? [])].sort((a, b) => b.officers - a.officers).slice(0, 14);
    return bar(top.map((b) => b.name.replace(/^示范市|^青山县|^绿水区/, '')), [{ name: '在岗人员', data: top.map((b) => b.officers) }, { name: '有效证件', data: top.map((b) => b.validCertificates) }], true);
  }, [data]);
  if (!data) return null;
  const unconfirmed = data.bodies.filter((b) => b.status === 'active' && !b.confirmedThisYear);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="执法主体、人员与证件统计"
        extra={
          <Space>
            <Typography.Text>年度</Typography.Text>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="board-year" />
          </Space>
        }
      >
        <Row gutter={[16, 16]} data-testid="board-figures">
          {data.figures.map((f) => (
            <Col key={f.id} xs={12} md={6}>
              <Statistic title={f.label} value={f.value ?? '—'} suffix={f.value === null ? undefined : f.unit} />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="执法主体与执法事项（按类别）">
            <EChart option={kindOption} testId="chart-kind" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={`${data.year} 年证件制发与清理（按月）`}>
            <EChart option={monthOption} testId="chart-months" />
          </Card>
        </Col>
      </Row>
      <Card title="各执法主体的在岗人员与有效证件">
        <EChart option={bodyOption} height={340} testId="chart-bodies" />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="法制审核人员比例（按主体）">
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={[...data.bodies].sort((a, b) => Number(b.legalReviewerBelow) - Number(a.legalReviewerBelow))}
              data-testid="ratio-table"
              columns={[
                { title: '执法主体', dataIndex: 'name', render: (v: string, r) => <Link to={`/enforcement/bodies/${r.id}`}>{v}</Link> },
                { title: '在岗', dataIndex: 'officers', align: 'right' },
                { title: '法制审核', dataIndex: 'legalReviewers', align: 'right' },
                {
                  title: '比例',
                  dataIndex: 'legalReviewerRatio',
                  render: (v: number | null, r) => (v === null ? '—' : <Tag color={r.legalReviewerBelow ? 'red' : 'green'}>{`${v}%${r.legalReviewerBelow ? `（低于${r.legalReviewerMinPercent}%）` : ''}`}</Tag>),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={`${data.year} 年未确认的执法主体（${unconfirmed.length}）`}>
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={unconfirmed}
              columns={[
                { title: '执法主体', dataIndex: 'name', render: (v: string, r) => <Link to={`/enforcement/bodies/${r.id}`}>{v}</Link> },
                { title: '', dataIndex: 'entrustExpired', render: (v: boolean) => (v ? <Tag color="red">委托已到期</Tag> : null) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
