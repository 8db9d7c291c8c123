// Shared pieces of the review area's pages: a body picker, a modal form that posts JSON, small formatters.
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Form, Modal, Select, Space, type FormInstance } from 'antd';
import type { SelectProps } from 'antd';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';

let bodiesCache: Promise<{ items: { id: number; name: string }[] }> | null = null;

/** 执法主体 picker (the published list of active bodies; the server checks the actor's scope). */
export function BodySelect(props: SelectProps<number | number[]> & { testId?: string }) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    bodiesCache ??= api.get<{ items: { id: number; name: string }[] }>('/api/public/enforcement/complaint-bodies');
    void attempt(async () => setOptions((await bodiesCache!).items.map((b) => ({ value: b.id, label: b.name }))));
  }, []);
  const { testId, ...rest } = props;
  return <Select showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="请选择执法主体" data-testid={testId} {...rest} />;
}

/** A form in a modal that posts JSON to `url` (field errors land on the form); calls `onDone` with the answer. */
export function PostModal<T = unknown>({
  title,
  url,
  method = 'post',
  onClose,
  onDone,
  children,
  toBody,
  initialValues,
  width = 640,
  form: given,
}: {
  title: string;
  url: string;
  method?: 'post' | 'put';
  onClose: () => void;
  onDone: (result: T) => void;
  children: ReactNode;
  toBody: (v: Record<string, unknown>) => unknown;
  initialValues?: Record<string, unknown>;
  width?: number;
  form?: FormInstance;
}) {
  const [own] = Form.useForm();
  const form = given ?? own;
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden width={width}>
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={async (v: Record<string, unknown>) => {
          setBusy(true);
          try {
            onDone(await api[method]<T>(url, toBody(v), { form }));
          } catch {
            // Shown on the form.
          } finally {
            setBusy(false);
          }
        }}
      >
        {children}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="post-ok">
            保存
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

export const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
export const multiline = (v: unknown) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{String(v)}</span> : '—');
