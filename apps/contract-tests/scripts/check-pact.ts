/**
 * Checks one pact file the way the suite does: compared with the spec, then verified interaction by
 * interaction against a fresh mock server. `tsx scripts/check-pact.ts <pact.json>`; exits non-zero on any
 * failure. Useful while writing consumer tests.
 */
import { createMockServer } from '@vouchspec/mock-server';
import { type ApiId, apiIds } from '@vouchspec/spec';
import { compareWithSpec } from '../src/compare.js';
import { placeholders } from '../src/credentials.js';
import { runVerification } from '../src/run-verification.js';
import { readPact } from '../src/verify.js';

const file = process.argv[2];
if (!file) {
  console.error('Usage: tsx scripts/check-pact.ts <pact.json>');
  process.exit(2);
}
const pact = await readPact(file);
const provider = pact.provider.name as ApiId;
if (!apiIds.includes(provider)) throw new Error(`unknown provider ${provider}`);
const mismatches = await compareWithSpec(provider, pact);
for (const m of mismatches) console.log(`spec ✗ ${m.interaction}: ${m.code} ${m.message} (${m.location})`);
const mock = await createMockServer({ validateResponses: true });
let failed = mismatches.length;
try {
  const results = await runVerification(
    { provider, baseUrl: mock.url, kind: 'mock', credentials: placeholders },
    file,
  );
  for (const r of results) {
    console.log(`${r.verdict === 'passed' ? '✓' : '✗'} ${r.description}`);
    if (r.verdict !== 'passed') {
      failed++;
      console.log(
        `    ${r.reason}\n${(r.log ?? '')
          .split('\n')
          .map((l) => `      ${l}`)
          .join('\n')}`,
      );
    }
  }
  console.log(`${results.length} interactions, ${mismatches.length} spec mismatches, ${failed} failures`);
} finally {
  await mock.close();
}
process.exit(failed > 0 ? 1 : 0);
