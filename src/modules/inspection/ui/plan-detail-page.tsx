// 督察计划 detail: items, inspectors, targets (add / record conclusion), findings (record / import Excel).
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Form, Modal, Result, Select, Space, Spin, Table, Tag, Upload } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../../web/api-client';
import { handleError } from '../../../web/kit/error-policy';
import { labelOf } from '../../../web/kit/format';
import { OrgTreeSelect } from '../../../web/kit/org-tree-select';
import { useSession } from '../../../web/session';
import { PLAN_KINDS, PLAN_METHODS, PLAN_STATUSES } from '../order-machine';
import { inspectionApi } from './api';
import { FindingForm } from './finding-form';
import type { PlanListItem, TargetItem } from './types';

interface PlanDetail {
  plan: PlanListItem;
  targets: TargetItem[];
  findingCount: number;
}
interface ImportResult {
  created: number;
  errors: { row: number; field: string; message: string }[];
}

export default function PlanDetailPage() {
  const { id } = useParams();
  const { can } = useSession();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<PlanDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [adding, setAdding] = useState<'target' | 'finding' | null>(null);
  const [report, setReport] = useState<ImportResult | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    try {
      setDetail((await (await inspectionApi({ silent: true }).plans[':id'].$get({ param: { id: String(id) } })).json()) as unknown as PlanDetail);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NOT_FOUND') setMissing(true);
      else handleError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (missing) return <Result status="404" title="督察计划不存在或无权查看" extra={<Link to="/inspection/plans">返回列表</Link>} />;
  if (!detail) return <Spin />;
  const p = detail.plan;
  const manage = can('inspection:manage');

  const setStatus = async (status: string) => {
    try {
      await api.put(`/api/inspection/plans/${p.id}`, { year: p.year, title: p.title, kind: p.kind, method: p.method, startDate: p.startDate, endDate: p.endDate, items: p.items, inspectors: p.inspectors, status, version: p.version });
      message.success('已更新计划状态');
      void load();
    } catch {
      // Shown by the error policy.
    }
  };
  const upload = async (file: File) => {
    const body = new FormData();
    body.set('file', file, file.name);
    try {
      setReport(await api.upload<ImportResult>(`/api/inspection/plans/${p.id}/findings/import`, body, { silent: true }));
      void load();
    } catch (e) {
      const b = e instanceof ApiError ? (e.body as Partial<ImportResult> | null) : null;
      if (e instanceof ApiError && e.status === 422 && b && Array.isArray(b.errors)) setReport({ created: 0, errors: b.errors });
      else handleError(e);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/inspection/plans">
        <ArrowLeftOutlined /> 返回列表
      </Link>
      <Card
        title={p.title}
        extra={
          manage ? (
            <Space>
              <Select value={p.status} options={PLAN_STATUSES.map((s) => ({ value: s.value, label: s.label }))} onChange={(v) => void setStatus(v)} style={{ width: 120 }} />
            </Space>
          ) : (
            <Tag>{labelOf(PLAN_STATUSES, p.status)}</Tag>
          )
        }
      >
        <Descriptions
          size="small"
          bordered
          column={3}
          items={[
            { key: 'year', label: '年度', children: p.year },
            { key: 'kind', label: '督察类型', children: labelOf(PLAN_KINDS, p.kind) },
            { key: 'method', label: '督察方式', children: labelOf(PLAN_METHODS, p.method) },
            { key: 'time', label: '督察时间', children: `${p.startDate} 至 ${p.endDate}` },
            { key: 'inspectors', label: '督察人员', span: 2, children: p.inspectors.join('、') || '—' },
            {
              key: 'items',
              label: '督察内容',
              span: 'filled',
              children: (
                <ol style={{ margin: 0, paddingLeft: 20 }}>
                  {p.items.map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ol>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={`督察对象（${detail.targets.length}）· 发现问题 ${detail.findingCount} 个`}
        extra={
          manage ? (
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => setAdding('target')}>
                添加督察对象
              </Button>
              <Button onClick={() => setAdding('finding')} data-testid="plan-finding-new">
                记录问题
              </Button>
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
                <Button icon={<UploadOutlined />}>导入问题清单</Button>
              </Upload>
              <Link to={`/inspection/findings?planId=${p.id}`}>查看问题清单</Link>
            </Space>
          ) : null
        }
      >
        <Table<TargetItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={detail.targets}
          columns={[
            { title: '被督察单位', dataIndex: 'orgName' },
            { title: '督察日期', dataIndex: 'inspectedOn', render: (v: string | null) => v ?? '未开展' },
            { title: '督察结论', dataIndex: 'conclusion', render: (v: string | null) => v ?? '—' },
            { title: '问题数', dataIndex: 'findingCount' },
            { title: '未销号', dataIndex: 'openFindingCount' },
          ]}
        />
      </Card>
      {adding === 'target' ? (
        <Modal open title="添加督察对象" onCancel={() => setAdding(null)} onOk={() => form.submit()} destroyOnHidden>
          <Form
            form={form}
            layout="vertical"
            onFinish={async (v: { orgId: number }) => {
              try {
                await api.post(`/api/inspection/plans/${p.id}/targets`, { orgId: v.orgId }, { form });
                setAdding(null);
                void load();
              } catch {
                // Marked on the form.
              }
            }}
          >
            <Form.Item name="orgId" label="被督察单位" rules={[{ required: true, message: '请选择单位' }]}>
              <OrgTreeSelect permission="inspection:manage" style={{ width: '100%' }} />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
      {adding === 'finding' ? (
        <FindingForm
          planId={p.id}
          onClose={() => setAdding(null)}
          onSaved={() => {
            setAdding(null);
            void load();
          }}
        />
      ) : null}
      <Modal open={report !== null} title="导入结果" onOk={() => setReport(null)} onCancel={() => setReport(null)} cancelButtonProps={{ style: { display: 'none' } }} width={720}>
        {report ? (
          <>
            <Alert type={report.errors.length ? 'warning' : 'success'} showIcon title={report.errors.length ? `有 ${report.errors.length} 处错误，未导入任何数据` : `成功导入 ${report.created} 个问题`} style={{ marginBottom: 12 }} />
            {report.errors.length ? (
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
                dataSource={report.errors}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 70 },
                  { title: '字段', dataIndex: 'field', width: 120 },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            ) : null}
          </>
        ) : null}
      </Modal>
    </Space>
  );
}
