/**
 * The code samples: one per operation, each a compiling use of `@vouchspec/client`, and the built site
 * carrying exactly what the spec produces today. The type check is shown to bite on wrong samples.
 */
import { readFileSync } from 'node:fs';
import { apiIds, listOperations, loadBundle } from '@vouchspec/spec';
import { describe, expect, it } from 'vitest';
import { operationSamples } from '../src/samples.js';
import { typeCheckSamples } from '../src/typecheck.js';

const everySample = await Promise.all(
  apiIds.flatMap((api) => {
    const doc = loadBundle(api);
    return listOperations(api, doc).map(async (op) => ({
      api,
      op,
      ...(await operationSamples(api, doc, op)),
    }));
  }),
);

describe('code samples', () => {
  it('exist for all 61 operations, each calling its own operation through the client', () => {
    expect(everySample).toHaveLength(61);
    for (const { api, op, typescript, http } of everySample) {
      const factory = api === 'voucherify' ? 'createVoucherifyClient' : 'createMewsConnectorClient';
      expect(typescript, op.operationId).toContain(`import { ${factory}, unwrap } from '@vouchspec/client';`);
      expect(typescript.replace(/\s+/g, ''), op.operationId).toContain(
        `.${op.method.toUpperCase()}('${op.path}'`,
      );
      expect(http.split('\n')[0], op.operationId).toMatch(new RegExp(`^${op.method.toUpperCase()} /`));
    }
  });

  // Every sample is type-checked by the build (scripts/generate.ts fails on any error); this shows the check
  // would catch one that drifted.
  it('fail the check when a sample drifts from the client', () => {
    const good = everySample.find((s) => s.operationId === 'createCustomer')?.typescript ?? '';
    const errors = typeCheckSamples([
      { name: 'wrong-path', source: good.replace("'/v1/customers'", "'/v1/customer'") },
      { name: 'wrong-field', source: good.replace("source_id: 'crm-000417'", 'source_id: 417') },
      { name: 'wrong-option', source: good.replace('appToken:', 'appSecret:') },
    ]);
    expect([...new Set(errors.map((e) => e.name))].sort()).toEqual([
      'wrong-field',
      'wrong-option',
      'wrong-path',
    ]);
  });

  it('send credentials as placeholders only, in the variables the suite and the README use', () => {
    for (const { http, typescript } of everySample) {
      expect(http).not.toMatch(/mock-|invalid-credential/);
      for (const [, name] of typescript.matchAll(/process\.env\.(\w+)/g))
        expect(name).toMatch(
          /^(VOUCHERIFY_(APP_ID|APP_TOKEN|MANAGEMENT_ID|MANAGEMENT_TOKEN)|MEWS_(CLIENT|ACCESS)_TOKEN)$/,
        );
    }
  });

  it.each(apiIds)('are in the built %s reference exactly as the spec produces them today', (api) => {
    const html = readFileSync(new URL(`../dist/${api}.html`, import.meta.url), 'utf8');
    for (const sample of everySample.filter((s) => s.api === api)) {
      expect(html, sample.operationId).toContain(JSON.stringify(sample.typescript).replace(/</g, '\\u003c'));
      expect(html, sample.operationId).toContain(JSON.stringify(sample.http).replace(/</g, '\\u003c'));
    }
  });
});
