// 考核项目 tab: the items with their maxima (sum shown), and — while the scheme is a draft — editing of
// items and of the assessed units.
import { useEffect, useState } from 'react';
import { Button, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { buildOrgTree, useOrgs } from '../../../web/kit/org-tree-select';
import { labelOf } from '../../../web/kit/format';
import { AUTO_RULES, SCORERS } from '../options';
import type { Item, SchemeDetail } from './types';

interface Catalog {
  id: string;
  section: string;
  label: string;
  unit: string;
}

function ItemModal({ detail, item, onClose, onSaved }: { detail: SchemeDetail; item: Item | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [catalog, setCatalog] = useState<Catalog[]>([]);
  const [busy, setBusy] = useState(false);
  const scorer = Form.useWatch('scorer', form) as string | undefined;
  const autoRule = Form.useWatch('autoRule', form) as string | undefined;
  useEffect(() => {
    void attempt(async () => setCatalog((await api.get<{ items: Catalog[] }>('/api/reports/statistics/catalog')).items ?? []));
  }, []);
  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    const body = {
      item: {
        sortOrder: v.sortOrder ?? 0,
        name: v.name,
        maxScore: String(v.maxScore),
        scorer: v.scorer,
        rule: v.rule ?? null,
        statisticId: v.scorer === 'auto' ? (v.statisticId ?? null) : null,
        autoRule: v.scorer === 'auto' ? (v.autoRule ?? null) : null,
        penalty: v.scorer === 'auto' && v.penalty != null ? String(v.penalty) : null,
      },
      version: detail.scheme.version,
    };
    const url = item ? `/api/assessment/schemes/${detail.scheme.id}/items/${item.id}` : `/api/assessment/schemes/${detail.scheme.id}/items`;
    const ok = await attempt(() => (item ? api.patch(url, body, { form, fieldPrefix: 'item.' }) : api.post(url, body, { form, fieldPrefix: 'item.' })));
    setBusy(false);
    if (ok !== undefined) onSaved();
  };
  return (
    <Modal open title={item ? '修改考核项目' : '新增考核项目'} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy, 'data-testid': 'item-ok' } as never} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={item ?? { sortOrder: detail.items.length + 1, scorer: 'office' }}>
        <Space.Compact block>
          <Form.Item name="sortOrder" label="序号" style={{ width: 100 }}>
            <InputNumber min={0} max={9999} />
          </Form.Item>
          <Form.Item name="name" label="项目名称" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
            <Input maxLength={200} autoFocus />
          </Form.Item>
          <Form.Item name="maxScore" label="分值" style={{ width: 120 }} rules={[{ required: true, message: '请填写分值' }]}>
            <InputNumber min={0.01} max={1000} precision={2} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="scorer" label="评分方式" rules={[{ required: true, message: '请选择评分方式' }]}>
          <Select options={SCORERS.map((s) => ({ value: s.value, label: s.label }))} />
        </Form.Item>
        {scorer === 'auto' ? (
          <>
            <Form.Item name="statisticId" label="取数统计项" rules={[{ required: true, message: '请选择统计项' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={catalog.map((c) => ({ value: c.id, label: `${c.section} · ${c.label}（${c.unit}）` }))} />
            </Form.Item>
            <Form.Item name="autoRule" label="取数规则" rules={[{ required: true, message: '请选择取数规则' }]}>
              <Select options={AUTO_RULES.map((s) => ({ value: s.value, label: s.label }))} />
            </Form.Item>
            {autoRule === 'count_penalty' ? (
              <Form.Item name="penalty" label="每件扣分" rules={[{ required: true, message: '请填写每件扣分' }]}>
                <InputNumber min={0.01} max={1000} precision={2} />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        <Form.Item name="rule" label="评分细则">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TargetsModal({ detail, onClose, onSaved }: { detail: SchemeDetail; onClose: () => void; onSaved: () => void }) {
  const orgs = useOrgs('scope', 0, 'assessment:manage');
  const [value, setValue] = useState<number[]>(detail.targets.map((t) => t.orgId));
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    const ok = await attempt(() => api.put(`/api/assessment/schemes/${detail.scheme.id}/targets`, { orgIds: value, version: detail.scheme.version }));
    setBusy(false);
    if (ok !== undefined) onSaved();
  };
  return (
    <Modal open title="设置被考核单位" onCancel={onClose} onOk={() => void save()} okButtonProps={{ loading: busy }} destroyOnHidden width={640}>
      <TreeSelect<number[]>
        multiple
        treeCheckable
        showCheckedStrategy={TreeSelect.SHOW_ALL}
        treeCheckStrictly={false}
        value={value}
        onChange={(v) => setValue(v)}
        treeData={buildOrgTree(orgs)}
        treeDefaultExpandAll
        style={{ width: '100%' }}
        placeholder="请选择被考核单位"
        showSearch={{ treeNodeFilterProp: 'title' }}
      />
    </Modal>
  );
}

export function SchemeItemsTab({ detail, onChanged }: { detail: SchemeDetail; onChanged: () => void }) {
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const [targeting, setTargeting] = useState(false);
  const editable = detail.canManage && detail.scheme.status === 'draft';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Table<Item>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.items}
        data-testid="scheme-items"
        locale={{ emptyText: <Empty description="尚未设置考核项目" /> }}
        columns={[
          { title: '序号', dataIndex: 'sortOrder', width: 60 },
          { title: '考核项目', dataIndex: 'name' },
          { title: '分值', dataIndex: 'maxScore', width: 80 },
          {
            title: '评分方式',
            dataIndex: 'scorer',
            width: 150,
            render: (v: string, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={v === 'auto' ? 'blue' : v === 'democratic' ? 'purple' : v === 'third_party' ? 'cyan' : 'default'}>{labelOf(SCORERS, v)}</Tag>
                {r.statisticId ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.statisticId}</Typography.Text> : null}
              </Space>
            ),
          },
          { title: '评分细则', dataIndex: 'rule', render: (v: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{v ?? ''}</span> },
          ...(editable
            ? [
                {
                  title: '操作',
                  width: 120,
                  render: (_: unknown, r: Item) => (
                    <Space>
                      <Button size="small" type="link" onClick={() => setEditing(r)}>
                        修改
                      </Button>
                      <Popconfirm
                        title={`删除“${r.name}”？`}
                        onConfirm={async () => {
                          if ((await attempt(() => api.post(`/api/assessment/schemes/${detail.scheme.id}/items/${r.id}/delete`, { version: detail.scheme.version }))) !== undefined) onChanged();
                        }}
                      >
                        <Button size="small" type="link" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2}>
              <Typography.Text strong data-testid="items-total">
                {detail.totalMaxScore}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} colSpan={editable ? 3 : 2}>
              {detail.totalMaxScore !== 100 ? <Typography.Text type="warning">各项分值合计通常为 100 分</Typography.Text> : null}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {editable ? (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="item-new">
          新增考核项目
        </Button>
      ) : null}
      <div>
        <Typography.Title level={5}>被考核单位（{detail.targetCount} 个）</Typography.Title>
        <Space wrap>
          {detail.targets.map((t) => (
            <Tag key={t.orgId}>{t.orgName}</Tag>
          ))}
          {editable ? (
            <Button size="small" onClick={() => setTargeting(true)} data-testid="targets-edit">
              设置被考核单位
            </Button>
          ) : null}
        </Space>
      </div>
      {editing ? (
        <ItemModal
          detail={detail}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
      {targeting ? (
        <TargetsModal
          detail={detail}
          onClose={() => setTargeting(false)}
          onSaved={() => {
            setTargeting(false);
            onChanged();
          }}
        />
      ) : null}
    </Space>
  );
}
