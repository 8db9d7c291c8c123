// 公众入口: 凭查询码查询行政复议办理状态 (state and dates only).
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Descriptions, Empty, Form, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../../web/api-client';
import { handleError } from '../../../web/kit/error-policy';
import { PortalFrame } from '../../../web/kit/portal-frame';
import { portalLinks } from './portal-apply-page';

interface Status {
  caseNo: string;
  orgName: string | null;
  statusLabel: string;
  receivedDate: string;
  correctionNoticeDate: string | null;
  acceptedDate: string | null;
  hearingDate: string | null;
  decisionDate: string | null;
  decisionNo: string | null;
  closedDate: string | null;
}

export default function PortalQueryPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ code: string }>();
  const [result, setResult] = useState<Status | null>(null);
  const [notFound, setNotFound] = useState(false);
  const code = params.get('code') ?? '';
  useEffect(() => {
    form.setFieldsValue({ code });
    if (!code) return;
    let live = true;
    setNotFound(false);
    api
      .get<Status>(`/api/public/reconsideration/cases/${encodeURIComponent(code)}`, undefined, { silent: true })
      .then((res) => live && setResult(res))
      .catch((e: unknown) => {
        if (!live) return;
        setResult(null);
        if (e instanceof ApiError && e.code === 'NOT_FOUND') setNotFound(true);
        else handleError(e, { form });
      });
    return () => {
      live = false;
    };
  }, [code, form]);
  const row = (key: string, label: string, v: string | null) => (v ? [{ key, label, children: v }] : []);
  return (
    <PortalFrame title="行政复议 · 进度查询" links={portalLinks}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title="凭查询码查询办理状态">
          <Form form={form} layout="inline" onFinish={(v) => setParams(v.code.trim() ? { code: v.code.trim() } : {})}>
            <Form.Item name="code" style={{ flex: 1, minWidth: 240 }} rules={[{ required: true, whitespace: true, message: '请输入查询码' }, { pattern: /^\s*[A-Za-z0-9]{12}\s*$/, message: '查询码为 12 位字母或数字' }]}>
              <Input autoFocus size="large" maxLength={20} placeholder="请输入 12 位查询码" data-testid="query-code" />
            </Form.Item>
            <Button type="primary" size="large" htmlType="submit" icon={<SearchOutlined />} data-testid="query-submit">
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
                { key: 'no', label: '案号', children: result.caseNo },
                ...row('org', '行政复议机构', result.orgName),
                { key: 'status', label: '办理状态', children: result.statusLabel },
                { key: 'received', label: '收到申请日期', children: result.receivedDate },
                ...row('correction', '补正通知日期', result.correctionNoticeDate),
                ...row('accepted', '受理日期', result.acceptedDate),
                ...row('hearing', '听证日期', result.hearingDate),
                ...row('decision', '决定日期', result.decisionDate),
                ...row('decisionNo', '决定书文号', result.decisionNo),
                ...row('closed', '结案日期', result.closedDate),
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
