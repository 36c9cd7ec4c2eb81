/**
 * Builds what `@vouchspec/spec` publishes, into `dist/`: each API's bundle as JSON and YAML (Redocly), the
 * types generated from the bundles, and the runtime the other packages share (ESM and CommonJS).
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'tsdown';
import { apiIds } from '../src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

async function redocly(...args: string[]) {
  try {
    await run('redocly', args, {
      cwd: packageDir,
      env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`redocly ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await Promise.all(
  apiIds.flatMap((api) =>
    ['json', 'yaml'].map((ext) =>
      redocly('bundle', api, '--config', 'redocly.yaml', '-o', `dist/${api}.${ext}`),
    ),
  ),
);
// The generator reads the bundles just written.
await run(process.execPath, ['--import', 'tsx', 'scripts/generate-types.ts'], { cwd: packageDir });
await build({ cwd: packageDir, logLevel: 'warn' });
