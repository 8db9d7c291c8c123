// 执法人员: list (ID numbers masked), filters, 登记 (with a first certificate), Excel import and export.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Col, DatePicker, Divider, Form, Input, Row, Select, Space, Switch, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { api, downloadFile } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { toDateString, todayDayjs } from '../../../../web/kit/format';
import { ImportXlsxButton } from '../../../../web/kit/import-xlsx-button';
import { ListPage } from '../../../../web/kit/list-page';
import { StatusTag, stateOptions } from '../../../../web/kit/status-tag';
import { useSession } from '../../../../web/session';
import { CERT_KIND_OPTIONS, officerMachine } from '../../registry/registry-machine';
import { BodySelect, FormModal } from './shared';

interface OfficerRow {
  id: number;
  name: string;
  idNumber: string;
  bodyId: number;
  bodyName: string;
  post: string | null;
  isLegalReviewer: boolean;
  status: string;
  hoursThisYear: number;
  certNos: string | null;
}

const columns: ColumnsType<OfficerRow> = [
  {
    title: '姓名',
    dataIndex: 'name',
    fixed: 'left',
    render: (v: string, r) => (
      <Link to={`/enforcement/officers/${r.id}`} data-testid={`officer-link-${r.id}`}>
        {v}
      </Link>
    ),
  },
  { title: '身份证号', dataIndex: 'idNumber' },
  { title: '执法主体', dataIndex: 'bodyName' },
  { title: '岗位', dataIndex: 'post', render: (v: string | null, r) => <Space size={4}>{v}{r.isLegalReviewer ? <Tag color="blue">法制审核</Tag> : null}</Space> },
  { title: '状态', dataIndex: 'status', render: (v: string) => <StatusTag machine={officerMachine} state={v} /> },
  { title: '本年培训学时', dataIndex: 'hoursThisYear', align: 'right' },
  { title: '有效证件', dataIndex: 'certNos', render: (v: string | null) => v ?? '' },
];

interface Filters extends Record<string, unknown> {
  bodyId?: number;
  status?: string;
  legalReviewer?: boolean;
  q?: string;
}

interface NewOfficer {
  bodyId: number;
  name: string;
  idNumber: string;
  post?: string;
  isLegalReviewer?: boolean;
  certKind?: string;
  certNo?: string;
  issuedDate?: Dayjs;
}

export default function OfficersPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reload, setReload] = useState(0);
  return (
    <>
      <ListPage<OfficerRow, Filters>
        title="行政执法人员"
        url="/api/enforcement/officers"
        rowKey="id"
        columns={columns}
        reloadKey={reload}
        exportUrl={can('enforcement:export') ? '/api/enforcement/officers/export' : undefined}
        exportFileName="执法人员.xlsx"
        toQuery={(v) => ({ bodyId: v.bodyId, status: v.status, legalReviewer: v.legalReviewer ? 'true' : undefined, q: v.q?.trim() })}
        fromQuery={(q) => ({ bodyId: q.bodyId ? Number(q.bodyId) : undefined, status: q.status, legalReviewer: q.legalReviewer === 'true', q: q.q })}
        actions={
          <>
            {can('enforcement:manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="officer-new">
                登记执法人员
              </Button>
            ) : null}
            {can('enforcement:import') ? (
              <>
                <ImportXlsxButton url="/api/enforcement/officers/import" label="导入人员及证件" onImported={() => setReload((k) => k + 1)} testId="officer-import" />
                <Button icon={<DownloadOutlined />} onClick={() => void attempt(() => downloadFile('/api/enforcement/officers/import-template', '执法人员导入模板.xlsx'))}>
                  导入模板
                </Button>
              </>
            ) : null}
          </>
        }
        filters={
          <>
            <Form.Item name="bodyId" label="执法主体">
              <BodySelect allowClear style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" options={stateOptions(officerMachine)} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="legalReviewer" label="法制审核人员" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="姓名 / 岗位" style={{ width: 160 }} data-testid="filter-q" />
            </Form.Item>
          </>
        }
      />
      <FormModal<NewOfficer>
        open={open}
        title="登记执法人员"
        width={720}
        onClose={() => setOpen(false)}
        initialValues={{ isLegalReviewer: false, certKind: 'enforcement', issuedDate: todayDayjs() }}
        testId="officer-form"
        onSubmit={async (v, form) => {
          const res = await api.post<{ officer: { id: number } }>(
            '/api/enforcement/officers',
            {
              bodyId: v.bodyId,
              name: v.name,
              idNumber: v.idNumber,
              post: v.post ?? null,
              isLegalReviewer: Boolean(v.isLegalReviewer),
              certificate: v.certNo ? { kind: v.certKind, certNo: v.certNo, issuedDate: toDateString(v.issuedDate), expiresDate: null } : null,
            },
            { form, fieldPrefix: 'certificate.' },
          );
          navigate(`/enforcement/officers/${res.officer.id}`);
        }}
      >
        <Row gutter={12}>
          <Col span={24}>
            <Form.Item name="bodyId" label="执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
              <BodySelect testId="officer-body" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input maxLength={30} data-testid="officer-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="idNumber" label="身份证号码" rules={[{ required: true, message: '请填写身份证号码' }]} extra="加密保存，列表中脱敏显示">
              <Input maxLength={18} data-testid="officer-id-number" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="post" label="岗位">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="isLegalReviewer" label="从事法制审核工作" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">同时制发证件（可不填，稍后在人员详情中发证）</Divider>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="certKind" label="证件类型">
              <Select options={[...CERT_KIND_OPTIONS]} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="certNo" label="证件编号">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="issuedDate" label="发证日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>
    </>
  );
}
