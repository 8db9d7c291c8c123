// 组织机构: the unit tree and a form to add or edit a unit (系统管理员).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Space, Switch, Tag, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api-client';
import { clearCache } from '../../kit/cache';
import { labelOf } from '../../kit/format';
import { ORG_KINDS } from '../../kit/labels';
import { buildOrgTree, OrgTreeSelect, useOrgs, type OrgItem, type OrgNode } from '../../kit/org-tree-select';

type Editing = { mode: 'edit'; org: OrgItem } | { mode: 'new'; parentId: number | null } | null;

interface OrgForm {
  name: string;
  shortName: string;
  kind: string;
  parentId: number | null;
  divisionCode?: string;
  sortOrder?: number;
  isActive?: boolean;
}

const descendants = (items: readonly OrgItem[], id: number): Set<number> => {
  const out = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of items) {
      if (o.parentId !== null && out.has(o.parentId) && !out.has(o.id)) {
        out.add(o.id);
        grew = true;
      }
    }
  }
  return out;
};

type TreeNode = { key: number; title: ReactNode; children: TreeNode[] };

const toTreeData = (nodes: OrgNode[]): TreeNode[] =>
  nodes.map((n) => ({
    key: n.value,
    title: (
      <span style={{ opacity: n.item.isActive === false ? 0.5 : 1 }}>
        {n.item.name}
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
          {n.item.kindLabel ?? labelOf(ORG_KINDS, n.item.kind)}
        </Typography.Text>
        {n.item.isActive === false ? (
          <Tag style={{ marginLeft: 6 }} color="default">
            已停用
          </Tag>
        ) : null}
      </span>
    ),
    children: toTreeData(n.children),
  }));

export default function OrgsPage() {
  const { message } = App.useApp();
  const [reloadKey, setReloadKey] = useState(0);
  const items = useOrgs('admin', reloadKey);
  const [editing, setEditing] = useState<Editing>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<OrgForm>();
  const tree = useMemo(() => toTreeData(buildOrgTree(items)), [items]);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.mode === 'edit') {
      const o = editing.org;
      form.setFieldsValue({ name: o.name, shortName: o.shortName ?? '', kind: o.kind, parentId: o.parentId, divisionCode: o.divisionCode ?? '', sortOrder: o.sortOrder ?? 0, isActive: o.isActive !== false });
    } else {
      form.setFieldsValue({ parentId: editing.parentId, sortOrder: 0, isActive: true, kind: 'department' });
    }
  }, [editing, form]);

  const save = async (v: OrgForm) => {
    if (!editing) return;
    setSaving(true);
    try {
      const body = {
        name: v.name.trim(),
        shortName: v.shortName.trim(),
        kind: v.kind,
        parentId: v.parentId ?? null,
        divisionCode: v.divisionCode?.trim() || null,
        sortOrder: v.sortOrder ?? 0,
      };
      let saved: OrgItem;
      if (editing.mode === 'edit') {
        saved = await api.patch<OrgItem>(`/api/system/orgs/${editing.org.id}`, { ...body, isActive: v.isActive !== false, version: editing.org.version }, { form });
      } else {
        saved = await api.post<OrgItem>('/api/system/orgs', body, { form });
      }
      message.success('已保存');
      clearCache();
      setReloadKey((k) => k + 1);
      setEditing(saved && typeof saved === 'object' && 'id' in saved ? { mode: 'edit', org: saved } : null);
    } catch {
      // Shown on the form or as a message.
    } finally {
      setSaving(false);
    }
  };

  const selectedId = editing?.mode === 'edit' ? editing.org.id : null;
  const blocked = editing?.mode === 'edit' ? descendants(items, editing.org.id) : undefined;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card
          title="组织机构"
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'new', parentId: null })} data-testid="org-add-root">
              新增顶级单位
            </Button>
          }
        >
          {tree.length > 0 ? (
            <Tree<TreeNode>
              showLine
              blockNode
              defaultExpandAll
              key={items.length}
              treeData={tree}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => {
                const org = items.find((o) => o.id === keys[0]);
                if (org) setEditing({ mode: 'edit', org });
              }}
              data-testid="org-tree"
            />
          ) : (
            <Empty />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          style={{ position: 'sticky', top: 16 }}
          title={editing?.mode === 'edit' ? `编辑：${editing.org.name}` : editing?.mode === 'new' ? '新增单位' : '单位信息'}
          extra={
            editing?.mode === 'edit' ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'new', parentId: editing.org.id })} data-testid="org-add-child">
                新增下级单位
              </Button>
            ) : null
          }
        >
          {editing ? (
            <Form<OrgForm> form={form} layout="vertical" onFinish={save} style={{ maxWidth: 560 }} data-testid="org-form">
              <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
                <Input autoFocus maxLength={100} data-testid="org-name" />
              </Form.Item>
              <Form.Item name="shortName" label="简称" extra="用于文书编号，如“示范县司法局”简称“示司”" rules={[{ required: true, whitespace: true, message: '请填写简称' }]}>
                <Input maxLength={20} data-testid="org-short-name" />
              </Form.Item>
              <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
                <Select options={ORG_KINDS.map((k) => ({ value: k.value, label: k.label }))} data-testid="org-kind" />
              </Form.Item>
              <Form.Item name="parentId" label="上级单位">
                <OrgTreeSelect source="admin" placeholder="无（顶级单位）" disabledIds={blocked} style={{ width: '100%' }} />
              </Form.Item>
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item name="divisionCode" label="行政区划代码" rules={[{ pattern: /^\d{6,12}$/, message: '行政区划代码为 6 至 12 位数字' }]}>
                    <Input maxLength={12} inputMode="numeric" />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="sortOrder" label="排序">
                    <InputNumber precision={0} min={0} max={100000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                {editing.mode === 'edit' ? (
                  <Col span={6}>
                    <Form.Item name="isActive" label="启用" valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Col>
                ) : null}
              </Row>
              <Space>
                <Button type="primary" htmlType="submit" loading={saving} data-testid="org-save">
                  保存
                </Button>
                <Button onClick={() => setEditing(null)}>取消</Button>
              </Space>
            </Form>
          ) : (
            <Empty description="在左侧选择单位进行编辑，或新增单位" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
