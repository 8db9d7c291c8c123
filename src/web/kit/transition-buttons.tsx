// The buttons of the transitions the server says the user may apply now; each opens a modal form
// generated from the transition's fields and posts `{ version, input }`.
import { useRef, useState } from 'react';
import { Alert, Button, Flex, Form, Modal, Space, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { FieldDef, MachineDef } from '../../kernel/shared/define-machine';
import { api } from '../api-client';
import { FieldItems, fieldDefaults, fieldValues } from './field-items';
import { stateLabel } from './status-tag';

/** One transition as GET …/:id answers it. */
export interface TransitionView {
  name: string;
  label: string;
  fields?: readonly FieldDef[];
  confirm?: string | null;
  danger?: boolean | null;
}

interface Props {
  machine: MachineDef;
  transitions: readonly TransitionView[];
  /** The record's version (optimistic locking). */
  version: number;
  /** POST URL of a transition, e.g. `/api/disclosure/requests/12/transitions/${name}`. */
  url: (name: string) => string;
  /** Called with the server's answer (the updated record) after a transition succeeded. */
  onDone: (result: unknown) => void;
}

export function TransitionButtons({ machine, transitions, version, url, onDone }: Props) {
  const [active, setActive] = useState<TransitionView | null>(null);
  if (transitions.length === 0) return null;
  return (
    <>
      <Space wrap>
        {transitions.map((t, i) => (
          <Button
            key={t.name}
            type={i === 0 && !t.danger ? 'primary' : 'default'}
            danger={Boolean(t.danger)}
            data-testid={`transition-${t.name}`}
            onClick={() => setActive(t)}
          >
            {t.label}
          </Button>
        ))}
      </Space>
      {active ? (
        <TransitionModal
          key={active.name}
          machine={machine}
          transition={active}
          version={version}
          url={url(active.name)}
          onClose={() => setActive(null)}
          onDone={(result) => {
            setActive(null);
            onDone(result);
          }}
        />
      ) : null}
    </>
  );
}

function TransitionModal({
  machine,
  transition,
  version,
  url,
  onClose,
  onDone,
}: {
  machine: MachineDef;
  transition: TransitionView;
  version: number;
  url: string;
  onClose: () => void;
  onDone: (result: unknown) => void;
}) {
  const [form] = Form.useForm();
  const [submitting, setSubmitting] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const def = machine.transitions[transition.name];
  const fields = transition.fields ?? def?.fields ?? [];
  const confirm = transition.confirm ?? def?.confirm;
  const danger = Boolean(transition.danger ?? def?.danger);
  const target = def ? stateLabel(machine, def.to) : '';

  const submit = async (values: Record<string, unknown>) => {
    setSubmitting(true);
    try {
      const result = await api.post(url, { version, input: fieldValues(fields, values) }, { form, fieldPrefix: 'input.' });
      onDone(result);
    } catch {
      // The error policy has shown the problem or marked the fields; the input stays as typed.
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={
        <Space>
          {danger ? <ExclamationCircleOutlined style={{ color: '#ff4d4f' }} /> : null}
          {transition.label}
        </Space>
      }
      onCancel={onClose}
      footer={null}
      mask={{ closable: false }}
      width={fields.some((f) => f.type === 'textarea') ? 640 : 520}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) return;
        const el = wrapRef.current?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, .ant-select-selector, button[type=submit]');
        el?.focus();
      }}
    >
      <div ref={wrapRef}>
        <Form form={form} layout="vertical" initialValues={fieldDefaults(fields)} onFinish={submit} disabled={submitting} data-testid="transition-form">
          {confirm ? <Alert type={danger ? 'warning' : 'info'} showIcon title={confirm} style={{ marginBottom: 16 }} /> : null}
          {fields.length === 0 && !confirm ? (
            <Typography.Paragraph>
              确认执行“{transition.label}”{target ? `，记录将转为“${target}”` : ''}？
            </Typography.Paragraph>
          ) : null}
          {target && fields.length > 0 ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
              办理后状态：{target}
            </Typography.Paragraph>
          ) : null}
          <FieldItems fields={fields} autoFocusFirst={false} />
          <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
            <Button onClick={onClose} disabled={false}>
              取消
            </Button>
            <Button type="primary" danger={danger} htmlType="submit" loading={submitting} data-testid="transition-ok">
              确定
            </Button>
          </Flex>
        </Form>
      </div>
    </Modal>
  );
}
