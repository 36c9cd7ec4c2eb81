/**
 * `pnpm conformance`: records the consumer contract (Pact tests through @vouchspec/client), then verifies it
 * interaction by interaction against the embedded mock server, and prints a summary.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMockServer } from '@vouchspec/mock-server';
import { type ApiId, apiIds } from '@vouchspec/spec';
import { placeholders } from './credentials.js';
import { pactFile } from './pact.js';
import { runVerification, type VerifiedInteraction } from './run-verification.js';
import { formatSummary, mark } from './summary.js';
import { readPact } from './verify.js';

const usage = `Usage: pnpm conformance [options]

Runs the vouchspec contract suite: Pact consumer tests through @vouchspec/client, then provider verification
of every interaction against the embedded mock server.

Options:
  --provider <name>   voucherify, mews-connector or all (default all)
  -h, --help          Show this help

Exit code: 0 when every interaction passed, 1 when any failed, 2 on bad usage.`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      provider: { type: 'string', default: 'all' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const providers = values.provider === 'all' ? [...apiIds] : [values.provider];
  for (const provider of providers) {
    if (!apiIds.includes(provider as ApiId))
      throw new UsageError(`Unknown provider "${provider}": use ${[...apiIds, 'all'].join(', ')}`);
  }
  return { help: values.help, providers: providers as ApiId[] };
}

class UsageError extends Error {}

/** Runs the consumer project of the vitest config in a child process, so its output stays its own. */
function runConsumerTests(): Promise<void> {
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitest, 'run', '--project', 'consumer', '--reporter', 'dot'], {
      cwd: new URL('..', import.meta.url).pathname,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`consumer tests failed (exit code ${code})`)),
    );
  });
}

async function main() {
  const options = parseOptions();
  if (options.help) {
    console.log(usage);
    return 0;
  }
  const started = performance.now();
  console.log(`vouchspec conformance — providers: ${options.providers.join(', ')}\n`);

  console.log('1/2 Consumer tests (Pact V4 through @vouchspec/client)');
  await runConsumerTests();

  const mock = await createMockServer();
  console.log(`\n2/2 Provider verification against the embedded mock server at ${mock.url}`);
  const results: VerifiedInteraction[] = [];
  try {
    for (const provider of options.providers) {
      const pact = await readPact(pactFile(provider));
      console.log(`  ${provider} (${pact.interactions.length} interactions)`);
      const target = { provider, baseUrl: mock.url, kind: 'mock' as const, credentials: placeholders };
      const verified = await runVerification(target, pactFile(provider), (result) => {
        console.log(
          `    ${mark(result.verdict)} ${result.description} (${result.method} ${result.path} → ${result.status})`,
        );
      });
      for (const failed of verified.filter((r) => r.verdict === 'failed')) {
        console.log(
          `\n    ✗ ${failed.description}: ${failed.reason ?? ''}\n${indent(failed.log ?? '', 6)}\n`,
        );
      }
      results.push(...verified);
    }
  } finally {
    await mock.close();
  }

  console.log(`\n${formatSummary(options.providers, results)}`);
  console.log(`\nFinished in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return results.some((r) => r.verdict === 'failed') ? 1 : 0;
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`\nconformance: ${error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
