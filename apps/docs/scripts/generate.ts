/**
 * Derives the code samples of every operation from the bundles, type-checks the TypeScript ones against
 * `@vouchspec/client`, and writes each bundle with its samples attached (`x-codeSamples`, which Redoc shows
 * beside the request payload) to `src/generated/`. Fails, writing nothing, when any sample does not compile.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiIds, listOperations, loadBundle } from '@vouchspec/spec';
import { type OperationSamples, operationSamples } from '../src/samples.js';
import { typeCheckSamples } from '../src/typecheck.js';

const generatedDir = new URL('../src/generated/', import.meta.url).pathname;

const samples = await Promise.all(
  apiIds.map(async (api) => {
    const doc = loadBundle(api);
    const operations = listOperations(api, doc);
    return {
      api,
      doc,
      samples: await Promise.all(
        operations.map(async (op) => ({ op, ...(await operationSamples(api, doc, op)) })),
      ),
    };
  }),
);

const errors = typeCheckSamples(
  samples.flatMap(({ api, samples }) =>
    samples.map((sample) => ({ name: `${api}/${sample.operationId}`, source: sample.typescript })),
  ),
);
if (errors.length > 0) {
  for (const error of errors) console.error(`${error.name}.ts:${error.line}: ${error.message}`);
  console.error(`docs: ${errors.length} type errors in the code samples`);
  process.exit(1);
}

const codeSamples = (sample: OperationSamples) => [
  { lang: 'TypeScript', label: '@vouchspec/client', source: sample.typescript },
  { lang: 'HTTP', label: 'HTTP', source: sample.http },
];

// Written beside the final directory, then swapped in, so a failed run leaves the previous output whole.
const staging = `${generatedDir.replace(/\/$/, '')}.tmp-${process.pid}`;
await rm(staging, { recursive: true, force: true });
await mkdir(staging, { recursive: true });
for (const { api, doc, samples: operations } of samples) {
  const annotated = structuredClone(doc);
  for (const { op, ...sample } of operations) {
    const operation = annotated.paths?.[op.path]?.[op.method];
    if (!operation) throw new Error(`${api}: ${op.method} ${op.path} vanished from the bundle`);
    Object.assign(operation, { 'x-codeSamples': codeSamples(sample) });
  }
  await writeFile(join(staging, `${api}.json`), `${JSON.stringify(annotated, null, 2)}\n`);
}
await rm(generatedDir, { recursive: true, force: true });
await rename(staging, generatedDir);
const count = samples.reduce((sum, api) => sum + api.samples.length, 0);
console.log(`docs: ${count} operations, every TypeScript sample type-checked against @vouchspec/client`);
