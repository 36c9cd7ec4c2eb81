/**
 * The landing page: what vouchspec is, both APIs with every operation grouped by tag and linked into its
 * reference, and how to use the client, the mock server and the conformance suite. The client examples are
 * the type-checked samples of two operations, so they cannot drift from the client either.
 */
import type { ApiId, OpenApiDocument, OperationInfo } from '@vouchspec/spec';
import { escapeHtml, pageHead } from './reference.js';

export interface ApiSummary {
  api: ApiId;
  doc: OpenApiDocument;
  operations: OperationInfo[];
  /** The TypeScript sample of one representative operation. */
  example: { operationId: string; source: string };
}

function operationItem(api: ApiId, op: OperationInfo): string {
  const summary = escapeHtml(op.operation.summary ?? op.operationId);
  const deprecated = op.deprecated ? ' <span class="deprecated">deprecated</span>' : '';
  return `<li data-operation-id="${op.operationId}"><a href="./${api}.html#operation/${op.operationId}"><code class="method ${op.method}">${op.method.toUpperCase()}</code> <code class="path">${escapeHtml(op.path)}</code></a> <span class="summary">${summary}${deprecated}</span></li>`;
}

function apiSection({ api, doc, operations, example }: ApiSummary): string {
  const tags = [...new Set(operations.flatMap((op) => op.operation.tags ?? ['Other']))];
  const groups = tags
    .map((tag) => {
      const items = operations.filter((op) => (op.operation.tags ?? ['Other'])[0] === tag);
      return `<div class="tag"><h4>${escapeHtml(tag)} <span class="count">${items.length}</span></h4><ul class="operations">${items.map((op) => operationItem(api, op)).join('')}</ul></div>`;
    })
    .join('\n');
  return `<section class="api" id="${api}">
  <h2><a href="./${api}.html">${escapeHtml(doc.info.title)}</a></h2>
  <p>${escapeHtml(doc.info.summary ?? '')}</p>
  <p class="meta">${operations.length} operations · ${tags.length} ${tags.length === 1 ? 'tag' : 'tags'} · spec version ${escapeHtml(doc.info.version)} · <a href="./${api}.html">full reference →</a></p>
  <details class="example" open><summary>Call it with <code>@vouchspec/client</code> (<code>${example.operationId}</code>)</summary><pre><code>${escapeHtml(example.source)}</code></pre></details>
  <div class="tags">${groups}</div>
</section>`;
}

export function landingPage(apis: ApiSummary[]): string {
  const total = apis.reduce((sum, api) => sum + api.operations.length, 0);
  return `${pageHead('vouchspec — voucher API contracts')}
<style>
  :root { color-scheme: light; --ink: #1d2433; --muted: #5b6578; --accent: #2f5fd0; --bg: #f7f8fb; --line: #e2e6ef; }
  body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
  header { background: var(--ink); color: #e8ecf5; }
  header > div, main { max-width: 1040px; margin: 0 auto; padding: 24px; }
  header h1 { margin: 0; font-size: 32px; }
  header p { margin: 8px 0 0; color: #c5cde0; max-width: 760px; }
  header nav a { color: #b9ccff; margin-right: 16px; }
  a { color: var(--accent); }
  h2 { margin-top: 8px; }
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
  .card, .api { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 4px 20px 16px; }
  .api { margin-top: 24px; }
  .meta, .count, .summary { color: var(--muted); }
  .meta { font-size: 14px; }
  .tags { display: block; }
  .tag h4 { margin: 16px 0 4px; }
  .operations { list-style: none; padding: 0; margin: 0; font-size: 14px; }
  .operations li { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; padding: 3px 0; border-bottom: 1px solid var(--line); }
  .operations a { text-decoration: none; color: inherit; overflow-wrap: anywhere; }
  .operations a:hover .path { text-decoration: underline; }
  code, pre { font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
  .method { display: inline-block; min-width: 54px; font-weight: 600; }
  .get { color: #1b7f3b; } .post { color: #2f5fd0; } .put { color: #a05a00; } .delete { color: #b3261e; }
  .deprecated { font-size: 12px; color: #a05a00; border: 1px solid #e6c48f; border-radius: 4px; padding: 0 4px; }
  pre { background: var(--ink); color: #e8ecf5; padding: 14px 16px; border-radius: 8px; overflow-x: auto; }
  .card pre { white-space: pre-wrap; overflow-wrap: anywhere; }
  details.example summary { cursor: pointer; color: var(--accent); }
</style>
</head>
<body>
<header><div>
  <h1>vouchspec</h1>
  <p>One trustworthy contract for the Voucherify and Mews Connector voucher APIs: a hand-authored OpenAPI 3.1 description of ${total} operations, a typed client generated from it, a stateful mock server, and a Pact conformance suite you can run against the mock or your own account.</p>
  <nav>${apis.map(({ api, doc }) => `<a href="./${api}.html">${escapeHtml(doc.info.title)} reference</a>`).join('')}<a href="#use">Use it</a></nav>
</div></header>
<main>
<h2 id="use">Use it</h2>
<p>Four packages on npm, for Node.js 20.19 or later, released together under one version.</p>
<div class="grid">
  <div class="card">
    <h3>The client</h3>
    <p>Typed requests and responses for every operation, the right credentials per operation, retries, timeouts, query and multipart encoding. ESM and CommonJS. Every sample in the reference is type-checked against it.</p>
    <pre><code>npm install @vouchspec/client</code></pre>
  </div>
  <div class="card">
    <h3>The mock server</h3>
    <p>Both APIs, stateful and validated against the spec, with the vendors' error bodies, for development and tests without credentials: a command, or <code>startMockServer()</code> in your test set-up.</p>
    <pre><code>npm install --save-dev @vouchspec/mock-server
npx vouchspec-mock --port 4010</code></pre>
  </div>
  <div class="card">
    <h3>The conformance suite</h3>
    <p>The recorded contract (every operation, its success and its errors) checked against the spec and verified against the embedded mock server, or your account when its credentials are set.</p>
    <pre><code>npm install --save-dev @vouchspec/conformance
npx vouchspec-conformance
# against your sandbox: set VOUCHERIFY_CLUSTER and the four
# VOUCHERIFY_* key variables, then
npx vouchspec-conformance --provider voucherify</code></pre>
  </div>
  <div class="card">
    <h3>The spec</h3>
    <p>The bundled OpenAPI 3.1 documents of both APIs as JSON and YAML, their TypeScript types, and a small runtime to list operations and validate against them.</p>
    <pre><code>npm install @vouchspec/spec</code></pre>
  </div>
</div>
${apis.map(apiSection).join('\n')}
</main>
</body>
</html>
`;
}
