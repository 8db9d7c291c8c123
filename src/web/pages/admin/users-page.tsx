// 用户管理: 系统管理员 creates and edits accounts; a user also holding security:user_unlock can unlock
// accounts and reset MFA here (安全管理员 alone does it on 角色权限, as the user list is 系统管理员's).
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Switch, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api-client';
import { attempt } from '../../kit/error-policy';
import { ListPage } from '../../kit/list-page';
import { OrgTreeSelect } from '../../kit/org-tree-select';
import { useSession } from '../../session';
import { loadRoles } from './roles-api';
import { PASSWORD_POLICY, passwordProblem } from '../../kit/password';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  roleIds: number[];
  roleNames: string[];
  isActive: boolean;
  locked: boolean;
  totpEnabled: boolean;
  version: number;
}

interface UserForm {
  username?: string;
  displayName: string;
  orgId: number;
  roleIds: number[];
  password?: string;
  isActive?: boolean;
}

function UserModal({
  user,
  orgSource,
  knownRoles,
  onClose,
  onSaved,
}: {
  user: UserRow | null;
  orgSource: 'admin' | 'scope';
  knownRoles: ReadonlyMap<number, string>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<UserForm>();
  const [saving, setSaving] = useState(false);
  const [roles, setRoles] = useState<{ value: number; label: string }[]>([]);

  useEffect(() => {
    loadRoles()
      .then((list) => setRoles(list.map((r) => ({ value: r.id, label: r.name }))))
      // GET /api/security/roles is 安全管理员's; without it, offer the roles seen on the user list.
      .catch(() => setRoles([...knownRoles.entries()].sort((a, b) => a[0] - b[0]).map(([value, label]) => ({ value, label }))));
  }, [knownRoles]);

  const save = async (v: UserForm) => {
    setSaving(true);
    try {
      if (user) {
        await api.patch(`/api/system/users/${user.id}`, { displayName: v.displayName.trim(), orgId: v.orgId, roleIds: v.roleIds ?? [], isActive: v.isActive, version: user.version }, { form });
      } else {
        await api.post('/api/system/users', { username: v.username?.trim(), displayName: v.displayName.trim(), orgId: v.orgId, roleIds: v.roleIds ?? [], password: v.password }, { form });
      }
      onSaved();
    } catch {
      // Shown on the form.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={user ? `编辑用户：${user.username}` : '新增用户'} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }} width={560}>
      <Form<UserForm>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={user ? { displayName: user.displayName, orgId: user.orgId, roleIds: user.roleIds, isActive: user.isActive } : { roleIds: [] }}
        data-testid="user-form"
      >
        {!user ? (
          <Form.Item
            name="username"
            label="用户名"
            rules={[
              { required: true, whitespace: true, message: '请填写用户名' },
              { pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, message: '用户名须以字母开头，3 至 32 位字母、数字或 _.-' },
            ]}
          >
            <Input autoFocus autoComplete="off" maxLength={32} data-testid="user-username" />
          </Form.Item>
        ) : null}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input autoFocus={Boolean(user)} maxLength={40} data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="orgId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <OrgTreeSelect source={orgSource} allowClear={false} style={{ width: '100%' }} data-testid="user-org" />
        </Form.Item>
        <Form.Item name="roleIds" label="角色">
          <Select mode="multiple" options={roles} placeholder="请选择角色" showSearch={{ optionFilterProp: 'label' }} data-testid="user-roles" />
        </Form.Item>
        {!user ? (
          <Form.Item
            name="password"
            label="初始口令"
            extra={`${PASSWORD_POLICY}；用户首次登录须修改`}
            rules={[
              { required: true, message: '请设置初始口令' },
              { validator: (_, v: string | undefined) => (v && passwordProblem(v) ? Promise.reject(new Error(passwordProblem(v)!)) : Promise.resolve()) },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        ) : (
          <Form.Item name="isActive" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="user-save">
            保存
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [knownRoles, setKnownRoles] = useState<ReadonlyMap<number, string>>(new Map());
  const rememberRoles = (rows: UserRow[]) =>
    setKnownRoles((prev) => {
      const next = new Map(prev);
      for (const u of rows) u.roleIds?.forEach((id, i) => next.set(id, u.roleNames?.[i] ?? String(id)));
      return next.size === prev.size ? prev : next;
    });
  const manage = can('system:user_manage');
  const unlock = can('security:user_unlock');
  const orgSource = can('system:org_manage') ? 'admin' : 'scope';

  const securityAction = async (user: UserRow, action: 'unlock' | 'reset-mfa') => {
    const done = await attempt(async () => {
      await api.post(`/api/security/users/${user.id}/${action}`, {});
      return true;
    });
    if (done) {
      message.success(action === 'unlock' ? `已解锁 ${user.displayName}` : `已重置 ${user.displayName} 的双因素认证，下次登录须重新绑定`);
      setReloadKey((k) => k + 1);
    }
  };

  const columns: ColumnsType<UserRow> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '所属单位', dataIndex: 'orgName' },
    { title: '角色', dataIndex: 'roleNames', render: (names: string[]) => (names ?? []).map((n) => <Tag key={n}>{n}</Tag>) },
    {
      title: '状态',
      render: (_: unknown, u) => (
        <Space size={4} wrap>
          {u.isActive ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
          {u.locked ? (
            <Tag color="red" data-testid={`user-locked-${u.id}`}>
              锁定
            </Tag>
          ) : null}
          {u.totpEnabled ? <Tag color="blue">已绑定动态口令</Tag> : null}
        </Space>
      ),
    },
    {
      title: '操作',
      fixed: 'right',
      render: (_: unknown, u) => (
        <Space size={0} wrap>
          {manage ? (
            <Button type="link" size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.id}`}>
              编辑
            </Button>
          ) : null}
          {unlock && u.locked ? (
            <Popconfirm title={`确认解锁 ${u.displayName} 的账号？`} onConfirm={() => securityAction(u, 'unlock')}>
              <Button type="link" size="small" data-testid={`user-unlock-${u.id}`}>
                解锁
              </Button>
            </Popconfirm>
          ) : null}
          {unlock && u.totpEnabled ? (
            <Popconfirm title={`确认重置 ${u.displayName} 的双因素认证？`} description="重置后该用户下次登录须重新绑定身份验证器" onConfirm={() => securityAction(u, 'reset-mfa')}>
              <Button type="link" size="small" danger data-testid={`user-reset-mfa-${u.id}`}>
                重置双因素
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <ListPage<UserRow, { orgId?: number | null; q?: string }>
        title="用户管理"
        url="/api/system/users"
        exportUrl="/api/system/users/export"
        exportFileName="用户.xlsx"
        rowKey="id"
        columns={columns}
        reloadKey={reloadKey}
        onLoaded={(r) => rememberRoles(r.items)}
        fromQuery={(q) => ({ orgId: q.orgId ? Number(q.orgId) : undefined, q: q.q })}
        actions={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-add">
              新增用户
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="orgId" label="单位">
              <OrgTreeSelect source={orgSource} placeholder="全部" style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="用户名 / 姓名" style={{ width: 180 }} />
            </Form.Item>
          </>
        }
      />
      {editing ? (
        <UserModal
          user={editing === 'new' ? null : editing}
          orgSource={orgSource}
          knownRoles={knownRoles}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success('已保存');
            setEditing(null);
            setReloadKey((k) => k + 1);
          }}
        />
      ) : null}
    </>
  );
}
