// 公众入口: 政府信息公开申请 (no login). Shows the 查询码 after submission.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Form, Result, Space, TreeSelect, Typography } from 'antd';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { buildOrgTree } from '../../../web/kit/org-tree-select';
import { PortalFrame } from '../../../web/kit/portal-frame';
import { ApplicantFields, cleanValues } from './applicant-fields';

interface PublicOrg {
  id: number;
  name: string;
  parentId: number | null;
  kind: string;
}

interface Receipt {
  receiptCode: string;
  requestNo?: string;
  receivedDate?: string;
  orgName?: string;
}

const links = (
  <>
    <Link to="/portal/disclosure" style={{ color: '#fff' }}>
      提交申请
    </Link>
    <Link to="/portal/disclosure/query" style={{ color: '#fff' }}>
      进度查询
    </Link>
  </>
);

export default function PortalApplyPage() {
  const [form] = Form.useForm();
  const [orgs, setOrgs] = useState<PublicOrg[]>([]);
  const [saving, setSaving] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  useEffect(() => {
    void attempt(async () => {
      const res = await api.get<{ items: PublicOrg[] } | PublicOrg[]>('/api/public/disclosure/orgs');
      setOrgs(Array.isArray(res) ? res : (res.items ?? []));
    });
  }, []);

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      const res = await api.post<Receipt>('/api/public/disclosure/requests', cleanValues(values), { form });
      setReceipt(res);
      form.resetFields();
    } catch {
      // Field problems are on the form; the input stays.
    } finally {
      setSaving(false);
    }
  };

  if (receipt) {
    return (
      <PortalFrame title="政府信息公开申请" links={links}>
        <Card>
          <Result
            status="success"
            title="申请已提交"
            subTitle={`${receipt.orgName ? `受理单位：${receipt.orgName}。` : ''}请妥善保存下面的查询码，凭查询码查询办理进度。`}
            extra={
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <div>
                  <Typography.Text type="secondary">查询码</Typography.Text>
                  <Typography.Title level={1} copyable style={{ margin: '8px 0', letterSpacing: 6, fontFamily: 'monospace' }} data-testid="receipt-code">
                    {receipt.receiptCode}
                  </Typography.Title>
                </div>
                <Space>
                  <Link to={`/portal/disclosure/query?code=${encodeURIComponent(receipt.receiptCode)}`}>
                    <Button type="primary">查询办理进度</Button>
                  </Link>
                  <Button onClick={() => setReceipt(null)}>再提交一份申请</Button>
                </Space>
              </Space>
            }
          />
        </Card>
      </PortalFrame>
    );
  }

  return (
    <PortalFrame title="政府信息公开申请" links={links}>
      <Card title="在线提交政府信息公开申请">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 24 }}
          title="依据《中华人民共和国政府信息公开条例》，行政机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。"
        />
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          scrollToFirstError
          initialValues={{ applicantType: 'citizen', deliveryMethod: 'online' }}
          data-testid="portal-form"
        >
          <Form.Item name="orgId" label="向哪个机关申请" rules={[{ required: true, message: '请选择受理机关' }]}>
            <TreeSelect
              autoFocus
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder="请选择受理机关（可输入名称搜索）"
              treeData={buildOrgTree(orgs)}
              treeDefaultExpandAll
              data-testid="portal-org"
            />
          </Form.Item>
          <ApplicantFields />
          <Button type="primary" htmlType="submit" size="large" loading={saving} data-testid="portal-submit">
            提交申请
          </Button>
        </Form>
      </Card>
    </PortalFrame>
  );
}
