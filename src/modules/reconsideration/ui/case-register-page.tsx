// 登记行政复议申请: staff register an application received in person, by letter, online or orally.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Form, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../web/api-client';
import { toDateString, todayDayjs } from '../../../web/kit/format';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { useSession } from '../../../web/session';
import { CHANNELS } from '../case-machine';
import { ApplicationFields, applicationBody } from './application-fields';

export default function CaseRegisterPage() {
  const { me } = useSession();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      const body = { ...applicationBody(values), channel: values.channel, receivedDate: toDateString(values.receivedDate as Dayjs | null) };
      const record = await api.post<{ id: number; caseNo: string; applicationLate: boolean; applicationNote: string | null }>('/api/reconsideration/cases', body, { form });
      message.success(`已登记，案号 ${record.caseNo}`);
      if (record.applicationLate) modal.warning({ title: '申请可能超过法定申请期限', content: record.applicationNote ?? '', okText: '知道了' });
      navigate(`/reconsideration/cases/${record.id}`, { replace: true });
    } catch {
      // The error policy marked the fields; the input stays.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="登记行政复议申请">
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{ channel: 'letter', receivedDate: todayDayjs(), orgId: me?.user?.orgId, applicants: [{ type: 'citizen' }], thirdParties: [], obstacleDays: 0 }}
        style={{ maxWidth: 1100 }}
        data-testid="case-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="channel" label="申请方式" rules={[{ required: true, message: '请选择申请方式' }]}>
              <Select autoFocus options={CHANNELS.map((c) => ({ value: c.value, label: c.label }))} data-testid="case-channel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="receivedDate" label="收到申请日期" rules={[{ required: true, message: '请选择收到申请日期' }]} extra="受理审查期限自收到之日起五个工作日（第三十条）">
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(todayDayjs(), 'day')} data-testid="case-received-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="orgId" label="行政复议机构" rules={[{ required: true, message: '请选择行政复议机构' }]}>
              <OrgTreeSelect permission="reconsideration:register" allowClear={false} style={{ width: '100%' }} data-testid="case-org" />
            </Form.Item>
          </Col>
        </Row>
        <ApplicationFields />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="case-submit">
            登记
          </Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
          <Typography.Text type="secondary">登记后自动编号并起算受理审查期限；超过申请期限的会提示，由复议机构决定是否受理。</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
