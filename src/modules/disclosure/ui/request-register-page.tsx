// 登记申请: staff register a request received by letter, in person, fax, e-mail or online.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { disclosureApi } from './api';
import type { RegisterRequestInput } from '../contract';
import { App, Button, Card, Col, DatePicker, Divider, Form, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { toDateString, todayDayjs } from '../../../web/kit/format';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { useSession } from '../../../web/session';
import { CHANNELS } from '../request-machine';
import { ApplicantFields, cleanValues } from './applicant-fields';
import type { RequestRecord } from './types';

export default function RequestRegisterPage() {
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      const body = cleanValues({ ...values, receivedDate: toDateString(values.receivedDate as Dayjs | null) }) as RegisterRequestInput;
      const record = (await (await disclosureApi({ form }).requests.$post({ json: body })).json()) as RequestRecord;
      message.success(`已登记，登记号 ${record.requestNo}`);
      navigate(`/disclosure/requests/${record.id}`, { replace: true });
    } catch {
      // The error policy marked the fields or showed the message; the input stays.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="登记政府信息公开申请">
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{ channel: 'letter', receivedDate: todayDayjs(), applicantType: 'citizen', deliveryMethod: 'paper', orgId: me?.user?.orgId }}
        style={{ maxWidth: 880 }}
        data-testid="disclosure-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="channel" label="申请渠道" rules={[{ required: true, message: '请选择申请渠道' }]}>
              <Select autoFocus options={CHANNELS.map((c) => ({ value: c.value, label: c.label }))} data-testid="request-channel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="receivedDate" label="收到申请日期" rules={[{ required: true, message: '请选择收到申请日期' }]} extra="答复期限自收到申请之日起计算">
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" disabledDate={(d) => d.isAfter(todayDayjs(), 'day')} data-testid="request-received-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="orgId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
              <OrgTreeSelect permission="disclosure:register" allowClear={false} style={{ width: '100%' }} data-testid="request-org" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          申请人与申请内容
        </Divider>
        <ApplicantFields />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="disclosure-submit">
            登记
          </Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
          <Typography.Text type="secondary">登记后自动起算答复期限（20个工作日）</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
