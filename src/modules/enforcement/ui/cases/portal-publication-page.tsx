// 门户：行政执法决定公示 (no login) — searchable list of published decisions; natural persons' names masked.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { SearchOutlined } from '@ant-design/icons';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { fromDateString, labelOf, toDateString } from '../../../../web/kit/format';
import { PortalFrame } from '../../../../web/kit/portal-frame';
import { KINDS } from '../../cases/case-machine';

interface Item {
  id: number;
  bodyName: string;
  category: string;
  targetName: string;
  decisionNo: string | null;
  decidedDate: string;
  conclusion: string | null;
  publishedDate: string | null;
}

export default function PortalPublicationPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ q?: string; bodyName?: string; category?: string; range?: [Dayjs | null, Dayjs | null] }>();
  const [data, setData] = useState<{ total: number; items: Item[] }>({ total: 0, items: [] });
  const [loading, setLoading] = useState(false);
  const page = Number(params.get('page') ?? '1');
  useEffect(() => {
    form.setFieldsValue({ q: params.get('q') ?? undefined, bodyName: params.get('bodyName') ?? undefined, category: params.get('category') ?? undefined, range: [fromDateString(params.get('from')) ?? null, fromDateString(params.get('to')) ?? null] });
    setLoading(true);
    const query: Record<string, string> = {};
    for (const k of ['q', 'bodyName', 'category', 'from', 'to', 'page']) if (params.get(k)) query[k] = params.get(k)!;
    void attempt(async () => setData(await api.get<{ total: number; items: Item[] }>('/api/public/enforcement/publications', query))).finally(() => setLoading(false));
  }, [params, form]);
  return (
    <PortalFrame title="行政执法公示">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Form
            form={form}
            layout="inline"
            onFinish={(v) => {
              const next: Record<string, string> = {};
              if (v.q?.trim()) next.q = v.q.trim();
              if (v.bodyName?.trim()) next.bodyName = v.bodyName.trim();
              if (v.category) next.category = v.category;
              const from = toDateString(v.range?.[0] ?? null);
              const to = toDateString(v.range?.[1] ?? null);
              if (from) next.from = from;
              if (to) next.to = to;
              setParams(next);
            }}
          >
            <Form.Item name="q">
              <Input allowClear placeholder="当事人 / 文号 / 内容" style={{ width: 180 }} data-testid="portal-q" />
            </Form.Item>
            <Form.Item name="bodyName">
              <Input allowClear placeholder="执法主体" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="category">
              <Select allowClear placeholder="类别" style={{ width: 120 }} options={KINDS.map((k) => ({ value: k.value, label: k.label }))} />
            </Form.Item>
            <Form.Item name="range">
              <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={['公示起', '公示止']} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="portal-search">
              查询
            </Button>
          </Form>
        </Card>
        <Card title={`已公示的行政执法决定（${data.total} 条）`}>
          <Table<Item>
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={data.items}
            data-testid="portal-publications"
            scroll={{ x: 980 }}
            pagination={{ current: page, pageSize: 20, total: data.total, showSizeChanger: false, onChange: (p) => setParams((prev) => ({ ...Object.fromEntries(prev), page: String(p) })) }}
            columns={[
              { title: '执法主体', dataIndex: 'bodyName', width: 170 },
              { title: '类别', dataIndex: 'category', width: 90, render: (v: string) => labelOf(KINDS, v) },
              { title: '执法对象', dataIndex: 'targetName', width: 150 },
              { title: '决定书文号', dataIndex: 'decisionNo', width: 170 },
              { title: '结论', dataIndex: 'conclusion', width: 200 },
              { title: '决定日期', dataIndex: 'decidedDate', width: 110 },
              { title: '公示日期', dataIndex: 'publishedDate', width: 110 },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            依据国办发〔2018〕118号公开行政许可、行政处罚等执法决定信息；自然人当事人的姓名已作脱敏处理，不公开身份证号码、联系方式等个人信息。
          </Typography.Paragraph>
        </Card>
      </Space>
    </PortalFrame>
  );
}
