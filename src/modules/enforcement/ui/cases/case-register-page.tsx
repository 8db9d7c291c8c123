// 登记执法案件: body, item of its catalogue, kind, party (natural persons' ID and phone encrypted), 涉企 / 重大, two or more certified officers.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { toDateString, todayDayjs } from '../../../../web/kit/format';
import { KINDS, MAJOR_GROUNDS, PARTY_KINDS, RISK_CLASSES } from '../../cases/case-machine';
import type { CaseOptions } from './types';

interface Values {
  bodyId?: number;
  kind: string;
  itemId?: number;
  caseNo?: string;
  title?: string;
  partyKind: string;
  partyName?: string;
  partyIdNumber?: string;
  partyPhone?: string;
  enterpriseRelated: boolean;
  isMajor: boolean;
  majorGround?: string;
  riskClass?: string;
  officerIds: number[];
  filedDate: Dayjs;
}

export default function CaseRegisterPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [options, setOptions] = useState<CaseOptions>({ bodies: [] });
  const [busy, setBusy] = useState(false);
  const bodyId = Form.useWatch('bodyId', form);
  const kind = Form.useWatch('kind', form);
  const partyKind = Form.useWatch('partyKind', form);
  const isMajor = Form.useWatch('isMajor', form);
  useEffect(() => {
    void attempt(async () => {
      const o = await api.get<CaseOptions>('/api/enforcement/cases/options');
      setOptions(o);
      if (o.bodies.length === 1) form.setFieldValue('bodyId', o.bodies[0]!.id);
    });
  }, [form]);
  const body = useMemo(() => options.bodies.find((b) => b.id === bodyId), [options, bodyId]);
  const items = (body?.items ?? []).filter((i) => i.kind === kind || !['penalty', 'licence', 'inspection', 'compulsory'].includes(i.kind));
  return (
    <Card title="登记执法案件">
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 860 }}
        initialValues={{ kind: 'penalty', partyKind: 'legal_person', enterpriseRelated: true, isMajor: false, officerIds: [], filedDate: todayDayjs() }}
        onValuesChange={(changed) => {
          if ('bodyId' in changed) form.setFieldsValue({ itemId: undefined, officerIds: [] });
          if ('kind' in changed) form.setFieldsValue({ itemId: undefined });
          if ('partyKind' in changed) form.setFieldsValue({ enterpriseRelated: changed.partyKind !== 'citizen' });
        }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            const row = await api.post<{ id: number; caseNo: string }>(
              '/api/enforcement/cases',
              {
                bodyId: v.bodyId,
                itemId: v.itemId,
                kind: v.kind,
                caseNo: v.caseNo?.trim() || null,
                title: v.title ?? '',
                partyName: v.partyName ?? '',
                partyKind: v.partyKind,
                partyIdNumber: v.partyKind === 'citizen' ? v.partyIdNumber?.trim() || null : null,
                partyPhone: v.partyKind === 'citizen' ? v.partyPhone?.trim() || null : null,
                enterpriseRelated: v.enterpriseRelated,
                isMajor: v.isMajor,
                majorGround: v.isMajor ? (v.majorGround ?? null) : null,
                riskClass: v.kind === 'inspection' ? (v.riskClass ?? null) : null,
                officerIds: v.officerIds,
                filedDate: toDateString(v.filedDate),
              },
              { form },
            );
            message.success(`已登记 ${row.caseNo}`);
            navigate(`/enforcement/cases/${row.id}`);
          } catch {
            // Shown on the form.
          } finally {
            setBusy(false);
          }
        }}
      >
        <Space wrap size={16} align="start">
          <Form.Item name="bodyId" label="执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
            <Select autoFocus style={{ width: 280 }} options={options.bodies.map((b) => ({ value: b.id, label: b.name }))} data-testid="case-body" placeholder="请选择" />
          </Form.Item>
          <Form.Item name="kind" label="案件类型" rules={[{ required: true, message: '请选择案件类型' }]}>
            <Select style={{ width: 140 }} options={KINDS.map((k) => ({ value: k.value, label: k.label }))} data-testid="case-kind" />
          </Form.Item>
          <Form.Item name="filedDate" label={kind === 'inspection' ? '检查日期' : kind === 'licence' ? '受理日期' : '立案日期'} rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker data-testid="case-filed" />
          </Form.Item>
          <Form.Item name="caseNo" label="案件编号" extra="不填则自动编号">
            <Input style={{ width: 220 }} maxLength={60} />
          </Form.Item>
        </Space>
        <Form.Item name="itemId" label="执法事项（本主体的事项目录）" rules={[{ required: true, message: '请选择执法事项' }]}>
          <Select showSearch optionFilterProp="label" options={items.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} data-testid="case-item" placeholder={body ? '请选择' : '请先选择执法主体'} />
        </Form.Item>
        <Form.Item name="title" label="案件名称" rules={[{ required: true, whitespace: true, message: '请填写案件名称' }]}>
          <Input maxLength={200} placeholder="如：某某食品店未取得食品经营许可从事食品经营案" data-testid="case-title" />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="partyKind" label="当事人类型">
            <Select style={{ width: 120 }} options={PARTY_KINDS.map((k) => ({ value: k.value, label: k.label }))} data-testid="case-party-kind" />
          </Form.Item>
          <Form.Item name="partyName" label="当事人" rules={[{ required: true, whitespace: true, message: '请填写当事人' }]}>
            <Input style={{ width: 260 }} maxLength={100} data-testid="case-party" />
          </Form.Item>
          {partyKind === 'citizen' ? (
            <>
              <Form.Item name="partyIdNumber" label="身份证号码" extra="加密保存，列表与导出中脱敏">
                <Input style={{ width: 220 }} maxLength={18} />
              </Form.Item>
              <Form.Item name="partyPhone" label="联系电话">
                <Input style={{ width: 160 }} maxLength={20} />
              </Form.Item>
            </>
          ) : null}
        </Space>
        <Space wrap size={24} align="start">
          <Form.Item name="enterpriseRelated" valuePropName="checked">
            <Checkbox data-testid="case-enterprise">涉企案件</Checkbox>
          </Form.Item>
          <Form.Item name="isMajor" valuePropName="checked">
            <Checkbox data-testid="case-major">重大执法决定（须法制审核）</Checkbox>
          </Form.Item>
          {isMajor ? (
            <Form.Item name="majorGround" label="第五十八条情形" rules={[{ required: true, message: '请选择情形' }]}>
              <Select style={{ width: 380 }} options={MAJOR_GROUNDS.map((g) => ({ value: g.value, label: g.label }))} data-testid="case-major-ground" />
            </Form.Item>
          ) : null}
          {kind === 'inspection' ? (
            <Form.Item name="riskClass" label="信用风险分类（分类分级检查）">
              <Select allowClear style={{ width: 200 }} options={RISK_CLASSES.map((g) => ({ value: g.value, label: g.label }))} />
            </Form.Item>
          ) : null}
        </Space>
        <Form.Item
          name="officerIds"
          label="承办执法人员"
          extra="不得少于两人，且持有有效行政执法证（行政处罚法第四十二条）；列表只含持有效证件的人员"
          rules={[{ type: 'array', min: 2, message: '执法人员不得少于两人' }]}
        >
          <Select mode="multiple" optionFilterProp="label" options={(body?.officers ?? []).map((o) => ({ value: o.id, label: o.name }))} data-testid="case-officers" placeholder={body ? '请选择' : '请先选择执法主体'} />
        </Form.Item>
        <Typography.Paragraph type="secondary">处罚案件登记后开始计算九十日决定期限（第六十条）。</Typography.Paragraph>
        <Space>
          <Button onClick={() => navigate(-1)}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="case-submit">
            登记
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
