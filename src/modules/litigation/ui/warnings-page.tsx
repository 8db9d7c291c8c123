// 应诉三色预警: per defendant agency the year's figures, its colour and the rule that fired; a bar chart of
// 出庭率 and 败诉率 by agency; the thresholds (editable with 设置三色预警阈值); the year's statistics.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, Col, Form, InputNumber, Modal, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { api } from '../../../web/api-client';
import { EChart } from '../../../web/kit/echart';
import { attempt } from '../../../web/kit/error-policy';
import { todayLocal } from '../../../web/kit/format';
import { useSession } from '../../../web/session';
import type { AgencyRow, WarningRule } from './types';

interface StatItem {
  id: string;
  label: string;
  unit: string;
  value: number | null;
}

const COLOR: Record<AgencyRow['color'], { tag: string; label: string }> = {
  red: { tag: 'red', label: '红色' },
  yellow: { tag: 'gold', label: '黄色' },
  green: { tag: 'green', label: '绿色' },
};
const MAIN = ['litigation.cases', 'litigation.judged', 'litigation.lost', 'litigation.loss_rate', 'litigation.hearings', 'litigation.head_appearance_rate', 'litigation.head_appearance_case_rate', 'litigation.suggestion_reply_rate'];
const rate = (v: number | null) => (v === null ? '—' : `${v}%`);

const chart = (rows: AgencyRow[]) => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0, data: ['负责人出庭率', '败诉率'] },
  grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
  xAxis: { type: 'category', data: rows.map((r) => r.orgName), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
  yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
  series: [
    { name: '负责人出庭率', type: 'bar', data: rows.map((r) => r.appearanceRate), itemStyle: { color: '#1677ff' } },
    { name: '败诉率', type: 'bar', data: rows.map((r) => r.lossRate), itemStyle: { color: '#ff4d4f' } },
  ],
});

function RuleModal({ rule, onClose, onSaved }: { rule: WarningRule; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const num = (name: keyof WarningRule, label: string, suffix: string, max = 100) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={0} max={max} precision={0} suffix={suffix} style={{ width: 160 }} />
    </Form.Item>
  );
  return (
    <Modal open title={`${rule.year}年三色预警阈值`} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Form
        form={form}
        layout="vertical"
        initialValues={rule}
        onFinish={async (v: Record<string, number>) => {
          setBusy(true);
          try {
            await api.put('/api/litigation/warning-rule', { ...v, year: rule.year, version: rule.version }, { form });
            onSaved();
          } catch {
            // Shown on the form (409 asks to reload).
          } finally {
            setBusy(false);
          }
        }}
      >
        <Typography.Paragraph type="secondary">任一红色条件成立即为红色；否则任一黄色条件成立为黄色。次数类条件填 0 表示不启用。</Typography.Paragraph>
        <Row gutter={12}>
          <Col span={12}>
            <Typography.Text strong style={{ color: '#cf1322' }}>红色预警</Typography.Text>
            {num('redLossRate', '败诉率达到', '%')}
            {num('redAppearanceBelow', '负责人出庭率低于', '%')}
            {num('redNoShow', '仅律师出庭或无人出庭达到', '次', 1000)}
            {num('redOverdueDefence', '逾期答辩举证达到', '件', 1000)}
          </Col>
          <Col span={12}>
            <Typography.Text strong style={{ color: '#d48806' }}>黄色预警</Typography.Text>
            {num('yellowLossRate', '败诉率达到', '%')}
            {num('yellowAppearanceBelow', '负责人出庭率低于', '%')}
            {num('yellowOverdueSuggestion', '司法建议逾期回复达到', '件', 1000)}
          </Col>
        </Row>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="rule-submit">
            保存
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

export default function WarningsPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || Number(todayLocal().slice(0, 4));
  const focus = params.get('orgId') ? Number(params.get('orgId')) : null;
  const [rows, setRows] = useState<AgencyRow[]>([]);
  const [rule, setRule] = useState<WarningRule | null>(null);
  const [stats, setStats] = useState<StatItem[]>([]);
  const [editing, setEditing] = useState(false);
  const load = useCallback(async () => {
    await attempt(async () => {
      const [b, s] = await Promise.all([api.get<{ items: AgencyRow[]; rule: WarningRule }>('/api/litigation/board', { year }), api.get<{ items: StatItem[] }>('/api/litigation/statistics', { year })]);
      setRows(b.items);
      setRule(b.rule);
      setStats(s.items);
    });
  }, [year]);
  useEffect(() => {
    void load();
  }, [load]);
  const option = useMemo(() => chart(rows.slice(0, 15)), [rows]);
  const main = MAIN.map((id) => stats.find((i) => i.id === id)).filter((i): i is StatItem => Boolean(i));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="行政应诉三色预警"
        extra={
          <Space>
            <Typography.Text>年度</Typography.Text>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setParams({ year: String(v) })} data-testid="board-year" />
            {can('litigation:configure') && rule ? (
              <Button icon={<SettingOutlined />} onClick={() => setEditing(true)} data-testid="rule-edit">
                预警阈值
              </Button>
            ) : null}
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
        {rule ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            红色：败诉率 ≥ {rule.redLossRate}%，或出庭率 &lt; {rule.redAppearanceBelow}%{rule.redNoShow ? `，或仅律师/无人出庭 ≥ ${rule.redNoShow} 次` : ''}
            {rule.redOverdueDefence ? `，或逾期答辩 ≥ ${rule.redOverdueDefence} 件` : ''}；黄色：败诉率 ≥ {rule.yellowLossRate}%，或出庭率 &lt; {rule.yellowAppearanceBelow}%
            {rule.yellowOverdueSuggestion ? `，或司法建议逾期回复 ≥ ${rule.yellowOverdueSuggestion} 件` : ''}。纠错率未纳入：行政复议纠错率按复议机构统计，不能归属到被告机关。
          </Typography.Paragraph>
        ) : null}
      </Card>
      <Card title="各被告机关负责人出庭率与败诉率">
        <EChart option={option} testId="chart-agencies" height={320} />
      </Card>
      <Card title="按被告行政机关">
        <Table<AgencyRow>
          size="small"
          rowKey="orgId"
          pagination={false}
          dataSource={rows}
          data-testid="warning-table"
          rowClassName={(r) => (r.orgId === focus ? 'ant-table-row-selected' : '')}
          columns={[
            { title: '预警', dataIndex: 'color', width: 70, render: (v: AgencyRow['color'], r) => <Tag color={COLOR[v].tag} data-testid={`color-${r.orgId}`}>{COLOR[v].label}</Tag> },
            { title: '被告行政机关', dataIndex: 'orgName', width: 180 },
            { title: '收案', dataIndex: 'cases', width: 60 },
            { title: '审结', dataIndex: 'judged', width: 60 },
            { title: '败诉', dataIndex: 'lost', width: 60 },
            { title: '败诉率', dataIndex: 'lossRate', width: 80, render: rate },
            { title: '开庭', dataIndex: 'hearings', width: 60 },
            { title: '负责人出庭', dataIndex: 'headHearings', width: 90 },
            { title: '出庭率', dataIndex: 'appearanceRate', width: 80, render: (v: number | null, r) => <span data-testid={`rate-${r.orgId}`}>{rate(v)}</span> },
            { title: '仅律师/无人', dataIndex: 'noShow', width: 90 },
            { title: '逾期答辩', dataIndex: 'overdueDefence', width: 80 },
            { title: '建议逾期回复', dataIndex: 'overdueSuggestions', width: 100 },
            { title: '触发规则', dataIndex: 'reasons', render: (v: string[]) => (v.length ? v.join('；') : '—') },
          ]}
        />
      </Card>
      {editing && rule ? (
        <RuleModal
          rule={rule}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            message.success('已保存预警阈值');
            void load();
          }}
        />
      ) : null}
    </Space>
  );
}
