// 签发执法监督文书: kind, body, findings, requirement, dates and the reply period (defaults per kind, settable).
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { toDateString, todayDayjs } from '../../../../web/kit/format';
import { DECISION_KINDS, DOC_KINDS } from '../../review/review-machine';
import { BodySelect, PostModal } from './parts';

export interface IssueDefaults {
  bodyId?: number;
  problemId?: number | null;
  complaintId?: number | null;
  caseId?: number | null;
  kind?: string;
  content?: string;
}

export function IssueDocModal({ defaults, onClose, onDone }: { defaults: IssueDefaults; onClose: () => void; onDone: (doc: { id: number }) => void }) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as string | undefined;
  return (
    <PostModal<{ id: number }>
      title="签发执法监督文书"
      url="/api/enforcement/supervision"
      form={form}
      onClose={onClose}
      onDone={onDone}
      width={720}
      initialValues={{
        kind: defaults.kind ?? 'opinion',
        bodyId: defaults.bodyId,
        content: defaults.content,
        issuedDate: todayDayjs(),
        servedDate: todayDayjs(),
        periodDays: DOC_KINDS.find((k) => k.value === (defaults.kind ?? 'opinion'))!.defaultDays,
        title: '关于纠正行政执法问题的意见',
      }}
      toBody={(v) => ({
        kind: v.kind,
        bodyId: v.bodyId,
        decisionKind: v.kind === 'decision' ? v.decisionKind : null,
        title: v.title,
        content: v.content,
        requiredAction: v.requiredAction,
        signerName: v.signerName,
        issuedDate: toDateString(v.issuedDate as Dayjs),
        servedDate: toDateString(v.servedDate as Dayjs),
        periodDays: v.periodDays,
        problemId: defaults.problemId ?? null,
        complaintId: defaults.complaintId ?? null,
        caseId: defaults.caseId ?? null,
      })}
    >
      <Form.Item name="kind" label="文书种类" rules={[{ required: true, message: '请选择文书种类' }]}>
        <Select
          options={DOC_KINDS.map((k) => ({ value: k.value, label: k.label }))}
          data-testid="doc-kind"
          onChange={(v: string) => form.setFieldValue('periodDays', DOC_KINDS.find((k) => k.value === v)!.defaultDays)}
        />
      </Form.Item>
      {kind === 'decision' ? (
        <Form.Item name="decisionKind" label="决定类型" rules={[{ required: true, message: '请选择决定类型' }]}>
          <Select options={DECISION_KINDS.map((k) => ({ value: k.value, label: k.label }))} data-testid="doc-decision-kind" />
        </Form.Item>
      ) : null}
      <Form.Item name="bodyId" label="执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
        <BodySelect testId="doc-body" disabled={Boolean(defaults.bodyId)} />
      </Form.Item>
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
        <Input data-testid="doc-title" />
      </Form.Item>
      <Form.Item name="content" label="发现的问题及认定" rules={[{ required: true, message: '请填写发现的问题' }]}>
        <Input.TextArea rows={4} data-testid="doc-content" />
      </Form.Item>
      <Form.Item name="requiredAction" label="要求" rules={[{ required: true, message: '请填写要求' }]}>
        <Input.TextArea rows={2} data-testid="doc-action" />
      </Form.Item>
      <Form.Item name="signerName" label="签发人" extra="须在签发日持有有效的行政执法监督证（登记在执法人员库）" rules={[{ required: true, message: '请填写签发人' }]}>
        <Input maxLength={20} data-testid="doc-signer" />
      </Form.Item>
      <Form.Item name="issuedDate" label="签发日期" rules={[{ required: true, message: '请选择签发日期' }]}>
        <DatePicker data-testid="doc-issued" />
      </Form.Item>
      <Form.Item name="servedDate" label="送达日期" rules={[{ required: true, message: '请选择送达日期' }]}>
        <DatePicker data-testid="doc-served" />
      </Form.Item>
      <Form.Item
        name="periodDays"
        label="回复期限（自送达之日起，日）"
        extra={kind === 'opinion' ? '示例：山东省行政执法监督条例第二十八条，意见书三十日内自行纠正' : kind === 'decision' ? '示例：山东省行政执法监督条例第二十九条，决定书三十日内报告执行情况' : '监督机关确定的期限'}
      >
        <InputNumber min={1} max={180} data-testid="doc-period" />
      </Form.Item>
    </PostModal>
  );
}
