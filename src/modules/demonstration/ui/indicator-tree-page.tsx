// 示范创建指标体系: the edition's tree with 分值 / 得分 roll-up, task counts and live evidence; the office
// edits indicators (分值, 评价标准, 绑定统计项) and imports a whole edition from the 申报指南.
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { api, downloadFile } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { useSession } from '../../../web/session';
import { ImportXlsxButton } from '../../../web/kit/import-xlsx-button';
import type { Edition, IndicatorNode, IndicatorTree } from './types';

interface EditValues {
  name: string;
  standard?: string | null;
  evidenceRequired?: string | null;
  maxScore?: number | null;
  confirmed: boolean;
  statisticId?: string | null;
}

function EditModal({ node, catalog, onClose, onSaved }: { node: IndicatorNode; catalog: { id: string; label: string; section: string }[]; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: EditValues) => {
    setBusy(true);
    try {
      await api.patch(`/api/demonstration/indicators/${node.id}`, { version: node.version, ...v, maxScore: node.level === 3 ? (v.maxScore ?? null) : undefined, statisticId: v.statisticId ?? null }, { form });
      onSaved();
    } catch {
      // Shown on the form (409 asks to reload).
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`修改指标 ${node.code}`} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: node.name, standard: node.standard, evidenceRequired: node.evidenceRequired, maxScore: node.maxScore, confirmed: node.confirmed, statisticId: node.statisticId }}>
        <Form.Item name="name" label="指标名称" rules={[{ required: true, whitespace: true, message: '请填写指标名称' }]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        {node.level === 3 ? (
          <>
            <Form.Item name="standard" label="评价标准">
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="evidenceRequired" label="佐证材料">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item name="maxScore" label="分值" help="权重未公开发布，请按申报指南或专家意见填写">
              <InputNumber min={0} max={1000} precision={0} data-testid="indicator-max-score" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="statisticId" label="实时数据（绑定统计项）">
          <Select allowClear showSearch optionFilterProp="label" options={catalog.map((c) => ({ value: c.id, label: `${c.section} · ${c.label}` }))} placeholder="不绑定" />
        </Form.Item>
        <Form.Item name="confirmed" valuePropName="checked">
          <Checkbox>内容已按官方文件核实</Checkbox>
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

export default function IndicatorTreePage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [editions, setEditions] = useState<Edition[]>([]);
  const [editionId, setEditionId] = useState<number | undefined>();
  const [tree, setTree] = useState<IndicatorTree | null>(null);
  const [editing, setEditing] = useState<IndicatorNode | null>(null);
  const [catalog, setCatalog] = useState<{ id: string; label: string; section: string }[]>([]);
  const [meta, setMeta] = useState({ code: '', name: '' });
  const load = useCallback(async () => {
    await attempt(async () => {
      setEditions((await api.get<{ items: Edition[] }>('/api/demonstration/editions')).items);
      setTree(await api.get<IndicatorTree>('/api/demonstration/indicators', { editionId }));
    });
  }, [editionId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (can('demonstration:manage')) void attempt(async () => setCatalog((await api.get<{ items: typeof catalog }>('/api/demonstration/statistic-catalog')).items));
  }, [can]);

  const columns: ColumnsType<IndicatorNode> = [
    { title: '编码', dataIndex: 'code', width: 140, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    {
      title: '指标',
      dataIndex: 'name',
      render: (v: string, n) => (
        <Space orientation="vertical" size={2}>
          <Space size={6}>
            <Typography.Text strong={n.level < 3}>{v}</Typography.Text>
            {n.confirmed ? null : (
              <Tooltip title="示意内容，待按申报指南替换">
                <Tag color="orange">待核实</Tag>
              </Tooltip>
            )}
          </Space>
          {n.standard ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.standard}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: '分值', dataIndex: 'maxScore', width: 70, render: (v: number | null) => v ?? '—' },
    { title: '得分', dataIndex: 'score', width: 70, render: (v: number | null) => (v === null ? '—' : <Typography.Text strong>{v}</Typography.Text>) },
    {
      title: '任务（销号/推进/待审/逾期）',
      width: 200,
      render: (_: unknown, n) =>
        n.counts.total === 0 ? (
          <Typography.Text type="secondary">未分解</Typography.Text>
        ) : (
          <Link to={`/demonstration/assignments?indicatorId=${n.id}`}>
            <Space size={4}>
              <Tag color="green">{n.counts.closed}</Tag>
              <Tag color="blue">{n.counts.inProgress}</Tag>
              <Tag color="gold">{n.counts.submitted}</Tag>
              <Tag color={n.counts.overdue ? 'red' : 'default'}>{n.counts.overdue}</Tag>
            </Space>
          </Link>
        ),
    },
    {
      title: '实时数据',
      width: 180,
      render: (_: unknown, n) => (n.evidence ? <Tooltip title={n.evidence.id}>{`${n.evidence.label}：${n.evidence.value ?? '暂无'}${n.evidence.value !== null ? n.evidence.unit : ''}`}</Tooltip> : null),
    },
    ...(can('demonstration:manage')
      ? [{ title: '', width: 60, render: (_: unknown, n: IndicatorNode) => <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(n)} aria-label={`修改 ${n.code}`} /> }]
      : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="示范创建指标体系"
        extra={
          <Space wrap>
            <Select
              style={{ width: 320 }}
              value={tree?.edition.id}
              onChange={setEditionId}
              options={editions.map((e) => ({ value: e.id, label: `${e.name}${e.isCurrent ? '（现行）' : ''}` }))}
              data-testid="edition-select"
            />
            {can('demonstration:import') ? (
              <>
                <Button icon={<DownloadOutlined />} onClick={() => void attempt(() => downloadFile('/api/demonstration/templates/edition', '示范创建指标体系导入模板.xlsx'))}>
                  下载模板
                </Button>
                <Input placeholder="新版本编码" style={{ width: 110 }} value={meta.code} onChange={(e) => setMeta({ ...meta, code: e.target.value })} />
                <Input placeholder="新版本名称" style={{ width: 180 }} value={meta.name} onChange={(e) => setMeta({ ...meta, name: e.target.value })} />
                <ImportXlsxButton
                  url="/api/demonstration/editions/import"
                  label="导入指标体系"
                  testId="edition-import"
                  fields={() => {
                    if (!meta.code.trim() || !meta.name.trim()) {
                      message.warning('请先填写新版本的编码和名称');
                      return null;
                    }
                    return { code: meta.code.trim(), name: meta.name.trim(), isCurrent: 'false' };
                  }}
                  onImported={() => void load()}
                />
              </>
            ) : null}
          </Space>
        }
      >
        {tree ? (
          <Space size={48} wrap>
            <Statistic title="一级 / 二级 / 三级指标" value={`${tree.total.level1} / ${tree.total.level2} / ${tree.total.level3}`} />
            <Statistic title="总分值" value={tree.total.maxScore ?? 0} />
            <Statistic title="当前得分" value={tree.total.score ?? 0} data-testid="total-score" />
            <Statistic title="待核实指标" value={tree.total.unconfirmed} />
          </Space>
        ) : null}
        {tree && tree.total.unconfirmed > 0 ? (
          <Alert style={{ marginTop: 16 }} type="warning" showIcon title="标注“待核实”的指标为示意内容。指标体系以中央依法治国办印发的申报指南为准，请通过“导入指标体系”载入正式文本；分值（权重）未公开发布，请管理员按指南填写。" />
        ) : null}
      </Card>
      <Card>
        <Table<IndicatorNode>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={tree?.items ?? []}
          loading={!tree}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          key={tree?.edition.id ?? 0}
          data-testid="indicator-tree"
        />
      </Card>
      {editing ? (
        <EditModal
          node={editing}
          catalog={catalog}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success('已保存');
            void load();
          }}
        />
      ) : null}
    </Space>
  );
}
