// Form items generated from a machine's FieldDef list (text / textarea / date / number / select).
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { FieldDef } from '../../kernel/shared/define-machine';
import { toDateString, todayDayjs } from './format';

/**
 * The input for one field. Form.Item injects `value`, `onChange` and `id` into its direct child, so
 * they are passed through to the antd control.
 */
function FieldControl({ field, autoFocus, ...control }: { field: FieldDef; autoFocus?: boolean; value?: never; onChange?: never; id?: string }) {
  const testid = `field-${field.name}`;
  const props = { ...control, autoFocus, 'data-testid': testid };
  switch (field.type) {
    case 'textarea':
      return <Input.TextArea {...props} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={field.maxLength ?? 4000} showCount />;
    case 'date':
      return <DatePicker {...props} style={{ width: '100%' }} format="YYYY-MM-DD" />;
    case 'number':
      return <InputNumber {...props} style={{ width: '100%' }} min={field.min} max={field.max} precision={0} />;
    case 'select':
      return (
        <Select
          {...props}
          options={(field.options ?? []).map((o) => ({ value: o.value, label: o.label }))}
          placeholder={`请选择${field.label}`}
          showSearch={{ optionFilterProp: 'label' }}
        />
      );
    default:
      return <Input {...props} maxLength={field.maxLength ?? 200} />;
  }
}

/**
 * The required rule of a field. Only text fields get `whitespace`: any key besides `required` and
 * `message` makes the validator check the value as a string, which a DatePicker's dayjs value fails.
 */
const requiredRule = (f: FieldDef) => {
  if (!f.required) return [];
  const message = f.type === 'select' || f.type === 'date' ? `请选择${f.label}` : `请填写${f.label}`;
  return f.type === 'text' || f.type === 'textarea' ? [{ required: true, whitespace: true, message }] : [{ required: true, message }];
};

/** One Form.Item per field, with required rules and `help` as the item's extra text. */
export function FieldItems({ fields, autoFocusFirst = true }: { fields: readonly FieldDef[]; autoFocusFirst?: boolean }) {
  return (
    <>
      {fields.map((f, i) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={f.label}
          extra={f.help}
          rules={requiredRule(f)}
        >
          <FieldControl field={f} autoFocus={autoFocusFirst && i === 0} />
        </Form.Item>
      ))}
    </>
  );
}

/** Initial form values: date fields default to today (except deadline-like dates set by the user). */
export const fieldDefaults = (fields: readonly FieldDef[]): Record<string, unknown> => {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.type === 'date' && !/deadline/i.test(f.name)) values[f.name] = todayDayjs();
  }
  return values;
};

/** Form values → the JSON input the server validates (dates as 'YYYY-MM-DD', empty text left out). */
export const fieldValues = (fields: readonly FieldDef[], values: Record<string, unknown>): Record<string, unknown> => {
  const input: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined || v === null || v === '') continue;
    if (f.type === 'date') input[f.name] = toDateString(v as Dayjs);
    else if (f.type === 'text' || f.type === 'textarea') input[f.name] = String(v).trim();
    else input[f.name] = v;
  }
  return input;
};

/** A field value for display (select values by label). */
export const fieldDisplay = (f: FieldDef | undefined, value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (f?.type === 'select') return f.options?.find((o) => o.value === value)?.label ?? String(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};
