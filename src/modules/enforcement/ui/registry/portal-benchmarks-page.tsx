// 门户：行政裁量权基准与四张清单公示 (行政处罚法第三十三条、第三十四条), by 执法主体, no login.
import { useEffect, useState } from 'react';
import { Card, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { fineText } from './shared';

interface Body {
  id: number;
  name: string;
  orgName: string;
  benchmarks: number;
  listEntries: number;
}
interface Bench {
  id: number;
  bodyName: string;
  itemName: string;
  circumstance: string;
  levelLabel: string;
  fineMinFen: number | null;
  fineMaxFen: number | null;
  measures: string | null;
  madeBy: string;
  madeDate: string;
}
interface Entry {
  id: number;
  bodyName: string;
  itemName: string;
  listKindLabel: string;
  condition: string;
  basis: string;
}

export default function PortalBenchmarksPage() {
  const [bodies, setBodies] = useState<Body[]>([]);
  const [bodyId, setBodyId] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [bench, setBench] = useState<{ total: number; items: Bench[] }>({ total: 0, items: [] });
  const [lists, setLists] = useState<{ total: number; items: Entry[] }>({ total: 0, items: [] });
  useEffect(() => {
    void attempt(async () => setBodies((await api.get<{ items: Body[] }>('/api/public/enforcement/bodies')).items));
  }, []);
  useEffect(() => {
    void attempt(async () => {
      const query = { bodyId, q: q || undefined, page, pageSize: 20 };
      const [b, l] = await Promise.all([api.get<{ total: number; items: Bench[] }>('/api/public/enforcement/benchmarks', query), api.get<{ total: number; items: Entry[] }>('/api/public/enforcement/lists', { ...query, page: 1, pageSize: 100 })]);
      setBench(b);
      setLists(l);
    });
  }, [bodyId, q, page]);
  return (
    <Card title="行政裁量权基准与“四张清单”公示">
      <Typography.Paragraph type="secondary">依据《中华人民共和国行政处罚法》第三十四条，行政处罚裁量基准应当向社会公布；第三十三条规定了不予处罚和首违不罚的情形。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部执法主体"
          style={{ width: 320 }}
          value={bodyId}
          onChange={(v) => {
            setBodyId(v);
            setPage(1);
          }}
          options={bodies.map((b) => ({ value: b.id, label: `${b.name}（基准 ${b.benchmarks} 条）` }))}
          data-testid="portal-body"
        />
        <Input.Search allowClear placeholder="事项或情节" style={{ width: 240 }} onSearch={(v) => { setQ(v.trim()); setPage(1); }} />
      </Space>
      <Tabs
        items={[
          {
            key: 'benchmarks',
            label: `裁量基准（${bench.total}）`,
            children: (
              <Table<Bench>
                size="small"
                rowKey="id"
                dataSource={bench.items}
                data-testid="portal-benchmarks"
                pagination={{ current: page, pageSize: 20, total: bench.total, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
                columns={[
                  { title: '执法主体', dataIndex: 'bodyName', width: 200 },
                  { title: '执法事项', dataIndex: 'itemName' },
                  { title: '违法情节', dataIndex: 'circumstance' },
                  { title: '阶次', dataIndex: 'levelLabel', width: 80, render: (v: string) => <Tag>{v}</Tag> },
                  { title: '罚款幅度', render: (_: unknown, r) => fineText(r.fineMinFen, r.fineMaxFen) },
                  { title: '其他措施', dataIndex: 'measures' },
                  { title: '制定', render: (_: unknown, r) => `${r.madeBy} ${r.madeDate}` },
                ]}
              />
            ),
          },
          {
            key: 'lists',
            label: `四张清单（${lists.total}）`,
            children: (
              <Table<Entry>
                size="small"
                rowKey="id"
                dataSource={lists.items}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: '清单', dataIndex: 'listKindLabel', width: 140 },
                  { title: '执法主体', dataIndex: 'bodyName', width: 200 },
                  { title: '执法事项', dataIndex: 'itemName' },
                  { title: '适用情形', dataIndex: 'condition' },
                  { title: '依据', dataIndex: 'basis' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
