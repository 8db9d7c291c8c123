// 结果 tab: per-unit totals, per-item scores and ranks (ranked among all assessed units), a bar chart of
// totals, the Excel export, and a drill-down from a cell to its note, evidence and attachments.
import { useEffect, useMemo, useState } from 'react';
import { Button, Descriptions, Modal, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, downloadFile } from '../../../web/api-client';
import { AttachmentPanel } from '../../../web/kit/attachment-panel';
import { EChart } from '../../../web/kit/echart';
import { attempt } from '../../../web/kit/error-policy';
import { useSession } from '../../../web/session';
import type { ResultCell, Results } from './types';

export function SchemeResultsTab({ schemeId, reloadKey }: { schemeId: number; reloadKey: number }) {
  const { can } = useSession();
  const [res, setRes] = useState<Results | null>(null);
  const [cell, setCell] = useState<{ orgName: string; itemName: string; c: ResultCell } | null>(null);
  useEffect(() => {
    void attempt(async () => setRes(await api.get<Results>(`/api/assessment/schemes/${schemeId}/results`)));
  }, [schemeId, reloadKey]);
  const option = useMemo(
    () =>
      res
        ? {
            tooltip: { trigger: 'axis' },
            grid: { left: 48, right: 16, top: 24, bottom: 90 },
            xAxis: { type: 'category', data: res.rows.map((r) => r.orgName), axisLabel: { interval: 0, rotate: 30 } },
            yAxis: { type: 'value', max: res.totalMaxScore || undefined, name: '总分' },
            series: [{ type: 'bar', data: res.rows.map((r) => r.total), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'top' } }],
          }
        : {},
    [res],
  );
  if (!res) return null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">
          共 {res.targetCount} 个被考核单位，满分 {res.totalMaxScore} 分；排名在全部被考核单位中计算。点击得分查看评分说明与依据。
        </Typography.Text>
        {can('assessment:export') ? (
          <Button icon={<DownloadOutlined />} onClick={() => void attempt(() => downloadFile(`/api/assessment/schemes/${schemeId}/results/export`, `${res.scheme.year}年度法治建设考核结果.xlsx`))} data-testid="results-export">
            导出Excel
          </Button>
        ) : null}
      </Space>
      <Table
        size="small"
        rowKey="orgId"
        pagination={false}
        dataSource={res.rows}
        scroll={{ x: 'max-content' }}
        data-testid="results-table"
        columns={[
          { title: '排名', dataIndex: 'rank', width: 60, fixed: 'left', render: (v: number) => <Typography.Text strong>{v}</Typography.Text> },
          { title: '单位', dataIndex: 'orgName', fixed: 'left', width: 200 },
          { title: `总分（${res.totalMaxScore}）`, dataIndex: 'total', width: 100, render: (v: number) => <Typography.Text strong>{v}</Typography.Text> },
          { title: `折合（${res.scheme.weightInTarget}%）`, width: 100, render: (_: unknown, r) => Math.round(r.total * res.scheme.weightInTarget) / 100 },
          ...res.items.map((i) => ({
            title: `${i.name}（${i.maxScore}）`,
            width: 120,
            render: (_: unknown, r: Results['rows'][number]) => {
              const c = r.scores[String(i.id)];
              return c ? (
                <Button type="link" size="small" onClick={() => setCell({ orgName: r.orgName, itemName: i.name, c })} data-testid={`cell-${r.orgId}-${i.id}`}>
                  {c.score}
                </Button>
              ) : (
                <Typography.Text type="secondary">未评</Typography.Text>
              );
            },
          })),
        ]}
      />
      <EChart option={option} height={340} testId="results-chart" />
      <Modal open={cell !== null} title={cell ? `${cell.orgName} · ${cell.itemName}` : ''} footer={null} onCancel={() => setCell(null)} destroyOnHidden width={640}>
        {cell ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 's', label: '得分', children: cell.c.score },
                ...(cell.c.satisfied !== null
                  ? [{ key: 'd', label: '民主测评票数', children: `满意 ${cell.c.satisfied}，基本满意 ${cell.c.basicallySatisfied}，不满意 ${cell.c.dissatisfied}` }]
                  : []),
                { key: 'n', label: '评分说明', children: cell.c.note ?? '—' },
                { key: 'e', label: '评分依据', children: cell.c.evidence ?? '—' },
              ]}
            />
            <AttachmentPanel ownerType="assessment_score" ownerId={cell.c.id} canUpload={can('assessment:manage')} />
          </Space>
        ) : null}
      </Modal>
    </Space>
  );
}
