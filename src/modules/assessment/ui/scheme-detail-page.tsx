// 考核方案详情: header with the scheme's actions (发布、自动取数、评分表、定稿) and tabs
// 考核项目 / 评分 / 结果 / 操作记录.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Result, Space, Spin, Table, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, CalculatorOutlined, DownloadOutlined } from '@ant-design/icons';
import { api, ApiError, downloadFile } from '../../../web/api-client';
import { attempt, handleError } from '../../../web/kit/error-policy';
import { formatDateTime } from '../../../web/kit/format';
import { useSession } from '../../../web/session';
import { ImportXlsxButton } from '../../../web/kit/import-xlsx-button';
import { SchemeItemsTab } from './scheme-items-tab';
import { SchemeStatusTag } from './scheme-list-page';
import { SchemeResultsTab } from './scheme-results-tab';
import { SchemeScoringTab } from './scheme-scoring-tab';
import type { SchemeDetail } from './types';

const ACTIONS: Record<string, string> = {
  'scheme.create': '新建方案',
  'scheme.update': '修改方案',
  'scheme.publish': '发布方案',
  'scheme.finalize': '定稿',
  'scheme.set_targets': '设置被考核单位',
  'scheme.item_add': '新增考核项目',
  'scheme.item_update': '修改考核项目',
  'scheme.item_delete': '删除考核项目',
  'score.save': '录入评分',
  'score.compute_auto': '自动取数',
  'score.import': '导入评分表',
  'result.export': '导出考核结果',
};

function Activity({ schemeId }: { schemeId: number }) {
  const [items, setItems] = useState<{ seq: number; at: string; actorName: string | null; action: string; reason: string | null }[] | null>(null);
  useEffect(() => {
    void attempt(async () => setItems((await api.get<{ items: NonNullable<typeof items> }>(`/api/assessment/schemes/${schemeId}/activity`)).items));
  }, [schemeId]);
  return (
    <Table
      size="small"
      rowKey="seq"
      loading={items === null}
      dataSource={items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
        { title: '操作人', dataIndex: 'actorName', width: 180 },
        { title: '操作', dataIndex: 'action', render: (v: string) => ACTIONS[v] ?? v },
        { title: '说明', dataIndex: 'reason', render: (v: string | null) => v ?? '' },
      ]}
    />
  );
}

export default function SchemeDetailPage() {
  const { id } = useParams();
  const { can } = useSession();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<SchemeDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [tab, setTab] = useState('items');
  const [reloadKey, setReloadKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      setDetail(await api.get<SchemeDetail>(`/api/assessment/schemes/${id}`, undefined, { silent: true }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NOT_FOUND') setMissing(true);
      else handleError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load, reloadKey]);
  if (missing) return <Result status="404" title="考核方案不存在或无权查看" extra={<Link to="/assessment/schemes">返回列表</Link>} />;
  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} />;
  const s = detail.scheme;
  const refresh = () => setReloadKey((k) => k + 1);
  const run = async (what: string, fn: () => Promise<unknown>) => {
    setBusy(true);
    const ok = await attempt(fn);
    setBusy(false);
    if (ok !== undefined) {
      message.success(what);
      refresh();
    }
  };
  const hasAuto = detail.items.some((i) => i.scorer === 'auto');
  return (
    <>
      <Link to="/assessment/schemes" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Flex justify="space-between" align="start" wrap gap={16}>
            <Space orientation="vertical" size={8}>
              <Space size={12} wrap>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="scheme-title">
                  {s.title}
                </Typography.Title>
                <SchemeStatusTag status={s.status} />
              </Space>
              <Typography.Text type="secondary">
                {s.orgName} · 法治建设占目标责任制考核 {s.weightInTarget}% · {detail.items.length} 个考核项目共 {detail.totalMaxScore} 分 · {detail.targetCount} 个被考核单位
              </Typography.Text>
            </Space>
            {detail.canManage ? (
              <Space wrap>
                {s.status === 'draft' ? (
                  <Popconfirm title="发布后考核项目不能再修改，确认发布？" onConfirm={() => void run('已发布', () => api.post(`/api/assessment/schemes/${s.id}/publish`, { version: s.version }))}>
                    <Button type="primary" loading={busy} data-testid="scheme-publish">
                      发布方案
                    </Button>
                  </Popconfirm>
                ) : null}
                {s.status === 'published' && hasAuto ? (
                  <Button icon={<CalculatorOutlined />} loading={busy} onClick={() => void run('自动取数完成', () => api.post(`/api/assessment/schemes/${s.id}/compute-auto`, {}))} data-testid="compute-auto">
                    自动取数
                  </Button>
                ) : null}
                {s.status === 'published' && can('assessment:import') ? (
                  <>
                    <Button icon={<DownloadOutlined />} onClick={() => void attempt(() => downloadFile(`/api/assessment/schemes/${s.id}/score-sheet`, `${s.year}年度评分表.xlsx`))}>
                      下载评分表
                    </Button>
                    <ImportXlsxButton url={`/api/assessment/schemes/${s.id}/score-sheet`} label="导入评分表" onImported={refresh} testId="score-import" />
                  </>
                ) : null}
                {s.status === 'published' ? (
                  <Popconfirm title="定稿后评分不能再修改，确认定稿？" onConfirm={() => void run('已定稿', () => api.post(`/api/assessment/schemes/${s.id}/finalize`, { version: s.version }))}>
                    <Button danger loading={busy} data-testid="scheme-finalize">
                      定稿
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ) : null}
          </Flex>
          <Descriptions
            size="small"
            style={{ marginTop: 12 }}
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'y', label: '年度', children: s.year },
              { key: 'd', label: '述职述法截止', children: s.dutyReportDueDate ?? '—' },
              { key: 'c', label: '创建时间', children: formatDateTime(s.createdAt) },
              { key: 'n', label: '说明', span: 'filled', children: s.note ?? '—' },
            ]}
          />
        </Card>
        <Card styles={{ body: { paddingTop: 8 } }}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'items', label: '考核项目', children: <SchemeItemsTab detail={detail} onChanged={refresh} /> },
              { key: 'scores', label: '评分', children: tab === 'scores' ? <SchemeScoringTab schemeId={s.id} reloadKey={reloadKey} onSaved={() => message.success('评分已保存')} /> : null },
              { key: 'results', label: '结果', children: tab === 'results' ? <SchemeResultsTab schemeId={s.id} reloadKey={reloadKey} /> : null },
              { key: 'activity', label: '操作记录', children: tab === 'activity' ? <Activity schemeId={s.id} /> : null },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
