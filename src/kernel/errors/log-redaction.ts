/**
 * What the server log may say about a failure: the error's kind, its database code and the SQL text with
 * its placeholders — never the statement's parameters or the values a database message quotes, because
 * those are applicants' names, ID numbers, request content and receipt codes (PIPL; 等保 三级 log
 * content). The stack frames stay: they name code, not data.
 */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.$]*$/;

/** A message with parameter lists, quoted values and key values replaced by `…`. */
export const redactMessage = (message: string): string =>
  message
    .replace(/\n?\s*params:[\s\S]*$/, '\nparams: [已隐去]')
    .replace(/=\((?:[^()]|\([^()]*\))*\)/g, '=(…)')
    .replace(/"([^"]*)"/g, (_m, inner: string) => (IDENTIFIER.test(inner) ? `"${inner}"` : '"…"'))
    .replace(/'([^']*)'/g, (_m, inner: string) => (IDENTIFIER.test(inner) ? `'${inner}'` : "'…'"));

const stackFrames = (err: Error): string => {
  const lines = (err.stack ?? '').split('\n');
  const first = lines.findIndex((l) => /^\s+at /.test(l));
  return first < 0 ? '' : lines.slice(first, first + 12).join('\n');
};

/**
 * One log entry for a failure and its causes (at most five deep), without personal data. `stack: false`
 * leaves out the stack frames (for a short message stored in a table, e.g. a failed event delivery).
 */
export const describeErrorForLog = (err: unknown, opts: { stack?: boolean } = {}): string => {
  const withStack = opts.stack ?? true;
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e !== undefined && e !== null && depth < 5; depth += 1) {
    if (e instanceof Error) {
      const code = (e as { code?: unknown }).code;
      const query = (e as { query?: unknown }).query;
      const head = `${depth === 0 ? '' : '原因：'}${e.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${redactMessage(typeof query === 'string' ? `Failed query: ${query}` : e.message)}`;
      parts.push(head);
      if (withStack && (depth === 0 || !(e as { cause?: unknown }).cause)) {
        const frames = stackFrames(e);
        if (frames) parts.push(frames);
      }
      e = (e as { cause?: unknown }).cause;
    } else {
      parts.push(`${depth === 0 ? '' : '原因：'}非 Error 对象（${typeof e}）`);
      break;
    }
  }
  return parts.join('\n');
};
