// 执法人员详情: 退休 / 调离 / 辞退 (注销 of the certificates), certificates with their actions and 年审,
// training hours of the year against the target (a setting), exams.
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Progress, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';
import { labelOf, toDateString, todayDayjs } from '../../../../web/kit/format';
import { RecordDetailShell, type HistoryItem } from '../../../../web/kit/record-detail-shell';
import { StatusTag } from '../../../../web/kit/status-tag';
import { TransitionButtons, type TransitionView } from '../../../../web/kit/transition-buttons';
import { CERT_KIND_OPTIONS, certificateMachine, EXAM_SUBJECT_OPTIONS, officerMachine } from '../../registry/registry-machine';
import { FormModal } from './shared';

interface Cert {
  id: number;
  kind: string;
  certNo: string;
  issuedDate: string;
  expiresDate: string | null;
  status: string;
  revokeKind: string | null;
  statusReason: string | null;
  statusDate: string | null;
  lastReviewYear: number | null;
  version: number;
  transitions: TransitionView[];
}
interface Detail {
  record: { id: number; name: string; idNumber: string; bodyName: string; post: string | null; isLegalReviewer: boolean; status: string; statusDate: string | null; version: number; createdAt: string };
  training: { year: number; hours: number; target: number; targetNote: string };
  certificates: Cert[];
  trainings: { id: number; trainedDate: string; course: string; hours: number }[];
  exams: { id: number; subjectLabel: string; examDate: string; attended: boolean; passed: boolean; score: number | null }[];
  transitions: TransitionView[];
  history: HistoryItem[];
  mayManage: boolean;
}

export const certStatusText = (c: { status: string; revokeKind: string | null }) => (c.status === 'revoked' ? (c.revokeKind === 'withdrawn' ? '吊销' : '注销') : c.status === 'suspended' ? '暂扣' : '有效');

export default function OfficerDetailPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const [data, setData] = useState<Detail | null>(null);
  const [modal, setModal] = useState<'cert' | 'training' | 'exam' | 'edit' | null>(null);
  const load = useCallback(() => attempt(async () => setData(await api.get<Detail>(`/api/enforcement/officers/${id}`))), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!data) return null;
  const r = data.record;
  const review = async (c: Cert) => {
    await attempt(async () => {
      const res = await api.post<{ review: { passed: boolean; reason: string | null } }>(`/api/enforcement/certificates/${c.id}/annual-review`, { version: c.version, year: data.training.year });
      if (res.review.passed) message.success(`${data.training.year} 年度年审通过`);
      else message.warning(`年审未通过：${res.review.reason ?? ''}`);
      await load();
    });
  };
  return (
    <RecordDetailShell
      title={r.name}
      subtitle={r.bodyName}
      machine={officerMachine}
      status={r.status}
      version={r.version}
      transitions={data.transitions}
      transitionUrl={(name) => `/api/enforcement/officers/${id}/transitions/${name}`}
      onTransitioned={(res) => {
        const n = (res as { cancelledCertificates?: number }).cancelledCertificates ?? 0;
        if (n > 0) message.info(`已同时注销 ${n} 本证件`);
        void load();
      }}
      deadlines={[]}
      history={data.history}
      created={{ at: r.createdAt, label: '登记执法人员' }}
      extra={
        data.mayManage && r.status === 'active' ? (
          <Button onClick={() => setModal('edit')} data-testid="officer-edit">
            修改信息
          </Button>
        ) : null
      }
      activityUrl={`/api/enforcement/officers/${id}/activity`}
      activityLabels={{ 'officer.create': '登记执法人员', 'officer.update': '修改人员信息', 'officer.training': '登记培训', 'officer.exam': '登记考试', 'certificate.bulk_cancel': '注销证件' }}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions column={3} bordered size="small">
          <Descriptions.Item label="身份证号">{r.idNumber}</Descriptions.Item>
          <Descriptions.Item label="岗位">{r.post ?? ''}</Descriptions.Item>
          <Descriptions.Item label="法制审核人员">{r.isLegalReviewer ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <StatusTag machine={officerMachine} state={r.status} /> {r.statusDate ?? ''}
          </Descriptions.Item>
        </Descriptions>
        <Card
          size="small"
          title="执法证件"
          extra={
            data.mayManage && r.status === 'active' ? (
              <Button type="primary" onClick={() => setModal('cert')} data-testid="cert-new">
                制发证件
              </Button>
            ) : null
          }
        >
          <Table<Cert>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.certificates}
            data-testid="cert-table"
            columns={[
              { title: '证件编号', dataIndex: 'certNo' },
              { title: '类型', dataIndex: 'kind', render: (v: string) => labelOf(CERT_KIND_OPTIONS, v) },
              { title: '发证日期', dataIndex: 'issuedDate' },
              { title: '有效期至', dataIndex: 'expiresDate' },
              {
                title: '状态',
                dataIndex: 'status',
                render: (_: string, c) => (
                  <Space orientation="vertical" size={0}>
                    <Tag color={c.status === 'valid' ? 'green' : c.status === 'suspended' ? 'orange' : 'default'} data-testid={`cert-status-${c.certNo}`}>
                      {certStatusText(c)}
                    </Tag>
                    {c.statusReason ? <Typography.Text type="secondary">{c.statusReason}</Typography.Text> : null}
                  </Space>
                ),
              },
              { title: '最近年审', dataIndex: 'lastReviewYear' },
              {
                title: '操作',
                render: (_: unknown, c) => (
                  <Space wrap>
                    <TransitionButtons machine={certificateMachine} transitions={c.transitions} version={c.version} url={(name) => `/api/enforcement/certificates/${c.id}/transitions/${name}`} onDone={() => void load()} />
                    {data.mayManage && c.status !== 'revoked' && c.lastReviewYear !== data.training.year ? <Button onClick={() => void review(c)}>{`${data.training.year}年审`}</Button> : null}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card
              size="small"
              title={`${data.training.year} 年培训学时`}
              extra={
                data.mayManage ? (
                  <Button size="small" onClick={() => setModal('training')}>
                    登记培训
                  </Button>
                ) : null
              }
            >
              <Progress percent={Math.min(100, Math.round((data.training.hours / data.training.target) * 100))} status={data.training.hours >= data.training.target ? 'success' : 'active'} format={() => `${data.training.hours} / ${data.training.target} 学时`} />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {data.training.targetNote}
              </Typography.Paragraph>
              <Table size="small" rowKey="id" pagination={{ pageSize: 5, hideOnSinglePage: true }} dataSource={data.trainings} columns={[{ title: '日期', dataIndex: 'trainedDate' }, { title: '培训内容', dataIndex: 'course' }, { title: '学时', dataIndex: 'hours' }]} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card
              size="small"
              title="执法资格考试"
              extra={
                data.mayManage ? (
                  <Button size="small" onClick={() => setModal('exam')}>
                    登记考试
                  </Button>
                ) : null
              }
            >
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={data.exams}
                columns={[
                  { title: '科目', dataIndex: 'subjectLabel' },
                  { title: '日期', dataIndex: 'examDate' },
                  { title: '结果', dataIndex: 'passed', render: (v: boolean, e) => (!e.attended ? <Tag>缺考</Tag> : v ? <Tag color="green">通过</Tag> : <Tag color="red">未通过</Tag>) },
                  { title: '成绩', dataIndex: 'score' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </Space>
      <FormModal<{ kind: string; certNo: string; issuedDate: Dayjs; expiresDate?: Dayjs }>
        open={modal === 'cert'}
        title="制发证件"
        onClose={() => setModal(null)}
        initialValues={{ kind: 'enforcement', issuedDate: todayDayjs() }}
        testId="cert-form"
        onSubmit={async (v, form) => {
          await api.post('/api/enforcement/certificates', { officerId: id, kind: v.kind, certNo: v.certNo, issuedDate: toDateString(v.issuedDate), expiresDate: toDateString(v.expiresDate) }, { form });
          message.success('已发证');
          await load();
        }}
      >
        <Form.Item name="kind" label="证件类型" rules={[{ required: true }]}>
          <Select options={[...CERT_KIND_OPTIONS]} />
        </Form.Item>
        <Form.Item name="certNo" label="证件编号" rules={[{ required: true, message: '请填写证件编号' }]}>
          <Input maxLength={40} autoFocus data-testid="cert-no" />
        </Form.Item>
        <Form.Item name="issuedDate" label="发证日期" rules={[{ required: true, message: '请选择发证日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="expiresDate" label="有效期至" extra="不填则按设置的有效期年数计算（民法典第二百零二条，按年计算）">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      <FormModal<{ trainedDate: Dayjs; course: string; hours: number }>
        open={modal === 'training'}
        title="登记培训"
        onClose={() => setModal(null)}
        initialValues={{ trainedDate: todayDayjs(), hours: 8 }}
        onSubmit={async (v, form) => {
          await api.post(`/api/enforcement/officers/${id}/trainings`, { trainedDate: toDateString(v.trainedDate), course: v.course, hours: v.hours }, { form });
          await load();
        }}
      >
        <Form.Item name="trainedDate" label="培训日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="course" label="培训内容" rules={[{ required: true, message: '请填写培训内容' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="hours" label="学时" rules={[{ required: true }]}>
          <InputNumber min={1} max={200} precision={0} />
        </Form.Item>
      </FormModal>
      <FormModal<{ subject: string; examDate: Dayjs; attended: boolean; passed: boolean; score?: number }>
        open={modal === 'exam'}
        title="登记考试结果"
        onClose={() => setModal(null)}
        initialValues={{ subject: 'general', examDate: todayDayjs(), attended: true, passed: true }}
        onSubmit={async (v, form) => {
          await api.post(`/api/enforcement/officers/${id}/exams`, { subject: v.subject, examDate: toDateString(v.examDate), attended: v.attended, passed: v.passed, score: v.score ?? null }, { form });
          await load();
        }}
      >
        <Form.Item name="subject" label="科目" rules={[{ required: true }]}>
          <Select options={[...EXAM_SUBJECT_OPTIONS]} />
        </Form.Item>
        <Form.Item name="examDate" label="考试日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Space size={24}>
          <Form.Item name="attended" label="参加" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="passed" label="通过" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="score" label="成绩">
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
        </Space>
      </FormModal>
      <FormModal<{ name: string; post?: string | null; isLegalReviewer: boolean }>
        open={modal === 'edit'}
        title="修改执法人员信息"
        onClose={() => setModal(null)}
        testId="officer-edit-form"
        initialValues={{ name: r.name, post: r.post, isLegalReviewer: r.isLegalReviewer }}
        onSubmit={async (v, form) => {
          await api.patch(`/api/enforcement/officers/${id}`, { version: r.version, name: v.name, post: v.post ?? null, isLegalReviewer: v.isLegalReviewer }, { form });
          await load();
        }}
      >
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="post" label="岗位">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="isLegalReviewer" label="从事法制审核工作" valuePropName="checked" extra="法制审核人员原则上不少于本主体执法人员的 5%">
          <Switch data-testid="officer-edit-reviewer" />
        </Form.Item>
      </FormModal>
    </RecordDetailShell>
  );
}
