/** The built files themselves: complete, and unable to load anything from another host. */
import { readFileSync } from 'node:fs';
import { apiIds, listOperations } from '@vouchspec/spec';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../src/reference.js';

const page = (name: string) => readFileSync(new URL(`../dist/${name}`, import.meta.url), 'utf8');
const pages = ['index.html', ...apiIds.map((api) => `${api}.html`)];

/** Markup that would make a browser fetch from another host. */
const externalLoads =
  /<(?:script|img|iframe|source|video|audio)[^>]+src=["']?(?:https?:)?\/\/|<link[^>]+href=["']?(?:https?:)?\/\/|@import\s+url\(["']?(?:https?:)?\/\//gi;

describe('docs site files', () => {
  it.each(apiIds)('%s reference holds every operation of the bundle', (api) => {
    const html = page(`${api}.html`);
    for (const op of listOperations(api)) {
      expect(html, op.operationId).toContain(`"operationId":"${op.operationId}"`);
      expect(html, op.operationId).toContain(JSON.stringify(op.operation.summary));
    }
  });

  it('landing page links every operation into its reference', () => {
    const html = page('index.html');
    for (const api of apiIds)
      for (const op of listOperations(api))
        expect(html).toContain(`href="./${api}.html#operation/${op.operationId}"`);
  });

  it.each(pages)('%s forbids loads from other origins and references none', (name) => {
    const html = page(name);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`);
    expect(contentSecurityPolicy).toMatch(/default-src 'none'/);
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*/);
    expect(html.match(externalLoads)).toBeNull();
    expect(html).not.toContain('cdn.redoc.ly');
  });
});
