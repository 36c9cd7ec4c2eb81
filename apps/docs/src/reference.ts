/**
 * A reference page for one API: Redoc's standalone bundle and the spec (with its code samples) inlined into
 * one HTML file, so the page needs nothing but itself. The Content-Security-Policy makes that a rule the
 * browser enforces: nothing may load from any other origin.
 */
import type { OpenApiDocument } from '@vouchspec/spec';

export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Redoc's settings: what a reader needs open by default, in the project's colours. */
export const redocOptions = {
  requiredPropsFirst: true,
  sortPropsAlphabetically: false,
  expandResponses: '200,201,202,204',
  jsonSampleExpandLevel: 3,
  hideDownloadButton: false,
  nativeScrollbars: true,
  theme: {
    colors: { primary: { main: '#2f5fd0' } },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", sans-serif',
      headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", sans-serif' },
      code: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
    },
    sidebar: { width: '280px' },
  },
};

/**
 * Redoc's sidebar credits Redocly with a logo it loads from Redocly's CDN. The credit stays; the image is
 * replaced by an empty inline one, so the page still loads nothing from elsewhere. Fails loudly if a Redoc
 * upgrade moves the URL, rather than letting the request back in.
 */
const redocLogoUrl = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const emptyImage = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";

export function selfContainedRedoc(script: string): string {
  if (!script.includes(redocLogoUrl))
    throw new Error(`Redoc no longer references ${redocLogoUrl}: check what its sidebar loads now`);
  if (/<\/script/i.test(script)) throw new Error('the Redoc bundle contains </script> and cannot be inlined');
  return script.split(redocLogoUrl).join(emptyImage);
}

/** Text safe in HTML content and attribute values. */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** The start of every page, up to its title: the Content-Security-Policy comes before anything else. */
export const pageHead = (title: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>`;

/** JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`). */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** `redocScript` as returned by `selfContainedRedoc`. */
export function referencePage(spec: OpenApiDocument, redocScript: string): string {
  return `${pageHead(`${spec.info.title} reference — vouchspec`)}
<style>
  body { margin: 0; }
  .vouchspec-bar { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; padding: 8px 16px; background: #1d2433; color: #e8ecf5; }
  .vouchspec-bar a { color: #b9ccff; }
</style>
</head>
<body>
<nav class="vouchspec-bar"><a href="./index.html">vouchspec</a> · ${escapeHtml(spec.info.title)} · <a href="./voucherify.html">Voucherify</a> · <a href="./mews-connector.html">Mews Connector</a></nav>
<div id="redoc"></div>
<script>${redocScript}</script>
<script>
  Redoc.init(${scriptJson(spec)}, ${scriptJson(redocOptions)}, document.getElementById('redoc'));
</script>
</body>
</html>
`;
}
