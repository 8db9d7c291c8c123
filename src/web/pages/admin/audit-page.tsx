// 审计日志 (审计管理员): filterable log with before/after JSON, and a check of the HMAC chain.
import { useState } from 'react';
import { App, AutoComplete, Button, Col, DatePicker, Form, Input, Row, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api } from '../../api-client';
import { attempt } from '../../kit/error-policy';
import { formatDateTime, fromDateString, toDateString } from '../../kit/format';
import { ListPage } from '../../kit/list-page';
import { useSession } from '../../session';

interface AuditRow {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  module: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  result: string;
  ip: string | null;
  requestId?: string | null;
}

interface Filters extends Record<string, unknown> {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  module?: string;
}

interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  problem: string | null;
}

const KERNEL_MODULES = [
  { value: 'auth', label: 'auth（认证）' },
  { value: 'system', label: 'system（系统管理）' },
  { value: 'security', label: 'security（安全管理）' },
  { value: 'audit', label: 'audit（审计）' },
  { value: 'calendar', label: 'calendar（节假日）' },
  { value: 'attachment', label: 'attachment（附件）' },
];

const json = (v: unknown) => (v === null || v === undefined ? <Typography.Text type="secondary">（无）</Typography.Text> : <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 320, overflow: 'auto' }}>{JSON.stringify(v, null, 2)}</pre>);

const columns: ColumnsType<AuditRow> = [
  { title: '序号', dataIndex: 'seq', width: 80 },
  { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
  { title: '操作人', dataIndex: 'actorName', render: (v: string | null) => v ?? <Typography.Text type="secondary">系统</Typography.Text> },
  { title: '操作', dataIndex: 'action' },
  { title: '模块', dataIndex: 'module' },
  { title: '对象', render: (_: unknown, r) => (r.entityType ? `${r.entityType}${r.entityId ? ` #${r.entityId}` : ''}` : '') },
  { title: '结果', dataIndex: 'result', render: (v: string) => <Tag color={v === 'success' ? 'green' : 'red'}>{v === 'success' ? '成功' : v === 'failure' ? '失败' : v}</Tag> },
  { title: '理由', dataIndex: 'reason', render: (v: string | null) => v ?? '' },
  { title: 'IP', dataIndex: 'ip', render: (v: string | null) => v ?? '' },
];

export default function AuditPage() {
  const { modal } = App.useApp();
  const { me } = useSession();
  const [verifying, setVerifying] = useState(false);
  const moduleOptions = [...KERNEL_MODULES, ...(me?.menu ?? []).map((g) => ({ value: g.key, label: `${g.key}（${g.label}）` }))];

  const verify = async () => {
    setVerifying(true);
    await attempt(async () => {
      const r = await api.post<VerifyResult>('/api/audit/verify', {});
      if (r.ok) {
        modal.success({ title: '审计链完整', content: `共校验 ${r.checked} 条审计记录，哈希链未发现篡改。` });
      } else {
        modal.error({
          title: '审计链校验未通过',
          content: (
            <div data-testid="audit-verify-problem">
              <p>已校验 {r.checked} 条。</p>
              {r.firstBadSeq !== null ? <p>首条异常记录序号：{r.firstBadSeq}</p> : null}
              {r.problem ? <p>问题：{r.problem}</p> : null}
            </div>
          ),
        });
      }
    });
    setVerifying(false);
  };

  return (
    <ListPage<AuditRow, Filters>
      title="审计日志"
      url="/api/audit/logs"
      exportUrl="/api/audit/logs/export"
      exportFileName="审计日志.xlsx"
      rowKey="seq"
      columns={columns}
      toQuery={(v) => ({ from: toDateString(v.range?.[0]), to: toDateString(v.range?.[1]), actor: v.actor?.trim(), action: v.action?.trim(), module: v.module?.trim() })}
      fromQuery={(q) => ({
        range: q.from || q.to ? [fromDateString(q.from) ?? null, fromDateString(q.to) ?? null] : undefined,
        actor: q.actor,
        action: q.action,
        module: q.module,
      })}
      actions={
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()} data-testid="audit-verify">
          校验审计链
        </Button>
      }
      tableProps={{
        size: 'small',
        expandable: {
          expandedRowRender: (r) => (
            <Row gutter={16}>
              <Col span={12}>
                <Typography.Text strong>变更前</Typography.Text>
                {json(r.before)}
              </Col>
              <Col span={12}>
                <Typography.Text strong>变更后</Typography.Text>
                {json(r.after)}
              </Col>
              {r.requestId ? (
                <Col span={24}>
                  <Typography.Text type="secondary">请求号：{r.requestId}</Typography.Text>
                </Col>
              ) : null}
            </Row>
          ),
          rowExpandable: (r) => r.before !== null || r.after !== null || Boolean(r.requestId),
        },
      }}
      filters={
        <>
          <Form.Item name="range" label="时间">
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
          </Form.Item>
          <Form.Item name="actor" label="操作人">
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="action" label="操作">
            <Input allowClear style={{ width: 160 }} placeholder="如 auth.login" />
          </Form.Item>
          <Form.Item name="module" label="模块">
            <AutoComplete allowClear options={moduleOptions} style={{ width: 180 }} showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }} />
          </Form.Item>
        </>
      }
    />
  );
}
