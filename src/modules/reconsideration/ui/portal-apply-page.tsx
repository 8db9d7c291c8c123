// 公众入口: 网上申请行政复议 (no login); shows the 查询码 after submission.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Form, Result, Space, Typography } from 'antd';
import { api } from '../../../web/api-client';
import { PortalFrame } from '../../../web/kit/portal-frame';
import { ApplicationFields, applicationBody } from './application-fields';
import { RespondentSelect } from './respondent-select';

interface Receipt {
  receiptCode: string;
  caseNo: string;
  receivedDate: string;
}

export const portalLinks = (
  <>
    <Link to="/portal/reconsideration" style={{ color: '#fff' }}>
      申请行政复议
    </Link>
    <Link to="/portal/reconsideration/query" style={{ color: '#fff' }}>
      进度查询
    </Link>
  </>
);

export default function PortalApplyPage() {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  if (receipt) {
    return (
      <PortalFrame title="行政复议申请" links={portalLinks}>
        <Card>
          <Result
            status="success"
            title="申请已提交"
            subTitle={`收到日期 ${receipt.receivedDate}。行政复议机构将在五个工作日内进行审查。请妥善保存下面的查询码。`}
            extra={
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Typography.Title level={1} copyable style={{ margin: '8px 0', letterSpacing: 6, fontFamily: 'monospace' }} data-testid="receipt-code">
                  {receipt.receiptCode}
                </Typography.Title>
                <Link to={`/portal/reconsideration/query?code=${encodeURIComponent(receipt.receiptCode)}`}>
                  <Button type="primary">查询办理进度</Button>
                </Link>
              </Space>
            }
          />
        </Card>
      </PortalFrame>
    );
  }

  return (
    <PortalFrame title="行政复议申请" links={portalLinks}>
      <Card title="网上申请行政复议">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 24 }}
          title="依据《中华人民共和国行政复议法》，公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道该行政行为之日起六十日内提出行政复议申请。行政复议不收取任何费用。"
        />
        <Form
          form={form}
          layout="vertical"
          scrollToFirstError
          initialValues={{ applicants: [{ type: 'citizen' }], thirdParties: [], obstacleDays: 0 }}
          onFinish={async (values) => {
            setSaving(true);
            try {
              setReceipt(await api.post<Receipt>('/api/public/reconsideration/cases', applicationBody(values), { form }));
            } catch {
              // Field problems are on the form.
            } finally {
              setSaving(false);
            }
          }}
          data-testid="portal-form"
        >
          <Form.Item name="orgId" label="向哪个行政复议机构申请" rules={[{ required: true, message: '请选择行政复议机构' }]}>
            <RespondentSelect which="bodies" placeholder="请选择行政复议机构" data-testid="portal-body" />
          </Form.Item>
          <ApplicationFields />
          <Button type="primary" htmlType="submit" size="large" loading={saving} data-testid="portal-submit">
            提交申请
          </Button>
        </Form>
      </Card>
    </PortalFrame>
  );
}
