/**
 * The `vouchspec-conformance` command: checks the recorded contract against the spec and verifies it against
 * the embedded mock server or, when configured, a real server. The repository's `pnpm conformance` runs the
 * same command with a recording step in front (`record`).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ApiId, apiIds } from '@vouchspec/spec';
import { ConfigError, environmentVariables, realTargets } from './config.js';
import { runConformance } from './conformance.js';
import { shippedPactsDir } from './pacts.js';

export interface CliOptions {
  /** How the user invoked the command, for the usage text. */
  command?: string;
  /** Where relative paths are resolved (default: the current directory). */
  cwd?: string;
  /** Where reports go without `--reports` (default: `conformance-reports` in `cwd`). */
  defaultReportsDir?: string;
  /**
   * Records fresh pacts before they are checked, unless `--pacts` names existing ones. Without it, the
   * command verifies the pacts shipped in this package.
   */
  record?: {
    /** One line for the usage text. */
    describe: string;
    /** Where the recorded pacts go. */
    pactsDir: string;
    run: (pactsDir: string, log: (line: string) => void) => Promise<void>;
  };
  log?: (line: string) => void;
  error?: (line: string) => void;
}

class UsageError extends Error {}

function usage(command: string, options: CliOptions, reportsDir: string): string {
  const pacts = options.record
    ? `  0. Record: ${options.record.describe}\n`
    : '  The pacts are the contract recorded through @vouchspec/client and shipped in this package.\n';
  return `Usage: ${command} [options]

Runs the vouchspec conformance suite:
${pacts}  1. Check: every pact is compared with the bundled OpenAPI spec, and every operation must have a
     success and an error interaction.
  2. Verify: every interaction is replayed against the provider, with its provider state set up first: the
     embedded mock server, or a real server when one is configured (below). States only the mock can set
     up are reported as skipped on a real server.
Reports: junit.xml, conformance.json and conformance.md in ${reportsDir}.

Options:
  --provider <name>   voucherify, mews-connector or all (default: all)
  --base-url <url>    verify the one --provider against this server instead of the mock
  --pacts <dir>       verify the pacts in <dir>${options.record ? ' instead of recording them' : ' instead of the shipped ones'}
  --reports <dir>     write the reports to <dir> (default: ${reportsDir})
  -h, --help          show this help

Real servers are configured by environment variables (credentials are read only from there, sent only to
that server, and redacted from every output):
  Voucherify:  VOUCHERIFY_BASE_URL or VOUCHERIFY_CLUSTER (api, us1.api, as1.api, …),
               VOUCHERIFY_APP_ID, VOUCHERIFY_APP_TOKEN, VOUCHERIFY_MANAGEMENT_ID, VOUCHERIFY_MANAGEMENT_TOKEN
  Mews:        MEWS_PLATFORM_ADDRESS (e.g. https://api.mews-demo.com), MEWS_CLIENT_TOKEN, MEWS_ACCESS_TOKEN
A server given without credentials gets the mock's placeholder credentials (for a mock run elsewhere).

Exit code: 0 when everything passed, 1 on any failure, 2 on bad usage or configuration.`;
}

function parseOptions(argv: string[], cwd: string, defaultReportsDir: string) {
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
    pactsDir: values.pacts ? resolve(cwd, values.pacts) : undefined,
    reportsDir: values.reports ? resolve(cwd, values.reports) : defaultReportsDir,
  };
}

/** Runs the command with these arguments; resolves to the exit code. */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const error = options.error ?? ((line: string) => console.error(line));
  const cwd = options.cwd ?? process.cwd();
  const command = options.command ?? 'vouchspec-conformance';
  const defaultReportsDir = options.defaultReportsDir ?? resolve(cwd, 'conformance-reports');
  try {
    const parsed = parseOptions(argv, cwd, defaultReportsDir);
    if (parsed.help) {
      log(usage(command, options, defaultReportsDir));
      return 0;
    }
    const real = realTargets(process.env, parsed.providers, parsed.baseUrl);
    const where = parsed.providers
      .map((provider) => `${provider} → ${real[provider]?.baseUrl ?? 'embedded mock server'}`)
      .join(', ');
    log(`vouchspec conformance: ${where}\n`);
    let pactsDir = parsed.pactsDir ?? shippedPactsDir;
    if (!parsed.pactsDir && options.record) {
      pactsDir = options.record.pactsDir;
      log(`Record: ${options.record.describe}`);
      await options.record.run(pactsDir, log);
    }
    const { report, reportFiles, summary } = await runConformance({
      providers: parsed.providers,
      real,
      pactsDir,
      reportsDir: parsed.reportsDir,
      log,
    });
    for (const failed of report.interactions.filter((r) => r.verdict === 'failed'))
      log(`\n✗ ${failed.description}: ${failed.reason ?? ''}\n${failed.log ?? ''}`);
    log(`\n${summary}`);
    log(`\nReports: ${reportFiles.join(', ')}`);
    log(`${report.passed ? 'Passed' : 'FAILED'} in ${(report.durationMs / 1000).toFixed(1)} s.`);
    return report.passed ? 0 : 1;
  } catch (failure) {
    error(`\nconformance: ${(failure as Error).message}`);
    if (failure instanceof ConfigError)
      error(`Variables: ${Object.values(environmentVariables).flat().join(', ')} (see --help)`);
    return failure instanceof UsageError || failure instanceof ConfigError ? 2 : 1;
  }
}
