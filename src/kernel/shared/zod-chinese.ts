import { z } from 'zod';

const TYPE_LABELS: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否（true/false）',
  object: '对象',
  array: '列表',
  date: '日期',
};

/**
 * Chinese messages for zod issues whose schema gives none (zod's own are English): every field
 * problem the API answers with is Chinese, including those of schemas written without messages.
 */
export const chineseZodError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '此项为必填项';
      return `格式不正确，应为${TYPE_LABELS[issue.expected] ?? issue.expected}`;
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `不能超过 ${max} 项`;
      return issue.inclusive ? `不能大于 ${max}` : `须小于 ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${min} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      return issue.inclusive ? `不能小于 ${min}` : `须大于 ${min}`;
    }
    case 'invalid_value':
      return `取值无效，可选：${issue.values.map(String).join('、')}`;
    case 'invalid_format':
      return issue.format === 'regex' ? '格式不正确' : `格式不正确（应为 ${issue.format}）`;
    case 'not_multiple_of':
      return `须为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_key':
    case 'invalid_element':
    case 'invalid_union':
      return '格式不正确';
    default:
      return '输入无效';
  }
};

/** Installs the Chinese messages for every zod schema of the process (idempotent). */
export const useChineseZodMessages = (): void => {
  z.config({ localeError: chineseZodError });
};
