/**
 * Builds the static docs site into `dist/`: a landing page and one reference page per API, from the bundles
 * with their type-checked code samples (`pnpm --filter @vouchspec/docs generate`). Each page inlines what it
 * needs, so none loads anything from another host. The site is built beside `dist/` and swapped in whole.
 */
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type ApiId, apiIds, listOperations, loadBundle, type OpenApiDocument } from '@vouchspec/spec';
import { landingPage } from '../src/landing.js';
import { referencePage, selfContainedRedoc } from '../src/reference.js';

const distDir = new URL('../dist/', import.meta.url).pathname.replace(/\/$/, '');
const generatedDir = new URL('../src/generated/', import.meta.url).pathname;
const redocScript = selfContainedRedoc(
  await readFile(createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js'), 'utf8'),
);

/** The operation whose sample the landing page shows for each API. */
const landingExamples: Record<ApiId, string> = {
  voucherify: 'getCustomer',
  'mews-connector': 'getAllVoucherCodes',
};

function typescriptSample(spec: OpenApiDocument | undefined, operationId: string) {
  for (const item of Object.values(spec?.paths ?? {}))
    for (const operation of Object.values(item ?? {}) as {
      operationId?: string;
      'x-codeSamples'?: { lang: string; source: string }[];
    }[])
      if (operation?.operationId === operationId) {
        const sample = operation['x-codeSamples']?.find((s) => s.lang === 'TypeScript');
        if (sample) return { operationId, source: sample.source };
      }
  throw new Error(`no TypeScript sample for ${operationId}`);
}

const annotated = new Map<ApiId, OpenApiDocument>();
for (const api of apiIds) {
  const file = join(generatedDir, `${api}.json`);
  await access(file).catch(() => {
    throw new Error(
      `src/generated/${api}.json is missing: run the generate step first (pnpm run docs does both)`,
    );
  });
  annotated.set(api, JSON.parse(await readFile(file, 'utf8')) as OpenApiDocument);
}

const staging = `${distDir}.tmp-${process.pid}`;
await rm(staging, { recursive: true, force: true });
await mkdir(staging, { recursive: true });
try {
  for (const [api, spec] of annotated)
    await writeFile(join(staging, `${api}.html`), referencePage(spec, redocScript));
  await writeFile(
    join(staging, 'index.html'),
    landingPage(
      apiIds.map((api) => ({
        api,
        doc: loadBundle(api),
        operations: listOperations(api),
        example: typescriptSample(annotated.get(api), landingExamples[api]),
      })),
    ),
  );
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  throw error;
}
await rm(distDir, { recursive: true, force: true });
await rename(staging, distDir);
console.log(`docs: built ${apiIds.length + 1} pages into ${distDir}`);
