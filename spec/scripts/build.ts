/**
 * Builds what `@vouchspec/spec` publishes, into `dist/`: each API's bundle as JSON (Redocly) and YAML, the
 * types generated from the bundles, and the runtime the other packages share (ESM and CommonJS).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'tsdown';
import { stringify } from 'yaml';
import { apiIds, loadBundle } from '../src/index.js';

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
// One Redocly run bundles both APIs to the JSON files redocly.yaml names; the YAML is the same document.
await redocly('bundle', '--config', 'redocly.yaml', '--ext', 'json');
for (const api of apiIds)
  await writeFile(
    new URL(`../dist/${api}.yaml`, import.meta.url),
    stringify(loadBundle(api), { lineWidth: 0 }),
  );
// The generator reads the bundles just written.
await run(process.execPath, ['--import', 'tsx', 'scripts/generate-types.ts'], { cwd: packageDir });
await build({ cwd: packageDir, logLevel: 'warn' });
// The declarations read the same from CommonJS: copied as `.d.cts`, their relative imports pointing at the
// CommonJS siblings, as tsdown would emit them (generating them twice doubled the build).
const dist = new URL('../dist/', import.meta.url);
for (const file of (await readdir(dist)).filter((name) => name.endsWith('.d.ts'))) {
  const declarations = await readFile(new URL(file, dist), 'utf8');
  await writeFile(
    new URL(file.replace(/\.d\.ts$/, '.d.cts'), dist),
    declarations.replace(/(from ["']\.\.?\/[^"']+)\.js(["'])/g, '$1.cjs$2'),
  );
}
