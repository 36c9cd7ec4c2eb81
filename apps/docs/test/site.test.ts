import { readFileSync } from 'node:fs';
import { apiIds, listOperations } from '@vouchspec/spec';
import { describe, expect, it } from 'vitest';

const page = (name: string) => readFileSync(new URL(`../dist/${name}`, import.meta.url), 'utf8');

/** Markup that would make a browser fetch from another host. */
const externalLoads =
  /<(?:script|img|iframe)[^>]+src=["']?(?:https?:)?\/\/|<link[^>]+href=["']?(?:https?:)?\/\/|@import\s+url\(["']?(?:https?:)?\/\//gi;

describe('docs site', () => {
  it.each(apiIds)('has a reference page for %s naming every operation', (api) => {
    const html = page(`${api}.html`);
    for (const op of listOperations(api)) {
      expect(html, op.operationId).toContain(`"operationId":"${op.operationId}"`);
      expect(html, op.operationId).toContain(op.operation.summary as string);
    }
  });

  it('has a landing page linking both references and listing every operation', () => {
    const html = page('index.html');
    for (const api of apiIds) {
      expect(html).toContain(`href="./${api}.html"`);
      for (const op of listOperations(api)) expect(html).toContain(op.path);
    }
  });

  it.each(['index.html', ...apiIds.map((api) => `${api}.html`)])(
    '%s loads nothing from other hosts',
    (name) => {
      expect(page(name).match(externalLoads)).toBeNull();
    },
  );
});
