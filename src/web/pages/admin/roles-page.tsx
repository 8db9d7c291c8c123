// 角色权限 (安全管理员): roles with their data scope and permissions, grouped by module; and 账号安全
// (unlock an account, reset its MFA) for holders of security:user_unlock.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Tree, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api-client';
import { attempt, handleError } from '../../kit/error-policy';
import { labelOf } from '../../kit/format';
import { ADMIN_KIND_LABELS, DATA_SCOPES } from '../../kit/labels';
import { useSession } from '../../session';
import { forgetRoles, loadPermissions, loadRoles, type PermissionRow, type RoleRow } from './roles-api';

interface RoleForm {
  code?: string;
  name: string;
  scope: string;
  adminKind: string | null;
  permissions: string[];
}

const ADMIN_KIND_OPTIONS = [{ value: '', label: '无（业务角色）' }, ...Object.entries(ADMIN_KIND_LABELS).map(([value, label]) => ({ value, label }))];

const GROUP = 'group:';

/** Permissions as a checkable tree: one node per module label. */
function PermissionTree({ permissions, value, onChange }: { permissions: PermissionRow[]; value?: string[]; onChange?: (v: string[]) => void }) {
  const treeData = useMemo(() => {
    const groups = new Map<string, PermissionRow[]>();
    for (const p of permissions) groups.set(p.moduleLabel, [...(groups.get(p.moduleLabel) ?? []), p]);
    return [...groups.entries()].map(([label, list]) => ({
      key: `${GROUP}${label}`,
      title: <Typography.Text strong>{label}</Typography.Text>,
      children: list.map((p) => ({
        key: p.code,
        title: (
          <span>
            {p.label}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
              {p.code}
            </Typography.Text>
          </span>
        ),
      })),
    }));
  }, [permissions]);
  return (
    <Tree
      checkable
      selectable={false}
      defaultExpandAll
      treeData={treeData}
      checkedKeys={value ?? []}
      onCheck={(checked) => {
        const keys = (Array.isArray(checked) ? checked : checked.checked).map(String).filter((k) => !k.startsWith(GROUP));
        onChange?.(keys);
      }}
      style={{ maxHeight: 420, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 4, padding: 8 }}
      data-testid="role-permissions"
    />
  );
}

function RoleModal({ role, permissions, onClose, onSaved }: { role: RoleRow | null; permissions: PermissionRow[]; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<RoleForm>();
  const [saving, setSaving] = useState(false);
  const save = async (v: RoleForm) => {
    setSaving(true);
    try {
      // PATCH takes the whole role (code and adminKind included) plus its version.
      const body = { code: role ? role.code : v.code?.trim(), name: v.name.trim(), scope: v.scope, adminKind: v.adminKind || null, permissions: v.permissions ?? [] };
      if (role) await api.patch(`/api/security/roles/${role.id}`, { ...body, version: role.version }, { form });
      else await api.post('/api/security/roles', body, { form });
      onSaved();
    } catch {
      // Shown on the form.
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={role ? `编辑角色：${role.name}` : '新增角色'} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }} width={640}>
      <Form<RoleForm>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={role ? { name: role.name, scope: role.scope, adminKind: role.adminKind ?? '', permissions: role.permissions } : { scope: 'unit', adminKind: '', permissions: [] }}
        data-testid="role-form"
      >
        {!role ? (
          <Form.Item name="code" label="角色编码" rules={[{ required: true, whitespace: true, message: '请填写角色编码' }, { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: '角色代码须为小写字母开头的 2 至 40 位字母、数字或下划线' }]}>
            <Input autoFocus maxLength={40} data-testid="role-code" />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label="角色名称" rules={[{ required: true, whitespace: true, message: '请填写角色名称' }]}>
          <Input autoFocus={Boolean(role)} maxLength={40} data-testid="role-name" />
        </Form.Item>
        <Form.Item name="adminKind" label="三员类别" extra="系统管理员、安全管理员、审计管理员须分设，登录须双因素认证">
          <Select options={ADMIN_KIND_OPTIONS} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item name="scope" label="数据范围" rules={[{ required: true, message: '请选择数据范围' }]} extra="决定该角色能看到哪些单位的业务数据">
          <Select options={DATA_SCOPES.map((s) => ({ value: s.value, label: s.label }))} style={{ maxWidth: 240 }} data-testid="role-scope" />
        </Form.Item>
        <Form.Item name="permissions" label="权限">
          <PermissionTree permissions={permissions} />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="role-save">
            保存
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

/** 账号安全: unlock an account or reset its MFA by user ID (the user list itself is 系统管理员's). */
function AccountSecurityCard() {
  const { message } = App.useApp();
  const [userId, setUserId] = useState<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (action: 'unlock' | 'reset-mfa') => {
    if (!userId) return;
    setBusy(action);
    const ok = await attempt(async () => {
      await api.post(`/api/security/users/${userId}/${action}`, {});
      return true;
    });
    setBusy(null);
    if (ok) message.success(action === 'unlock' ? `已解锁用户 ${userId}` : `已重置用户 ${userId} 的双因素认证，下次登录须重新绑定`);
  };
  return (
    <Card title="账号安全" size="small">
      <Space wrap>
        <span>用户 ID</span>
        <InputNumber min={1} precision={0} value={userId} onChange={(v) => setUserId(v ?? null)} style={{ width: 140 }} data-testid="security-user-id" />
        <Popconfirm title={`确认解锁用户 ${userId ?? ''} 的账号？`} onConfirm={() => run('unlock')} disabled={!userId}>
          <Button disabled={!userId} loading={busy === 'unlock'} data-testid="security-unlock">
            解锁账号
          </Button>
        </Popconfirm>
        <Popconfirm title={`确认重置用户 ${userId ?? ''} 的双因素认证？`} description="重置后该用户下次登录须重新绑定身份验证器" onConfirm={() => run('reset-mfa')} disabled={!userId}>
          <Button danger disabled={!userId} loading={busy === 'reset-mfa'} data-testid="security-reset-mfa">
            重置双因素认证
          </Button>
        </Popconfirm>
        <Typography.Text type="secondary">用户 ID 可向系统管理员查询；操作记入审计日志。</Typography.Text>
      </Space>
    </Card>
  );
}

export default function RolesPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [roles, setRoles] = useState<RoleRow[]>([]);
  const [permissions, setPermissions] = useState<PermissionRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<RoleRow | 'new' | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    forgetRoles();
    try {
      setRoles(await loadRoles());
    } catch (e) {
      handleError(e);
    }
    setLoading(false);
  }, []);

  useEffect(() => {
    void load();
    void attempt(async () => setPermissions(await loadPermissions()));
  }, [load]);

  const permissionLabel = useMemo(() => new Map(permissions.map((p) => [p.code, p.label])), [permissions]);

  const columns: ColumnsType<RoleRow> = [
    {
      title: '角色',
      dataIndex: 'name',
      render: (v: string, r) => (
        <Space size={4} wrap>
          {v}
          {r.adminKind ? <Tag color="purple">{ADMIN_KIND_LABELS[r.adminKind] ?? r.adminKind}</Tag> : null}
          {r.isBuiltin ? <Tag>内置</Tag> : null}
        </Space>
      ),
    },
    { title: '编码', dataIndex: 'code' },
    { title: '数据范围', dataIndex: 'scope', render: (v: string) => labelOf(DATA_SCOPES, v) },
    {
      title: '权限',
      dataIndex: 'permissions',
      render: (list: string[]) => (
        <Space size={[4, 4]} wrap style={{ maxWidth: 560 }}>
          {(list ?? []).map((p) => (
            <Tag key={p} style={{ marginInlineEnd: 0 }}>
              {permissionLabel.get(p) ?? p}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '操作',
      width: 80,
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => setEditing(r)} data-testid={`role-edit-${r.id}`}>
          编辑
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          角色权限
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="role-add">
          新增角色
        </Button>
      </Space>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <div data-testid="list-table">
          <Table<RoleRow> rowKey="id" loading={loading} columns={columns} dataSource={roles} pagination={false} scroll={{ x: 'max-content' }} />
        </div>
      </Card>
      {can('security:user_unlock') ? <AccountSecurityCard /> : null}
      {editing ? (
        <RoleModal
          role={editing === 'new' ? null : editing}
          permissions={permissions}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success('已保存');
            setEditing(null);
            void load();
          }}
        />
      ) : null}
    </Space>
  );
}
