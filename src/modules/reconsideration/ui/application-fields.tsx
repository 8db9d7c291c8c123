// The application's fields, shared by the staff register form and the public portal form.
import { Button, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { toDateString, todayDayjs } from '../../../web/kit/format';
import { FIELDS, PARTY_TYPES } from '../case-machine';
import { RespondentSelect } from './respondent-select';

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

function PartyRow({ name, prefix, testId }: { name: number; prefix: string; testId: string }) {
  return (
    <Row gutter={12}>
      <Col xs={24} md={5}>
        <Form.Item name={[name, 'name']} label="姓名或名称" rules={[{ required: true, whitespace: true, message: `请填写${prefix}姓名或名称` }]}>
          <Input maxLength={100} data-testid={`${testId}-name`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={4}>
        <Form.Item name={[name, 'type']} label="类型" initialValue="citizen">
          <Select options={PARTY_TYPES.map((t) => ({ value: t.value, label: t.label }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name={[name, 'idNumber']} label="身份证号 / 信用代码">
          <Input maxLength={30} data-testid={`${testId}-id`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={4}>
        <Form.Item name={[name, 'phone']} label="联系电话" rules={[{ validator: (_, v?: string) => (!v || PHONE.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error('联系电话格式无效'))) }]}>
          <Input maxLength={20} inputMode="tel" data-testid={`${testId}-phone`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={[name, 'address']} label="通信地址">
          <Input maxLength={200} data-testid={`${testId}-address`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function PartyList({ name, label, min }: { name: string; label: string; min: number }) {
  return (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <>
          {items.map((item, i) => (
            <Space key={item.key} align="start" style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
              <PartyRow name={item.name} prefix={label} testId={`${name}-${i}`} />
              {items.length > min ? <MinusCircleOutlined style={{ marginTop: 38 }} onClick={() => remove(item.name)} aria-label={`删除${label}`} /> : null}
            </Space>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ type: 'citizen' })} style={{ marginBottom: 16 }}>
            添加{label}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function ApplicationFields() {
  const form = Form.useFormInstance();
  const notInformed = Form.useWatch('notInformed', form) as boolean | undefined;
  return (
    <>
      <Divider titlePlacement="start" plain>
        申请人
      </Divider>
      <PartyList name="applicants" label="申请人" min={1} />
      <Divider titlePlacement="start" plain>
        第三人与委托代理人（如有）
      </Divider>
      <PartyList name="thirdParties" label="第三人" min={0} />
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={['agent', 'name']} label="委托代理人">
            <Input maxLength={100} placeholder="如：某律师事务所 某律师" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['agent', 'phone']} label="代理人电话">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        被申请人与行政行为
      </Divider>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="respondentOrgId" label="被申请人" rules={[{ required: true, message: '请选择被申请人' }]}>
            <RespondentSelect placeholder="作出行政行为的行政机关（可输入名称搜索）" data-testid="respondent" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="field" label="案件领域" rules={[{ required: true, message: '请选择案件领域' }]}>
            <Select options={FIELDS.map((f) => ({ value: f.value, label: f.label }))} data-testid="case-field" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="actName" label="被申请行政复议的行政行为" rules={[{ required: true, whitespace: true, message: '请填写行政行为' }, { min: 2, message: '至少 2 个字' }]}>
            <Input maxLength={200} placeholder="如：行政处罚决定书" data-testid="act-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="actDocNo" label="文书编号" tooltip="如行政处罚决定书文号。作出纠错决定后，被申请人的同一文号执法案件将标记为“被复议纠错”">
            <Input maxLength={100} placeholder="如：甲自然资罚〔2026〕3号" data-testid="act-doc-no" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="actDate" label="作出日期">
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(todayDayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="knewDate" label="知道该行为之日" rules={[{ required: true, message: '请选择日期' }]} extra="申请期限为六十日（第二十条）">
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(todayDayjs(), 'day')} data-testid="knew-date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="obstacleDays" label="因正当理由耽误的日数" extra="第二十条第二款">
            <InputNumber min={0} max={3650} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="notInformed" valuePropName="checked" label=" ">
            <Checkbox>行政机关未告知申请权利和期限</Checkbox>
          </Form.Item>
        </Col>
        {notInformed ? (
          <Col xs={24} md={6}>
            <Form.Item name="rightsKnownDate" label="知道申请权利和期限之日" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={6}>
          <Form.Item name="realProperty" valuePropName="checked" label=" ">
            <Checkbox>涉及不动产</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="request" label="行政复议请求" rules={[{ required: true, whitespace: true, message: '请填写行政复议请求' }, { min: 5, message: '至少 5 个字' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="case-request" />
      </Form.Item>
      <Form.Item name="factsReasons" label="事实和理由" rules={[{ required: true, whitespace: true, message: '请填写事实和理由' }, { min: 5, message: '至少 5 个字' }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={8000} showCount data-testid="case-facts" />
      </Form.Item>
    </>
  );
}

const clean = (v: unknown): unknown => (typeof v === 'string' ? v.trim() || null : v ?? null);
const cleanParty = (p: Record<string, unknown> | undefined) => ({ name: String(p?.name ?? '').trim(), type: p?.type ?? 'citizen', idNumber: clean(p?.idNumber), phone: clean(p?.phone), address: clean(p?.address) });

/** Form values → the JSON body (dates as YYYY-MM-DD, empty optional values dropped). */
export const applicationBody = (v: Record<string, unknown>): Record<string, unknown> => {
  const date = (x: unknown) => toDateString((x as Dayjs | null | undefined) ?? null);
  const agent = v.agent as Record<string, unknown> | undefined;
  return {
    orgId: v.orgId,
    respondentOrgId: v.respondentOrgId,
    applicants: ((v.applicants as Record<string, unknown>[] | undefined) ?? []).map(cleanParty),
    thirdParties: ((v.thirdParties as Record<string, unknown>[] | undefined) ?? []).filter((p) => p && String(p.name ?? '').trim()).map(cleanParty),
    agent: agent && String(agent.name ?? '').trim() ? cleanParty({ ...agent, type: 'citizen' }) : null,
    actName: String(v.actName ?? '').trim(),
    actDocNo: clean(v.actDocNo),
    actDate: date(v.actDate),
    knewDate: date(v.knewDate),
    notInformed: Boolean(v.notInformed),
    rightsKnownDate: v.notInformed ? date(v.rightsKnownDate) : null,
    obstacleDays: typeof v.obstacleDays === 'number' ? v.obstacleDays : 0,
    realProperty: Boolean(v.realProperty),
    field: v.field,
    request: String(v.request ?? '').trim(),
    factsReasons: String(v.factsReasons ?? '').trim(),
  };
};
