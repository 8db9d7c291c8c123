// 公众入口: 申请办理进度查询 by 查询码 (no login).
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Descriptions, Empty, Form, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../../web/api-client';
import { handleError } from '../../../web/kit/error-policy';
import { labelOf } from '../../../web/kit/format';
import { PortalFrame } from '../../../web/kit/portal-frame';
import { StatusTag } from '../../../web/kit/status-tag';
import { REPLY_TYPES, requestMachine } from '../request-machine';
import type { PublicRequestStatus } from './types';

export default function PortalQueryPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ code: string }>();
  const [result, setResult] = useState<PublicRequestStatus | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [loading, setLoading] = useState(false);
  const code = params.get('code') ?? '';

  useEffect(() => {
    form.setFieldsValue({ code });
    if (!code) return;
    let live = true;
    setLoading(true);
    setNotFound(false);
    api
      .get<PublicRequestStatus>(`/api/public/disclosure/requests/${encodeURIComponent(code)}`, undefined, { silent: true })
      .then((res) => live && setResult(res))
      .catch((e: unknown) => {
        if (!live) return;
        setResult(null);
        if (e instanceof ApiError && e.code === 'NOT_FOUND') setNotFound(true);
        else handleError(e, { form });
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [code, form]);

  return (
    <PortalFrame
      title="政府信息公开申请 · 进度查询"
      links={
        <Link to="/portal/disclosure" style={{ color: '#fff' }}>
          提交申请
        </Link>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title="凭查询码查询办理进度">
          <Form form={form} layout="inline" onFinish={(v) => setParams(v.code.trim() ? { code: v.code.trim() } : {})}>
            <Form.Item
              name="code"
              rules={[
                { required: true, whitespace: true, message: '请输入查询码' },
                { pattern: /^\s*[A-Za-z0-9]{12}\s*$/, message: '查询码为 12 位字母或数字' },
              ]}
              style={{ flex: 1, minWidth: 240 }}
            >
              <Input autoFocus size="large" maxLength={20} placeholder="请输入提交申请时获得的 12 位查询码" data-testid="query-code" />
            </Form.Item>
            <Button type="primary" size="large" htmlType="submit" icon={<SearchOutlined />} loading={loading} data-testid="query-submit">
              查询
            </Button>
          </Form>
        </Card>
        {result ? (
          <Card title="办理情况" data-testid="query-result">
            <Descriptions
              bordered
              column={1}
              items={[
                ...(result.requestNo ? [{ key: 'no', label: '登记号', children: result.requestNo }] : []),
                ...(result.applicantName ? [{ key: 'applicant', label: '申请人', children: result.applicantName }] : []),
                ...(result.orgName ? [{ key: 'org', label: '受理机关', children: result.orgName }] : []),
                { key: 'status', label: '办理状态', children: requestMachine.states[result.status as keyof typeof requestMachine.states] ? <StatusTag machine={requestMachine} state={result.status} /> : (result.statusLabel ?? result.status) },
                { key: 'received', label: '收到申请日期', children: result.receivedDate ?? '—' },
                { key: 'due', label: '答复期限', children: result.dueDate ?? '—' },
                ...(result.correctionItems
                  ? [
                      { key: 'correction', label: '需补正的事项', children: <span style={{ whiteSpace: 'pre-wrap' }}>{result.correctionItems}</span> },
                      { key: 'correctionDeadline', label: '补正期限', children: result.correctionDeadline ?? '—' },
                    ]
                  : []),
                { key: 'replyType', label: '答复类型', children: result.replyType ? (result.replyTypeLabel ?? labelOf(REPLY_TYPES, result.replyType)) : '尚未答复' },
                ...(result.replyNo ? [{ key: 'replyNo', label: '答复文号', children: result.replyNo }] : []),
                ...(result.repliedDate ? [{ key: 'replied', label: '答复日期', children: result.repliedDate }] : []),
              ]}
            />
          </Card>
        ) : null}
        {notFound ? (
          <Card>
            <Empty description="未找到该查询码对应的申请，请核对后重新输入" data-testid="query-not-found" />
          </Card>
        ) : null}
      </Space>
    </PortalFrame>
  );
}
