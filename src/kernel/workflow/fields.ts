import { z } from 'zod';
import type { FieldDef } from '../shared/define-machine';
import { isLocalDate } from '../shared/local-date';

const cache = new WeakMap<readonly FieldDef[], z.ZodObject>();
const NO_FIELDS: readonly FieldDef[] = [];

/** The zod schema of a transition's declared input fields (built once per declaration). */
export const fieldsSchema = (fields: readonly FieldDef[] = NO_FIELDS): z.ZodObject => {
  const hit = cache.get(fields);
  if (hit) return hit;
  const schema = buildFieldsSchema(fields);
  cache.set(fields, schema);
  return schema;
};

const buildFieldsSchema = (fields: readonly FieldDef[]) => {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    let s: z.ZodType;
    switch (f.type) {
      case 'date':
        s = z.string({ error: `请填写${f.label}` }).refine(isLocalDate, { message: `${f.label}须为有效日期（YYYY-MM-DD）` });
        break;
      case 'number': {
        let n = z.number({ error: `${f.label}须为数字` }).int(`${f.label}须为整数`);
        if (f.min !== undefined) n = n.min(f.min, `${f.label}不能小于 ${f.min}`);
        if (f.max !== undefined) n = n.max(f.max, `${f.label}不能大于 ${f.max}`);
        s = n;
        break;
      }
      case 'select': {
        const values = (f.options ?? []).map((o) => o.value);
        s = z.string({ error: `请选择${f.label}` }).refine((v) => values.includes(v), { message: `${f.label}的取值无效` });
        break;
      }
      default: {
        let t = z.string({ error: `请填写${f.label}` }).trim();
        t = t.max(f.maxLength ?? (f.type === 'textarea' ? 4000 : 200), `${f.label}过长`);
        if (f.required) t = t.min(1, `请填写${f.label}`);
        s = t;
      }
    }
    shape[f.name] = f.required ? s : s.optional().nullable();
  }
  return z.object(shape).strict();
};
