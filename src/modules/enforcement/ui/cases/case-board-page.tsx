// 执法案件分析: the year's figures, cases by kind and by body, 涉企 share, 法制审核 coverage of 重大 cases,
// 公示 timeliness, discretion flags and 分类分级检查 (ECharts).
import { useEffect, useMemo, useState } from 'react';
import { Card, Col, InputNumber, Row, Space, Statistic, Table, Typography } from 'antd';
import { EChart } from '../../../../web/kit/echart';
import { attempt } from '../../../../web/kit/error-policy';
import { labelOf, todayLocal } from '../../../../web/kit/format';
import { OrgTreeSelect } from '../../../../web/kit/org-tree-select';
import { KINDS } from '../../cases/case-machine';
import { casesApi } from './api';

interface Board {
  year: number;
  figures: Record<string, number | null>;
  enterpriseShare: number | null;
  gradedInspectionShare: number | null;
  byKind: { kind: string; total: number; enterprise: number; major: number; decided: number }[];
  byBody: { body_id: number; name: string; total: number; penalty: number; licence: number; inspection: number; compulsory: number; outside: number }[];
  majorDecided: number;
  majorReviewed: number;
  publication: { due: number; onTime: number };
}

const pctText = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);

export default function CaseBoardPage() {
  const [year, setYear] = useState(Number(todayLocal().slice(0, 4)));
  const [orgId, setOrgId] = useState<number | null>(null);
  const [board, setBoard] = useState<Board | null>(null);
  useEffect(() => {
    void attempt(async () => {
      const res = await casesApi().cases.board.$get({ query: { year: String(year), ...(orgId ? { orgId: String(orgId) } : {}) } });
      setBoard((await res.json()) as unknown as Board);
    });
  }, [year, orgId]);
  const kindBars = useMemo(() => {
    const rows = board?.byKind ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((k) => labelOf(KINDS, k.kind)) },
      series: [
        { name: '案件', type: 'bar', data: rows.map((k) => k.total) },
        { name: '涉企', type: 'bar', data: rows.map((k) => k.enterprise) },
        { name: '重大', type: 'bar', data: rows.map((k) => k.major) },
      ],
    };
  }, [board]);
  const bodyBars = useMemo(() => {
    const rows = board?.byBody ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: KINDS.map((k) => ({ name: k.label, type: 'bar', stack: 'kind', data: rows.map((r) => r[k.value]) })),
    };
  }, [board]);
  const f = board?.figures ?? {};
  const figures: [string, number | string | null | undefined, string?][] = [
    ['案件总数', f['enforcement.cases'], '件'],
    ['涉企案件', f['enforcement.enterprise_cases'], '件'],
    ['涉企占比', pctText(board?.enterpriseShare)],
    ['重大执法决定', f['enforcement.major_cases'], '件'],
    ['重大决定法制审核率', pctText(f['enforcement.legal_review_coverage'])],
    ['按时公示率', pctText(f['enforcement.publication_on_time_rate'])],
    ['九十日内决定比例', pctText(f['enforcement.decision_on_time_rate'])],
    ['超出裁量基准', f['enforcement.discretion_outside'], '件'],
    ['被复议纠错', f['enforcement.corrected_by_reconsideration'], '件'],
    ['分类分级检查比例', pctText(board?.gradedInspectionShare)],
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="行政执法案件分析"
        extra={
          <Space>
            <OrgTreeSelect value={orgId ?? undefined} onChange={(v: number | null | undefined) => setOrgId(v ?? null)} placeholder="全部单位" style={{ width: 220 }} />
            <Typography.Text>年度</Typography.Text>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="board-year" />
          </Space>
        }
      >
        <Row gutter={[16, 16]} data-testid="board-figures">
          {figures.map(([label, value, unit]) => (
            <Col key={label} xs={12} md={8} xl={6}>
              <Statistic title={label} value={value ?? '—'} suffix={typeof value === 'number' ? unit : undefined} />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card title="按案件类型">
            <EChart option={kindBars} testId="chart-kind" />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title="按执法主体">
            <EChart option={bodyBars} testId="chart-body" />
          </Card>
        </Col>
      </Row>
      <Card title="执法主体明细">
        <Table
          size="small"
          rowKey="body_id"
          pagination={false}
          dataSource={board?.byBody ?? []}
          columns={[
            { title: '执法主体', dataIndex: 'name' },
            { title: '合计', dataIndex: 'total', width: 80 },
            ...KINDS.map((k) => ({ title: k.label, dataIndex: k.value, width: 90 })),
            { title: '超出裁量基准', dataIndex: 'outside', width: 120 },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          重大执法决定 {board?.majorDecided ?? 0} 件已决定，其中经法制审核通过 {board?.majorReviewed ?? 0} 件；应公示 {board?.publication.due ?? 0} 件，按时公示 {board?.publication.onTime ?? 0} 件。导入的历史案件不计入法制审核率。
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
