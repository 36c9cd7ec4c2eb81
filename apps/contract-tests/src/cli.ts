/**
 * `pnpm conformance`: records the contract through @vouchspec/client, checks it against the spec, and
 * verifies it against the embedded mock server or, when configured, a real server.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ApiId, apiIds } from '@vouchspec/spec';
import { ConfigError, environmentVariables, realTargets } from './config.js';
import { runConformance } from './conformance.js';
import { pactsDir, reportsDir } from './pact.js';

const usage = `Usage: pnpm conformance [options]

Runs the vouchspec conformance suite:
  1. Pact consumer tests through @vouchspec/client record the contract (apps/contract-tests/pacts/).
  2. Every pact is compared with the bundled OpenAPI spec, and every operation must have a success and an
     error interaction.
  3. Every interaction is verified against the provider: the embedded mock server, or a real server when
     one is configured (below). States only the mock can set up are reported as skipped on a real server.
Reports: junit.xml, conformance.json and conformance.md in apps/contract-tests/reports/.

Options:
  --provider <name>   voucherify, mews-connector or all (default: all)
  --base-url <url>    verify the one --provider against this server instead of the mock
  --pacts <dir>       verify the pacts already in <dir> instead of recording them (step 1 is skipped)
  --reports <dir>     write the reports to <dir> (default: apps/contract-tests/reports/)
  -h, --help          show this help

Real servers are configured by environment variables (credentials are read only from there, sent only to
that server, and redacted from every output):
  Voucherify:  VOUCHERIFY_BASE_URL or VOUCHERIFY_CLUSTER (api, us1.api, as1.api, …),
               VOUCHERIFY_APP_ID, VOUCHERIFY_APP_TOKEN, VOUCHERIFY_MANAGEMENT_ID, VOUCHERIFY_MANAGEMENT_TOKEN
  Mews:        MEWS_PLATFORM_ADDRESS (e.g. https://api.mews-demo.com), MEWS_CLIENT_TOKEN, MEWS_ACCESS_TOKEN
A server given without credentials gets the mock's placeholder credentials (for a mock run elsewhere).

Exit code: 0 when everything passed, 1 on any failure, 2 on bad usage or configuration.`;

class UsageError extends Error {}

/** Relative paths are the user's: pnpm runs this script in the package but records where it was started. */
const invokedFrom = process.env.INIT_CWD ?? process.cwd();

function parseOptions(argv: string[]) {
  let values: { provider: string; 'base-url'?: string; pacts?: string; reports?: string; help: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        provider: { type: 'string', default: 'all' },
        'base-url': { type: 'string' },
        pacts: { type: 'string' },
        reports: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const providers = values.provider === 'all' ? [...apiIds] : [values.provider];
  for (const provider of providers) {
    if (!apiIds.includes(provider as ApiId))
      throw new UsageError(`Unknown provider "${provider}": use ${[...apiIds, 'all'].join(', ')}`);
  }
  return {
    help: values.help,
    providers: providers as ApiId[],
    baseUrl: values['base-url'],
    pactsDir: values.pacts ? resolve(invokedFrom, values.pacts) : undefined,
    reportsDir: values.reports ? resolve(invokedFrom, values.reports) : reportsDir,
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(usage);
    return 0;
  }
  const real = realTargets(process.env, options.providers, options.baseUrl);
  const where = options.providers
    .map((provider) => `${provider} → ${real[provider]?.baseUrl ?? 'embedded mock server'}`)
    .join(', ');
  console.log(`vouchspec conformance: ${where}\n`);
  const { report, reportFiles, summary } = await runConformance({
    providers: options.providers,
    real,
    pactsDir: options.pactsDir ?? pactsDir,
    reportsDir: options.reportsDir,
    runConsumerTests: options.pactsDir === undefined,
    log: (line) => console.log(line),
  });
  for (const failed of report.interactions.filter((r) => r.verdict === 'failed'))
    console.log(`\n✗ ${failed.description}: ${failed.reason ?? ''}\n${failed.log ?? ''}`);
  console.log(`\n${summary}`);
  console.log(`\nReports: ${reportFiles.join(', ')}`);
  console.log(`${report.passed ? 'Passed' : 'FAILED'} in ${(report.durationMs / 1000).toFixed(1)} s.`);
  return report.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`\nconformance: ${error.message}`);
    if (error instanceof ConfigError)
      console.error(`Variables: ${Object.values(environmentVariables).flat().join(', ')} (see --help)`);
    process.exit(error instanceof UsageError || error instanceof ConfigError ? 2 : 1);
  },
);
