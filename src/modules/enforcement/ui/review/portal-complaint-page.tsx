// 公众入口: 网上投诉行政执法行为 (choose the body, describe the matter) and 凭查询码查询办理进度.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Select, Space, Typography } from 'antd';
import { api, ApiError } from '../../../../web/api-client';
import { handleError } from '../../../../web/kit/error-policy';
import { PortalFrame } from '../../../../web/kit/portal-frame';

interface Status {
  complaintNo: string;
  bodyName: string | null;
  subject: string;
  receivedDate: string;
  statusLabel: string;
  resultLabel: string | null;
  conclusion: string | null;
  concludedDate: string | null;
}

export default function PortalComplaintPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const [bodies, setBodies] = useState<{ value: number; label: string }[]>([]);
  const [receipt, setReceipt] = useState<{ receiptCode: string; complaintNo: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [notFound, setNotFound] = useState(false);
  const code = params.get('code') ?? '';
  useEffect(() => {
    void api.get<{ items: { id: number; name: string }[] }>('/api/public/enforcement/complaint-bodies').then((r) => setBodies(r.items.map((b) => ({ value: b.id, label: b.name }))));
  }, []);
  useEffect(() => {
    if (!code) return;
    setNotFound(false);
    api
      .get<Status>(`/api/public/enforcement/complaints/${encodeURIComponent(code)}`, undefined, { silent: true })
      .then(setStatus)
      .catch((e: unknown) => {
        setStatus(null);
        if (e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED')) setNotFound(true);
        else handleError(e);
      });
  }, [code]);
  return (
    <PortalFrame title="行政执法投诉">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title="网上投诉">
          {receipt ? (
            <Alert
              type="success"
              showIcon
              title="投诉已提交"
              description={
                <div>
                  编号 {receipt.complaintNo}，查询码 <Typography.Text strong copyable data-testid="receipt-code">{receipt.receiptCode}</Typography.Text>。请妥善保存查询码，凭码查询办理进度。
                </div>
              }
            />
          ) : (
            <Form
              form={form}
              layout="vertical"
              onFinish={async (v: Record<string, unknown>) => {
                setBusy(true);
                try {
                  setReceipt(await api.post('/api/public/enforcement/complaints', { ...v, complainantPhone: v.complainantPhone || null }, { form }));
                } catch {
                  // Shown on the form.
                } finally {
                  setBusy(false);
                }
              }}
            >
              <Form.Item name="bodyId" label="被投诉的行政执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={bodies} data-testid="portal-body" />
              </Form.Item>
              <Form.Item name="complainantName" label="您的姓名" rules={[{ required: true, message: '请填写姓名' }]}>
                <Input data-testid="portal-name" />
              </Form.Item>
              <Form.Item name="complainantPhone" label="联系电话">
                <Input data-testid="portal-phone" />
              </Form.Item>
              <Form.Item name="subject" label="投诉事项" rules={[{ required: true, message: '请填写投诉事项' }]}>
                <Input data-testid="portal-subject" />
              </Form.Item>
              <Form.Item name="content" label="具体情况" rules={[{ required: true, message: '请填写具体情况' }]}>
                <Input.TextArea rows={5} data-testid="portal-content" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="portal-submit">
                提交投诉
              </Button>
            </Form>
          )}
        </Card>
        <Card title="查询办理进度">
          <Form layout="inline" initialValues={{ code }} onFinish={(v: { code: string }) => setParams({ code: v.code.trim() })}>
            <Form.Item name="code" rules={[{ required: true, message: '请输入查询码' }]}>
              <Input placeholder="12 位查询码" style={{ width: 220 }} data-testid="query-code" />
            </Form.Item>
            <Button htmlType="submit">查询</Button>
          </Form>
          {status ? (
            <Descriptions
              style={{ marginTop: 16 }}
              bordered
              size="small"
              column={1}
              data-testid="query-result"
              items={[
                { key: 'no', label: '编号', children: status.complaintNo },
                { key: 'body', label: '被投诉执法主体', children: status.bodyName ?? '—' },
                { key: 'subject', label: '投诉事项', children: status.subject },
                { key: 'received', label: '收到日期', children: status.receivedDate },
                { key: 'status', label: '办理状态', children: status.statusLabel },
                ...(status.resultLabel ? [{ key: 'result', label: '核查结论', children: status.resultLabel }] : []),
                ...(status.conclusion ? [{ key: 'conclusion', label: '办理结果', children: status.conclusion }] : []),
              ]}
            />
          ) : notFound ? (
            <Empty style={{ marginTop: 16 }} description="未找到该查询码对应的投诉" />
          ) : null}
        </Card>
      </Space>
    </PortalFrame>
  );
}
