// 分解任务: a task under a 三级 indicator, with its lead unit and co-units and the 完成时限.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, DatePicker, Form, Input, Space, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { toDateString } from '../../../web/kit/format';
import { buildOrgTree, OrgTreeSelect, useOrgs } from '../../../web/kit/org-tree-select';
import { demonstrationApi } from './api';
import type { IndicatorNode, IndicatorTree } from './types';

interface Values {
  indicatorId: number;
  title: string;
  measures?: string;
  evidenceRequired?: string;
  dueDate: Dayjs;
  leadOrgId: number;
  coOrgIds?: number[];
}

// Only 三级 indicators can be chosen; 一级/二级 are headings.
interface TreeOption {
  value: number;
  title: string;
  selectable: boolean;
  children: TreeOption[];
}
const toTree = (nodes: IndicatorNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.id, title: `${n.code} ${n.name}`, selectable: n.level === 3, children: toTree(n.children ?? []) }));

export default function TaskCreatePage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [tree, setTree] = useState<IndicatorTree | null>(null);
  const [busy, setBusy] = useState(false);
  const orgs = useOrgs('scope', 0, 'demonstration:manage');
  const orgTree = useMemo(() => buildOrgTree(orgs), [orgs]);
  useEffect(() => {
    void attempt(async () => setTree(await api.get<IndicatorTree>('/api/demonstration/indicators')));
  }, []);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const res = await demonstrationApi({ form }).tasks.$post({
        json: {
          indicatorId: v.indicatorId,
          title: v.title,
          measures: v.measures ?? null,
          evidenceRequired: v.evidenceRequired ?? null,
          dueDate: toDateString(v.dueDate) ?? '',
          leadOrgId: v.leadOrgId,
          coOrgIds: v.coOrgIds ?? [],
        },
      });
      const body = (await res.json()) as { assignments: { id: number }[] };
      message.success(`已分解任务，生成 ${body.assignments.length} 项责任分工`);
      navigate(`/demonstration/assignments/${body.assignments[0]!.id}`);
    } catch {
      // Shown on the form.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="分解任务">
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 760 }}>
        <Form.Item name="indicatorId" label="三级指标" rules={[{ required: true, message: '请选择三级指标' }]}>
          <TreeSelect showSearch treeNodeFilterProp="title" treeDefaultExpandAll={false} placeholder="选择三级指标" treeData={tree ? toTree(tree.items) : []} data-testid="task-indicator" />
        </Form.Item>
        <Form.Item name="title" label="任务名称" rules={[{ required: true, whitespace: true, message: '请填写任务名称' }]}>
          <Input maxLength={200} data-testid="task-title" />
        </Form.Item>
        <Form.Item name="measures" label="工作措施">
          <Input.TextArea rows={3} maxLength={4000} data-testid="task-measures" />
        </Form.Item>
        <Form.Item name="evidenceRequired" label="佐证材料要求" help="不填则沿用指标的佐证材料">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space size={24} wrap>
          <Form.Item name="leadOrgId" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
            <OrgTreeSelect permission="demonstration:manage" style={{ width: 280 }} data-testid="task-lead" />
          </Form.Item>
          <Form.Item name="dueDate" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
            <DatePicker data-testid="task-due" />
          </Form.Item>
        </Space>
        <Form.Item name="coOrgIds" label="配合单位">
          <TreeSelect multiple allowClear showSearch treeNodeFilterProp="title" treeData={orgTree} placeholder="可多选" style={{ maxWidth: 560 }} data-testid="task-co" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="task-submit">
            分解并下发
          </Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
