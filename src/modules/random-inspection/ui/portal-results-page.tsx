// 公众入口: 双随机抽查结果公示 (target, credit code, item, result, date, unit) with a search, and the draws (seed, digest).
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Collapse, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { PortalFrame } from '../../../web/kit/portal-frame';

interface Published {
  id: number;
  targetName: string;
  creditCode: string;
  itemNames: string;
  outcomeLabel: string;
  outcome: string;
  resultDate: string;
  publishedDate: string;
  orgName: string;
  joint: boolean;
}
interface Draw {
  planId: number;
  planNo: string;
  title: string;
  orgName: string;
  seed: string;
  snapshotDigest: string;
  drawnAt: string;
  targets: { name: string; creditCode: string }[];
}

export default function PortalResultsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1);
  const [data, setData] = useState<{ items: Published[]; total: number }>({ items: [], total: 0 });
  const [draws, setDraws] = useState<Draw[]>([]);
  const [form] = Form.useForm<{ q: string }>();
  useEffect(() => {
    form.setFieldsValue({ q });
    void attempt(async () => setData(await api.get('/api/public/random-inspection/results', { q: q || undefined, page, pageSize: 20 })));
  }, [q, page, form]);
  useEffect(() => {
    void attempt(async () => setDraws((await api.get<{ items: Draw[] }>('/api/public/random-inspection/draws')).items));
  }, []);
  return (
    <PortalFrame title="“双随机、一公开”抽查结果公示">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Form form={form} layout="inline" onFinish={(v) => setParams(v.q ? { q: v.q.trim() } : {})}>
            <Form.Item name="q" label="检查对象">
              <Input allowClear placeholder="名称或统一社会信用代码" style={{ width: 280 }} data-testid="portal-q" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="portal-search">
              查询
            </Button>
          </Form>
        </Card>
        <Card title="抽查结果">
          <Table<Published>
            size="small"
            rowKey="id"
            dataSource={data.items}
            data-testid="portal-results"
            pagination={{ current: page, pageSize: 20, total: data.total, showTotal: (t) => `共 ${t} 条`, onChange: (p) => setParams({ ...(q ? { q } : {}), page: String(p) }) }}
            columns={[
              { title: '检查对象', dataIndex: 'targetName' },
              { title: '统一社会信用代码', dataIndex: 'creditCode' },
              { title: '抽查事项', dataIndex: 'itemNames' },
              { title: '检查结果', dataIndex: 'outcomeLabel', render: (v: string, r) => <Tag color={['rectify', 'case_opened'].includes(r.outcome) ? 'red' : 'green'}>{v}</Tag> },
              { title: '检查日期', dataIndex: 'resultDate' },
              { title: '检查机关', dataIndex: 'orgName', render: (v: string, r) => <Space>{v}{r.joint ? <Tag color="blue">联合检查</Tag> : null}</Space> },
              { title: '公示日期', dataIndex: 'publishedDate' },
            ]}
          />
        </Card>
        <Card title="抽取结果公开（随机种子与名录快照摘要，可据以复核）">
          <Collapse
            items={draws.slice(0, 20).map((d) => ({
              key: String(d.planId),
              label: `${d.title}（${d.orgName}，${d.planNo}）`,
              children: (
                <Space orientation="vertical">
                  <Typography.Text>随机种子：<Typography.Text code copyable>{d.seed}</Typography.Text></Typography.Text>
                  <Typography.Text>名录快照 SHA-256：<Typography.Text code>{d.snapshotDigest}</Typography.Text></Typography.Text>
                  <Typography.Text>抽中检查对象（{d.targets.length} 户）：{d.targets.map((t) => t.name).join('、')}</Typography.Text>
                </Space>
              ),
            }))}
          />
        </Card>
      </Space>
    </PortalFrame>
  );
}
