/** The built files themselves: complete, and unable to load anything from another host. */
import { readdirSync, readFileSync } from 'node:fs';
import { apiIds, listOperations } from '@vouchspec/spec';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../src/reference.js';

const page = (name: string) => readFileSync(new URL(`../dist/${name}`, import.meta.url), 'utf8');
const pages = ['index.html', ...apiIds.map((api) => `${api}.html`)];

/** Markup that would make a browser fetch from another host. */
const externalLoads =
  /<(?:script|img|iframe|source|video|audio)[^>]+src=["']?(?:https?:)?\/\/|<link[^>]+href=["']?(?:https?:)?\/\/|@import\s+url\(["']?(?:https?:)?\/\//gi;

describe('docs site files', () => {
  it('holds the pages and nothing else (test output goes elsewhere)', () => {
    expect(readdirSync(new URL('../dist/', import.meta.url)).sort()).toEqual([...pages].sort());
  });

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

  it('landing page tells users how to install each published package, as the README does', () => {
    const html = page('index.html');
    const root = new URL('../../../', import.meta.url);
    const published = ['spec', ...readdirSync(new URL('packages/', root)).map((dir) => `packages/${dir}`)]
      .map((dir) => JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8')))
      .filter((manifest) => !manifest.private)
      .map((manifest) => manifest.name as string);
    expect(published).toHaveLength(4);
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    for (const name of published) {
      const install = new RegExp(`npm install (--save-dev )?${name}\\b`);
      expect(html, name).toMatch(install);
      expect(readme, name).toMatch(install);
    }
    for (const bin of ['npx vouchspec-mock', 'npx vouchspec-conformance']) {
      expect(html).toContain(bin);
      expect(readme).toContain(bin);
    }
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
