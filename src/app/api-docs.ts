const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, { summary?: string; tags?: string[]; requestBody?: unknown; parameters?: unknown[] }>>;
}

/** A plain HTML rendering of the OpenAPI document (no scripts, so it passes the CSP and works offline). */
export const renderApiDocs = (doc: OpenApiDoc): string => {
  const rows: string[] = [];
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? '其他';
      const detail = JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody }, null, 2);
      const list = byTag.get(tag) ?? [];
      list.push(
        `<tr><td><code>${esc(method.toUpperCase())}</code></td><td><code>${esc(path)}</code></td><td>${esc(op.summary)}` +
          `<details><summary>参数</summary><pre>${esc(detail)}</pre></details></td></tr>`,
      );
      byTag.set(tag, list);
    }
  }
  for (const [tag, list] of byTag) rows.push(`<h2>${esc(tag)}</h2><table>${list.join('')}</table>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.info.title)}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;width:100%}td{border-bottom:1px solid #eee;padding:6px;vertical-align:top}pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px}</style>
</head><body><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description)}</p>
<p>机器可读文档：<a href="/api/openapi.json">/api/openapi.json</a></p>${rows.join('')}</body></html>`;
};
