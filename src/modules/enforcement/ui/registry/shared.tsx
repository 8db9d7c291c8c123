// Pieces shared by the registry pages: the 执法主体 picker, money in 元, tags and a form modal.
import { useEffect, useState, type ReactNode } from 'react';
import { Form, Modal, Select, Tag, type FormInstance, type SelectProps } from 'antd';
import { registryApi } from './api';

export interface BodyOption {
  id: number;
  name: string;
  orgId: number;
  status: string;
}

/** Active 执法主体 within the reader's scope, loaded once per mount. */
export const useBodies = (): BodyOption[] => {
  const [bodies, setBodies] = useState<BodyOption[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const res = await registryApi().bodies.$get({ query: { pageSize: '200', status: 'active' } as never });
      const data = (await res.json()) as { items: BodyOption[] };
      if (live) setBodies(data.items);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return bodies;
};

export function BodySelect(props: SelectProps<number> & { testId?: string }) {
  const bodies = useBodies();
  const { testId, ...rest } = props;
  return (
    <Select<number>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="请选择执法主体"
      options={bodies.map((b) => ({ value: b.id, label: b.name }))}
      data-testid={testId}
      {...rest}
    />
  );
}

/** 分 → "1,234.50". */
export const yuan = (fen: number | null | undefined): string => {
  if (fen === null || fen === undefined) return '';
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
};
/** 元 (two decimals) → 分, exact. */
export const toFen = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Math.round(v * 100));

export const fineText = (min: number | null, max: number | null): string => {
  if (min === null && max === null) return '不罚款';
  if (min !== null && max !== null) return min === max ? `${yuan(min)} 元` : `${yuan(min)} – ${yuan(max)} 元`;
  return max !== null ? `≤ ${yuan(max)} 元` : `≥ ${yuan(min)} 元`;
};

export const ActiveTag = ({ status, date }: { status: string; date?: string | null }) =>
  status === 'active' ? <Tag color="green">有效</Tag> : <Tag>{`已废止${date ? `（${date}）` : ''}`}</Tag>;

/** A modal with one form; `onSubmit` throws to keep it open (field errors land in the form). */
export function FormModal<V extends object>({
  open,
  title,
  onClose,
  onSubmit,
  children,
  initialValues,
  width = 640,
  testId,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (values: V, form: FormInstance<V>) => Promise<void>;
  children: ReactNode;
  initialValues?: Partial<V>;
  width?: number;
  testId?: string;
}) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const finish = async (values: V) => {
    setBusy(true);
    try {
      await onSubmit(values, form);
      onClose();
    } catch {
      // field errors are shown on the form by the error policy
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} width={width} destroyOnHidden okButtonProps={{ 'data-testid': `${testId ?? 'form'}-ok` } as never}>
      <Form<V> form={form} layout="vertical" onFinish={(v) => void finish(v)} initialValues={initialValues as never} data-testid={testId} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}
