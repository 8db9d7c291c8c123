// 执法证件: all certificates (filters, export) and the 清理 view (holder not in service, expired, failed
// 年审) with a bulk 注销.
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { App, Button, Form, Input, Modal, Segmented, Select, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { labelOf } from '../../../../web/kit/format';
import { ListPage } from '../../../../web/kit/list-page';
import { useSession } from '../../../../web/session';
import { CERT_KIND_OPTIONS } from '../../registry/registry-machine';
import { certStatusText } from './officer-detail-page';
import { BodySelect } from './shared';

interface CertRow {
  id: number;
  officerId: number;
  officerName: string;
  officerStatus: string;
  bodyName: string;
  kind: string;
  certNo: string;
  issuedDate: string;
  expiresDate: string | null;
  status: string;
  revokeKind: string | null;
  statusReason: string | null;
  lastReviewYear: number | null;
  cleanupReason: string;
}

const columns = (cleanup: boolean): ColumnsType<CertRow> => [
  { title: '证件编号', dataIndex: 'certNo', fixed: 'left', render: (v: string, r) => <Link to={`/enforcement/officers/${r.officerId}`}>{v}</Link> },
  { title: '类型', dataIndex: 'kind', render: (v: string) => labelOf(CERT_KIND_OPTIONS, v) },
  { title: '持证人', dataIndex: 'officerName' },
  { title: '执法主体', dataIndex: 'bodyName' },
  { title: '发证日期', dataIndex: 'issuedDate', width: 110 },
  { title: '有效期至', dataIndex: 'expiresDate', width: 110 },
  { title: '状态', dataIndex: 'status', render: (_: string, r) => <Tag color={r.status === 'valid' ? 'green' : r.status === 'suspended' ? 'orange' : 'default'}>{certStatusText(r)}</Tag> },
  cleanup
    ? { title: '应清理原因', dataIndex: 'cleanupReason', render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> }
    : { title: '最近年审', dataIndex: 'lastReviewYear' },
];

interface Filters extends Record<string, unknown> {
  kind?: string;
  status?: string;
  bodyId?: number;
  expired?: boolean;
  q?: string;
}

export default function CertificatesPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const cleanup = useLocation().pathname.endsWith('/cleanup');
  const [selected, setSelected] = useState<number[]>([]);
  const [reload, setReload] = useState(0);
  const [reason, setReason] = useState('全面核查行政执法证件：持证人不在岗、证件过期或年审未通过，予以注销');
  const [confirming, setConfirming] = useState(false);
  const base = cleanup ? '/api/enforcement/certificates/cleanup' : '/api/enforcement/certificates';
  const bulk = async () => {
    await attempt(async () => {
      const res = await api.post<{ cancelled: number }>('/api/enforcement/certificates/cleanup', { ids: selected, reason });
      message.success(`已注销 ${res.cancelled} 本证件`);
      setSelected([]);
      setConfirming(false);
      setReload((k) => k + 1);
    });
  };
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={cleanup ? 'cleanup' : 'all'}
        onChange={(v) => navigate(v === 'cleanup' ? '/enforcement/certificates/cleanup' : '/enforcement/certificates')}
        options={[
          { value: 'all', label: '全部证件' },
          { value: 'cleanup', label: '应清理证件' },
        ]}
        data-testid="cert-view"
      />
      <ListPage<CertRow, Filters>
        key={cleanup ? 'cleanup' : 'all'}
        title={cleanup ? '应清理的执法证件' : '行政执法证件'}
        url={base}
        rowKey="id"
        reloadKey={reload}
        columns={columns(cleanup)}
        exportUrl={can('enforcement:export') ? `${base}/export` : undefined}
        exportFileName={cleanup ? '应清理证件.xlsx' : '执法证件.xlsx'}
        toQuery={(v) => ({ kind: v.kind, status: v.status, bodyId: v.bodyId, expired: v.expired ? 'true' : undefined, q: v.q?.trim() })}
        fromQuery={(q) => ({ kind: q.kind, status: q.status, bodyId: q.bodyId ? Number(q.bodyId) : undefined, expired: q.expired === 'true', q: q.q })}
        tableProps={
          cleanup && can('enforcement:manage')
            ? { rowSelection: { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } }
            : undefined
        }
        actions={
          cleanup && can('enforcement:manage') ? (
            <Button danger disabled={selected.length === 0} onClick={() => setConfirming(true)} data-testid="cert-bulk-cancel">
              {`批量注销（${selected.length}）`}
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="kind" label="类型">
              <Select allowClear placeholder="全部" options={[...CERT_KIND_OPTIONS]} style={{ width: 150 }} />
            </Form.Item>
            {cleanup ? null : (
              <Form.Item name="status" label="状态">
                <Select
                  allowClear
                  placeholder="全部"
                  options={[
                    { value: 'valid', label: '有效' },
                    { value: 'suspended', label: '暂扣' },
                    { value: 'revoked', label: '注销/吊销' },
                  ]}
                  style={{ width: 110 }}
                />
              </Form.Item>
            )}
            <Form.Item name="bodyId" label="执法主体">
              <BodySelect allowClear style={{ width: 220 }} />
            </Form.Item>
            {cleanup ? null : (
              <Form.Item name="expired" label="已过期" valuePropName="checked">
                <Switch />
              </Form.Item>
            )}
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="证件编号 / 持证人" style={{ width: 170 }} />
            </Form.Item>
          </>
        }
      />
      <Modal open={confirming} title={`注销 ${selected.length} 本证件`} onCancel={() => setConfirming(false)} onOk={() => void bulk()} okText="注销" okButtonProps={{ danger: true }} cancelText="取消">
        <Typography.Paragraph>注销后证件不可恢复。请填写注销原因：</Typography.Paragraph>
        <Input.TextArea rows={3} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
