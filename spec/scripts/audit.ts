/**
 * Audits a bundled document: `tsx scripts/audit.ts <bundle.json> <voucherify|mews-connector>`.
 * Prints every problem per operation and exits non-zero when there is any.
 */
import { readFileSync } from 'node:fs';
import { auditDocument } from '../src/audit.js';
import { type ApiId, apiIds, listOperations, type OpenApiDocument } from '../src/index.js';

const [file, api] = process.argv.slice(2);
if (!file || !apiIds.includes(api as ApiId)) {
  console.error(`Usage: tsx scripts/audit.ts <bundle.json> <${apiIds.join('|')}>`);
  process.exit(2);
}
const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
const problems = auditDocument(api as ApiId, doc);
const operations = listOperations(api as ApiId, doc);
for (const [operationId, list] of Object.entries(problems)) {
  console.log(`${operationId}:`);
  for (const problem of list) console.log(`  - ${problem}`);
}
const failing = Object.keys(problems).length;
console.log(`${operations.length} operations audited, ${failing} with problems.`);
process.exit(failing > 0 ? 1 : 0);
