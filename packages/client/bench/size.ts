import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Budget for both clients together, minified and gzipped, with openapi-fetch, without types. */
export const sizeBudgetBytes = 6000;

/**
 * What an application ships for both clients: the built ESM entry bundled with openapi-fetch, minified
 * and gzipped at level 9.
 */
export async function measureRuntimeSize() {
  const result = await build({
    entryPoints: [new URL('../dist/index.js', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}
