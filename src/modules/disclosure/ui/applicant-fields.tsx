// Applicant and request fields shared by the staff register form and the public portal form.
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { APPLICANT_TYPES, DELIVERY_METHODS } from '../request-machine';

// Same rules as contract.ts (which the server applies); repeated here to keep zod out of the bundle.
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const isValidIdNumber = (v: string): boolean => {
  if (/^\d{15}$/.test(v)) return true;
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
};

export function ApplicantFields({ autoFocus = false }: { autoFocus?: boolean }) {
  const form = Form.useFormInstance();
  const type = Form.useWatch('applicantType', form) as string | undefined;
  const delivery = Form.useWatch('deliveryMethod', form) as string | undefined;
  const person = !type || type === 'citizen';
  return (
    <>
      <Form.Item name="applicantType" label="申请人类型" rules={[{ required: true, message: '请选择申请人类型' }]}>
        <Radio.Group options={APPLICANT_TYPES.map((t) => ({ value: t.value, label: t.label }))} optionType="button" data-testid="applicant-type" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="applicantName" label={person ? '申请人姓名' : '申请人名称'} rules={[{ required: true, whitespace: true, message: person ? '请填写申请人姓名' : '请填写申请人名称' }]}>
            <Input autoFocus={autoFocus} maxLength={100} data-testid="applicant-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="applicantIdNumber"
            label="身份证号码（选填）"
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  !v || !v.trim() || isValidIdNumber(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error('身份证号码无效')),
              },
            ]}
          >
            <Input maxLength={18} data-testid="applicant-id-number" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="applicantPhone"
            label="联系电话"
            extra="手机号码或带区号的固定电话"
            rules={[
              { validator: (_, v: string | undefined) => (!v || PHONE.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error('联系电话格式无效'))) },
            ]}
          >
            <Input maxLength={20} inputMode="tel" data-testid="applicant-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="applicantEmail" label="电子邮箱" rules={[{ type: 'email', message: '电子邮箱格式不正确' }, { required: delivery === 'email', message: '选择电子邮件方式的，请填写电子邮箱' }]}>
            <Input maxLength={100} inputMode="email" data-testid="applicant-email" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="applicantAddress" label="通信地址" rules={[{ required: delivery === 'paper', whitespace: true, message: '选择纸质方式的，请填写通信地址' }]}>
        <Input maxLength={200} data-testid="applicant-address" />
      </Form.Item>
      <Form.Item
        name="content"
        label="申请公开的政府信息的内容描述"
        extra="请写明政府信息的名称、文号或者便于查询的其他特征性描述"
        rules={[
          { required: true, whitespace: true, message: '请填写申请公开的政府信息的内容描述' },
          { min: 5, message: '所需信息的描述至少 5 个字' },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} showCount data-testid="request-content" />
      </Form.Item>
      <Form.Item name="purpose" label="用途（选填）">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} data-testid="request-purpose" />
      </Form.Item>
      <Form.Item name="deliveryMethod" label="获取信息的方式" rules={[{ required: true, message: '请选择获取信息的方式' }]}>
        <Select options={DELIVERY_METHODS.map((d) => ({ value: d.value, label: d.label }))} style={{ maxWidth: 320 }} data-testid="delivery-method" />
      </Form.Item>
    </>
  );
}

/** Trims strings and drops empty optional values. */
export const cleanValues = (values: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    const value = typeof v === 'string' ? v.trim() : v;
    if (value === '') continue;
    out[k] = value;
  }
  return out;
};
