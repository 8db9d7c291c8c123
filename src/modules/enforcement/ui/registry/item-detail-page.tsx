// 执法事项详情: its 裁量基准 (amounts entered in 元, kept in 分), published as .docx/.xlsx (行政处罚法第三十四条),
// its 四张清单 entries, moves, and 废止.
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, downloadFile } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { labelOf, toDateString, todayDayjs, todayLocal } from '../../../../web/kit/format';
import { ITEM_KIND_OPTIONS, LEVEL_OPTIONS, LIST_KIND_OPTIONS } from '../../registry/registry-machine';
import { ActiveTag, fineText, FormModal, toFen } from './shared';

interface Bench {
  id: number;
  circumstance: string;
  level: string;
  levelLabel: string;
  fineMinFen: number | null;
  fineMaxFen: number | null;
  measures: string | null;
  madeBy: string;
  madeDate: string;
  status: string;
  abolishedDate: string | null;
  version: number;
}
interface Entry {
  id: number;
  listKind: string;
  listKindLabel: string;
  condition: string;
  basis: string;
  published: boolean;
  status: string;
  abolishedDate: string | null;
  version: number;
}
interface Detail {
  record: { id: number; code: string; name: string; kind: string; bodyName: string; orgName: string; legalBasis: string; status: string; abolishedDate: string | null; version: number };
  benchmarks: Bench[];
  listEntries: Entry[];
  transfers: { id: number; fromBodyName: string | null; toBodyName: string; transferDate: string; reason: string }[];
  mayManage: boolean;
}

export default function ItemDetailPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const [data, setData] = useState<Detail | null>(null);
  const [modal, setModal] = useState<'bench' | 'list' | null>(null);
  const load = useCallback(() => attempt(async () => setData(await api.get<Detail>(`/api/enforcement/items/${id}`))), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!data) return null;
  const r = data.record;
  const active = r.status === 'active';
  const manage = data.mayManage && active;
  const abolish = (url: string, version: number) =>
    attempt(async () => {
      await api.post(url, { version, abolishedDate: todayLocal() });
      message.success('已废止');
      await load();
    });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {r.name}
            <ActiveTag status={r.status} date={r.abolishedDate} />
          </Space>
        }
        extra={
          manage ? (
            <Popconfirm title="废止该事项？其有效的裁量基准和清单条目一并废止。" okText="废止" cancelText="取消" onConfirm={() => void abolish(`/api/enforcement/items/${id}/abolish`, r.version)}>
              <Button danger>废止事项</Button>
            </Popconfirm>
          ) : null
        }
      >
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="事项编码">{r.code}</Descriptions.Item>
          <Descriptions.Item label="类别">{labelOf(ITEM_KIND_OPTIONS, r.kind)}</Descriptions.Item>
          <Descriptions.Item label="执法主体">{r.bodyName}</Descriptions.Item>
          <Descriptions.Item label="所属单位">{r.orgName}</Descriptions.Item>
          <Descriptions.Item label="实施依据" span={2}>
            {r.legalBasis}
          </Descriptions.Item>
          {data.transfers.map((t) => (
            <Descriptions.Item key={t.id} label="划转记录" span={2}>
              {`${t.transferDate} 由 ${t.fromBodyName ?? '—'} 划入 ${t.toBodyName}（${t.reason}）`}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card
        title="行政裁量权基准"
        extra={
          <Space>
            <Button disabled={!data.benchmarks.some((b) => b.status === 'active')} onClick={() => void attempt(() => downloadFile(`/api/enforcement/items/${id}/benchmark-document?format=docx`, `${r.name}行政裁量权基准.docx`))} data-testid="bench-docx">
              导出 Word（供公布）
            </Button>
            <Button disabled={!data.benchmarks.some((b) => b.status === 'active')} onClick={() => void attempt(() => downloadFile(`/api/enforcement/items/${id}/benchmark-document?format=xlsx`, `${r.name}行政裁量权基准.xlsx`))}>
              导出 Excel
            </Button>
            {manage ? (
              <Button type="primary" onClick={() => setModal('bench')}>
                制定基准
              </Button>
            ) : null}
          </Space>
        }
      >
        <Table<Bench>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.benchmarks}
          columns={[
            { title: '违法情节', dataIndex: 'circumstance' },
            { title: '裁量阶次', dataIndex: 'levelLabel', width: 90 },
            { title: '罚款幅度', render: (_: unknown, b) => fineText(b.fineMinFen, b.fineMaxFen) },
            { title: '其他措施', dataIndex: 'measures' },
            { title: '制定', render: (_: unknown, b) => `${b.madeBy} ${b.madeDate}` },
            { title: '状态', dataIndex: 'status', render: (v: string, b) => <ActiveTag status={v} date={b.abolishedDate} /> },
            {
              title: '',
              render: (_: unknown, b) =>
                manage && b.status === 'active' ? (
                  <Popconfirm title="废止该基准？" okText="废止" cancelText="取消" onConfirm={() => void abolish(`/api/enforcement/benchmarks/${b.id}/abolish`, b.version)}>
                    <Button size="small" danger>
                      废止
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card
        title="四张清单与首违不罚"
        extra={
          manage ? (
            <Button type="primary" onClick={() => setModal('list')}>
              新增清单条目
            </Button>
          ) : null
        }
      >
        <Table<Entry>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.listEntries}
          columns={[
            { title: '清单', dataIndex: 'listKindLabel', width: 140 },
            { title: '适用情形', dataIndex: 'condition' },
            { title: '依据', dataIndex: 'basis' },
            { title: '公布', dataIndex: 'published', render: (v: boolean) => (v ? <Tag color="green">已公布</Tag> : <Tag>未公布</Tag>) },
            { title: '状态', dataIndex: 'status', render: (v: string, e) => <ActiveTag status={v} date={e.abolishedDate} /> },
            {
              title: '',
              render: (_: unknown, e) =>
                manage && e.status === 'active' ? (
                  <Space>
                    <Button
                      size="small"
                      onClick={() =>
                        void attempt(async () => {
                          await api.patch(`/api/enforcement/lists/${e.id}`, { version: e.version, listKind: e.listKind, condition: e.condition, basis: e.basis, published: !e.published });
                          await load();
                        })
                      }
                    >
                      {e.published ? '撤回公布' : '公布'}
                    </Button>
                    <Button size="small" danger onClick={() => void abolish(`/api/enforcement/lists/${e.id}/abolish`, e.version)}>
                      废止
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
          依据《行政处罚法》第三十三条：违法行为轻微并及时改正、没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，可以不予行政处罚（首违不罚）。
        </Typography.Paragraph>
      </Card>
      <FormModal<{ circumstance: string; level: string; fineMin?: number; fineMax?: number; measures?: string; madeBy: string; madeDate: Dayjs }>
        open={modal === 'bench'}
        title="制定裁量基准"
        onClose={() => setModal(null)}
        initialValues={{ level: 'ordinary', madeBy: r.bodyName, madeDate: todayDayjs() }}
        onSubmit={async (v, form) => {
          await api.post('/api/enforcement/benchmarks', { itemId: id, circumstance: v.circumstance, level: v.level, fineMinFen: toFen(v.fineMin), fineMaxFen: toFen(v.fineMax), measures: v.measures ?? null, madeBy: v.madeBy, madeDate: toDateString(v.madeDate) }, { form });
          await load();
        }}
      >
        <Form.Item name="circumstance" label="违法情节" rules={[{ required: true, message: '请填写违法情节' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="level" label="裁量阶次" rules={[{ required: true }]}>
          <Select options={[...LEVEL_OPTIONS]} />
        </Form.Item>
        <Space>
          <Form.Item name="fineMin" label="罚款下限（元）">
            <InputNumber min={0} precision={2} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="fineMax" label="罚款上限（元）">
            <InputNumber min={0} precision={2} style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item name="measures" label="其他处理措施">
          <Input maxLength={1000} placeholder="警告、没收违法所得、责令停产停业……" />
        </Form.Item>
        <Space>
          <Form.Item name="madeBy" label="制定机关" rules={[{ required: true }]}>
            <Input maxLength={100} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="madeDate" label="制定日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
      </FormModal>
      <FormModal<{ listKind: string; condition: string; basis: string; published: boolean }>
        open={modal === 'list'}
        title="新增清单条目"
        onClose={() => setModal(null)}
        initialValues={{ listKind: r.kind === 'compulsory' ? 'no_compulsion' : 'first_violation_no_penalty', published: true, basis: r.kind === 'compulsory' ? '《中华人民共和国行政强制法》第十六条' : '《中华人民共和国行政处罚法》第三十三条' }}
        onSubmit={async (v, form) => {
          await api.post('/api/enforcement/lists', { itemId: id, ...v }, { form });
          await load();
        }}
      >
        <Form.Item name="listKind" label="清单类别" rules={[{ required: true }]}>
          <Select options={[...LIST_KIND_OPTIONS]} />
        </Form.Item>
        <Form.Item name="condition" label="适用情形" rules={[{ required: true, message: '请填写适用情形' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="basis" label="依据" rules={[{ required: true }]}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="published" label="向社会公布" valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
