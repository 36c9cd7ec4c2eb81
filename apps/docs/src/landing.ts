import type { ApiId, OpenApiDocument, OperationInfo } from '@vouchspec/spec';

export interface ApiSummary {
  api: ApiId;
  doc: OpenApiDocument;
  operations: OperationInfo[];
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function apiCard({ api, doc, operations }: ApiSummary): string {
  const tags = [...new Set(operations.flatMap((o) => o.operation.tags ?? []))];
  const rows = operations
    .map(
      (o) =>
        `<li><code class="method ${o.method}">${o.method.toUpperCase()}</code> <code>${escapeHtml(o.path)}</code> — ${escapeHtml(o.operation.summary ?? o.operationId)}${o.deprecated ? ' <em>(deprecated)</em>' : ''}</li>`,
    )
    .join('\n');
  return `<section class="api">
  <h2><a href="./${api}.html">${escapeHtml(doc.info.title)}</a></h2>
  <p>${escapeHtml(doc.info.summary ?? '')}</p>
  <p class="meta">${operations.length} operations · ${tags.length} ${tags.length === 1 ? 'tag' : 'tags'} · version ${escapeHtml(doc.info.version)} · <a href="./${api}.html">full reference →</a></p>
  <ul class="operations">${rows}</ul>
</section>`;
}

/** The landing page: both APIs, their operations, and how to use the client and the suite. */
export function landingPage(apis: ApiSummary[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vouchspec — voucher API contracts</title>
<style>
  :root { color-scheme: light; --ink: #1d2433; --muted: #5b6578; --accent: #2f5fd0; --bg: #f7f8fb; }
  body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
  header, main { max-width: 960px; margin: 0 auto; padding: 24px; }
  header h1 { margin-bottom: 0; }
  header p { color: var(--muted); margin-top: 4px; }
  a { color: var(--accent); }
  .api { background: #fff; border: 1px solid #e2e6ef; border-radius: 8px; padding: 8px 24px 16px; margin-bottom: 24px; }
  .meta { color: var(--muted); font-size: 14px; }
  .operations { list-style: none; padding: 0; font-size: 14px; }
  .operations li { padding: 3px 0; }
  code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; }
  .method { display: inline-block; min-width: 56px; font-weight: 600; }
  .get { color: #1b7f3b; } .post { color: #2f5fd0; } .put { color: #a05a00; } .delete { color: #b3261e; }
  pre { background: #1d2433; color: #e8ecf5; padding: 16px; border-radius: 8px; overflow-x: auto; }
</style>
</head>
<body>
<header>
  <h1>vouchspec</h1>
  <p>One trustworthy contract for the Voucherify and Mews Connector voucher APIs: a hand-authored OpenAPI 3.1 spec, a typed client, a stateful mock server and a Pact conformance suite.</p>
</header>
<main>
<h2>Use it</h2>
<pre><code>npm install @vouchspec/client

import { createVoucherifyClient } from '@vouchspec/client';
const voucherify = createVoucherifyClient({ cluster: 'api', appId: process.env.VOUCHERIFY_APP_ID, appToken: process.env.VOUCHERIFY_APP_TOKEN });
const { data, error } = await voucherify.GET('/v1/customers/{customerId}', { params: { path: { customerId: 'cust_123' } } });</code></pre>
<pre><code># run the conformance suite against the embedded mock server
pnpm conformance</code></pre>
${apis.map(apiCard).join('\n')}
</main>
</body>
</html>
`;
}
