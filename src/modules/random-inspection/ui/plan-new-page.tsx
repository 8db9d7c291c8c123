// 新建抽查计划: lead unit and items, kind (single / joint with participating units and their items), graded ratios, timing.
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { toDateString, todayLocal } from '../../../web/kit/format';
import { DEFAULT_GRADE_RATIOS, GRADES, PLAN_KINDS, TARGET_TYPES } from '../plan-machine';

interface Options {
  ownOrgId: number;
  units: { orgId: number; name: string; items: { id: number; name: string; kind: string; ratioPercent: number }[] }[];
}
interface Values {
  orgId: number;
  year: number;
  title: string;
  batch: string;
  kind: 'single' | 'joint';
  graded: boolean;
  gradeRatios: Record<string, number>;
  ratioPercent: number;
  targetType: string;
  scope: string;
  period: [Dayjs, Dayjs];
  itemIds: number[];
  participants?: { orgId: number; itemIds: number[] }[];
}

export default function PlanNewPage() {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [options, setOptions] = useState<Options | null>(null);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const graded = Form.useWatch('graded', form);
  const orgId = Form.useWatch('orgId', form);
  const participants = Form.useWatch('participants', form);
  useEffect(() => {
    void attempt(async () => {
      const o = await api.get<Options>('/api/random-inspection/plan-options');
      setOptions(o);
      const year = Number(todayLocal().slice(0, 4));
      form.setFieldsValue({
        orgId: o.ownOrgId,
        year,
        batch: '第一批',
        kind: 'single',
        graded: true,
        gradeRatios: DEFAULT_GRADE_RATIOS,
        ratioPercent: 5,
        targetType: 'enterprise',
        period: [dayjs(todayLocal()), dayjs(`${year}-12-31`)],
        itemIds: o.units.find((u) => u.orgId === o.ownOrgId)?.items.slice(0, 1).map((i) => i.id) ?? [],
      });
    });
  }, [form]);
  const itemsOf = (id: number | undefined) => (options?.units.find((u) => u.orgId === id)?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.kind === 'key' ? '重点' : '一般'}，${i.ratioPercent}%）` }));
  const own = options?.units.find((u) => u.orgId === options.ownOrgId);
  const submit = async (v: Values) => {
    setSaving(true);
    await attempt(async () => {
        const body = {
          orgId: v.orgId,
          year: v.year,
          title: v.title,
          batch: v.batch,
          kind: v.kind,
          graded: v.graded,
          gradeRatios: v.graded ? v.gradeRatios : undefined,
          ratioPercent: v.ratioPercent,
          targetType: v.targetType,
          scope: v.scope,
          startDate: toDateString(v.period?.[0]),
          endDate: toDateString(v.period?.[1]),
          itemIds: v.itemIds ?? [],
          participants: v.kind === 'joint' ? (v.participants ?? []).filter((p) => p?.orgId) : [],
        };
        const created = await api.post<{ id: number }>('/api/random-inspection/plans', body);
        navigate(`/random-inspection/plans/${created.id}`);
    });
    setSaving(false);
  };
  return (
    <Card title="新建抽查计划">
      {own ? null : <Alert type="warning" showIcon message="本单位尚未建立抽查事项清单，请先在“一单两库一细则”中维护抽查事项。" style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="plan-form" style={{ maxWidth: 960 }}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="orgId" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
              <Select options={own ? [{ value: own.orgId, label: own.name }] : []} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="batch" label="批次" rules={[{ required: true, message: '请填写批次' }]}>
              <Input data-testid="plan-batch" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
          <Input data-testid="plan-title" placeholder="如：2026年度食品经营与用地情况联合抽查" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label="计划类型">
              <Radio.Group options={PLAN_KINDS.map((k) => ({ value: k.value, label: k.label }))} optionType="button" data-testid="plan-kind" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="targetType" label="检查对象类型">
              <Select options={TARGET_TYPES.map((t) => ({ value: t.value, label: t.label }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="itemIds" label="本单位抽查事项" rules={[{ required: true, message: '请选择抽查事项' }]}>
          <Select mode="multiple" options={itemsOf(orgId)} data-testid="plan-items" />
        </Form.Item>
        {kind === 'joint' ? (
          <Card size="small" title="参与单位（进一次门、查多项事）" style={{ marginBottom: 16 }}>
            <Form.List name="participants">
              {(fields, { add, remove }) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="start" wrap>
                      <Form.Item name={[f.name, 'orgId']} rules={[{ required: true, message: '请选择参与单位' }]}>
                        <Select
                          style={{ width: 260 }}
                          placeholder="参与单位"
                          showSearch={{ optionFilterProp: 'label' }}
                          options={(options?.units ?? []).filter((u) => u.orgId !== orgId).map((u) => ({ value: u.orgId, label: u.name }))}
                          data-testid={`participant-${i}`}
                          onChange={(v: number) => form.setFieldValue(['participants', f.name, 'itemIds'], itemsOf(v).slice(0, 1).map((o) => o.value))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'itemIds']} rules={[{ required: true, message: '请选择参与单位的抽查事项' }]}>
                        <Select mode="multiple" style={{ width: 380 }} placeholder="参与单位的抽查事项" options={itemsOf(participants?.[i]?.orgId)} />
                      </Form.Item>
                      <Button icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="删除参与单位" />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="participant-add">
                    添加参与单位
                  </Button>
                </Space>
              )}
            </Form.List>
          </Card>
        ) : null}
        <Form.Item name="graded" label="按信用风险分类分级抽取" valuePropName="checked">
          <Switch data-testid="plan-graded" />
        </Form.Item>
        {graded ? (
          <Space wrap style={{ marginBottom: 8 }}>
            {GRADES.map((g) => (
              <Form.Item key={g} name={['gradeRatios', g]} label={`${g}类比例（%）`} rules={[{ required: true, message: '请填写比例' }]}>
                <InputNumber min={0} max={100} step={0.5} />
              </Form.Item>
            ))}
            <Typography.Text type="secondary">信用风险越高，抽查比例越高（默认 A3% B5% C10% D20%，可按计划调整）</Typography.Text>
          </Space>
        ) : (
          <Form.Item name="ratioPercent" label="抽查比例（%）" rules={[{ required: true, message: '请填写抽查比例' }]}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
        )}
        <Form.Item name="period" label="检查期间" rules={[{ required: true, message: '请选择检查期间' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="scope" label="抽查范围" rules={[{ required: true, message: '请填写抽查范围' }]}>
          <Input.TextArea rows={3} data-testid="plan-scope" placeholder="如：辖区内登记在册的食品经营者和用地企业" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="plan-submit">
            保存为草稿
          </Button>
          <Button onClick={() => navigate('/random-inspection/plans')}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
