// 登记行政诉讼案件: the liaison of the sued agency (or the 司法局 coordinator) registers a lawsuit.
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { toDateString, todayDayjs } from '../../../web/kit/format';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { useSession } from '../../../web/session';
import { CAUSES, INSTANCES, PARTY_TYPES, PROCEDURES } from '../case-machine';
import { litigationApi } from './api';

const opts = (list: readonly { value: string; label: string }[]) => list.map((o) => ({ value: o.value, label: o.label }));
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

export default function CaseRegisterPage() {
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const after = Form.useWatch('afterReconsideration', form) as boolean | undefined;
  const instance = Form.useWatch('instance', form) as string | undefined;

  const submit = async (v: Record<string, unknown>) => {
    setSaving(true);
    try {
      const json = {
        orgId: v.orgId as number,
        courtName: String(v.courtName ?? '').trim(),
        courtCaseNo: String(v.courtCaseNo ?? '').trim(),
        instance: v.instance as 'first',
        procedure: v.procedure as 'ordinary',
        parentCaseId: v.parentCaseId ? Number(v.parentCaseId) : null,
        plaintiffs: ((v.plaintiffs as Record<string, unknown>[]) ?? []).map((p) => ({ name: String(p.name ?? '').trim(), type: p.type as 'citizen', idNumber: text(p.idNumber), phone: text(p.phone) })),
        thirdParties: text(v.thirdParties),
        cause: v.cause as 'penalty',
        contestedAct: String(v.contestedAct ?? '').trim(),
        afterReconsideration: Boolean(v.afterReconsideration),
        reconsiderationDecisionNo: v.afterReconsideration ? text(v.reconsiderationDecisionNo) : null,
        filedDate: toDateString(v.filedDate as Dayjs | null) ?? '',
        servedDate: toDateString(v.servedDate as Dayjs | null),
      };
      const record = (await (await litigationApi({ form }).cases.$post({ json })).json()) as { id: number; caseNo: string };
      message.success(`已登记，编号 ${record.caseNo}`);
      navigate(`/litigation/cases/${record.id}`, { replace: true });
    } catch {
      // The error policy marked the fields; the input stays.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="登记行政诉讼案件">
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{
          orgId: me?.user?.orgId,
          instance: params.get('instance') ?? 'first',
          procedure: 'ordinary',
          parentCaseId: params.get('parentCaseId') ?? undefined,
          plaintiffs: [{ type: 'citizen' }],
          afterReconsideration: false,
          filedDate: todayDayjs(),
          servedDate: todayDayjs(),
        }}
        style={{ maxWidth: 1100 }}
        data-testid="case-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="orgId" label="被告行政机关" rules={[{ required: true, message: '请选择被告行政机关' }]}>
              <OrgTreeSelect permission="litigation:register" allowClear={false} style={{ width: '100%' }} data-testid="case-org" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="courtName" label="受理法院" rules={[{ required: true, whitespace: true, message: '请填写受理法院' }]}>
              <Input autoFocus maxLength={100} placeholder="如：青山县人民法院" data-testid="case-court" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="courtCaseNo" label="法院案号" rules={[{ required: true, whitespace: true, message: '请填写法院案号' }]}>
              <Input maxLength={60} placeholder="（2026）苏0612行初123号" data-testid="case-court-no" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="instance" label="审级" rules={[{ required: true, message: '请选择审级' }]}>
              <Select options={opts(INSTANCES)} data-testid="case-instance" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="procedure" label="审理程序">
              <Select options={opts(PROCEDURES)} />
            </Form.Item>
          </Col>
          {instance && instance !== 'first' ? (
            <Col xs={24} md={8}>
              <Form.Item name="parentCaseId" label="原审案件 ID（可选）">
                <Input maxLength={12} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={12} md={instance && instance !== 'first' ? 8 : 8}>
            <Form.Item name="cause" label="案由" rules={[{ required: true, message: '请选择案由' }]}>
              <Select options={opts(CAUSES)} placeholder="请选择" data-testid="case-cause" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contestedAct" label="被诉行政行为" rules={[{ required: true, whitespace: true, message: '请填写被诉行政行为' }]}>
              <Input maxLength={300} placeholder="如：青自然资罚〔2026〕12号行政处罚决定" data-testid="case-act" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>原告</Typography.Title>
        <Form.List name="plaintiffs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'type']} rules={[{ required: true, message: '请选择类型' }]}>
                    <Select options={opts(PARTY_TYPES)} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写原告' }]}>
                    <Input placeholder="姓名或名称" maxLength={100} style={{ width: 220 }} data-testid={`plaintiffs-${i}-name`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'idNumber']}>
                    <Input placeholder="身份证号 / 统一社会信用代码（加密存储）" maxLength={30} style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']}>
                    <Input placeholder="联系电话" maxLength={20} style={{ width: 150 }} />
                  </Form.Item>
                  {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} style={{ marginTop: 8 }} aria-label="删除原告" /> : null}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ type: 'citizen' })} icon={<PlusOutlined />} style={{ marginBottom: 16 }}>
                添加原告
              </Button>
            </>
          )}
        </Form.List>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="thirdParties" label="第三人">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="afterReconsideration" label="经行政复议" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          {after ? (
            <Col xs={12} md={6}>
              <Form.Item name="reconsiderationDecisionNo" label="复议决定书文号">
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="filedDate" label="立案日期" rules={[{ required: true, message: '请选择立案日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(todayDayjs(), 'day')} data-testid="case-filed-date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="servedDate" label="收到应诉通知书及起诉状副本日期" extra="自收到之日起十五日内提交答辩状和证据（《行政诉讼法》第六十七条）；未收到的请清空">
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(todayDayjs(), 'day')} data-testid="case-served-date" />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="case-submit">
            登记
          </Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
          <Typography.Text type="secondary">登记后自动编号；填写送达日期的，自动起算答辩举证期限。</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
