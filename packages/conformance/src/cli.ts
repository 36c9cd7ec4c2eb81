/**
 * The `vouchspec-conformance` command: preflight, (record,) check, verify, report, as one run with its own
 * output directory. The repository's `pnpm conformance` runs the same command with a recording step in front
 * (`record`). Exit codes: 0 passed, 1 failed, 2 bad usage or configuration, 3 a target that could not be
 * used (unreachable, TLS, refused credentials).
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ApiId, apiIds } from '@vouchspec/spec';
import { ConfigError, environmentVariables, realTargets } from './config.js';
import { shippedPactsDir } from './pacts.js';
import { preflight, TargetUnavailable } from './preflight/preflight.js';
import { createRedactor } from './redact.js';
import { reportErroredRun } from './report/outcome.js';
import { runConformance } from './run-conformance.js';

export const exitCodes = { passed: 0, failed: 1, usage: 2, targetUnavailable: 3 } as const;

export interface CliOptions {
  /** How the user invoked the command, for the usage text. */
  command?: string;
  /** Where relative paths are resolved (default: the current directory). */
  cwd?: string;
  /** Where each run's directory goes without `--out` (default: `conformance-runs` in `cwd`). */
  runsDir?: string;
  /**
   * Records fresh pacts (into the run's `pacts/`) before they are checked, unless `--pacts` names existing
   * ones. Without it, the command verifies the pacts shipped in this package.
   */
  record?: {
    /** One line for the usage text and the progress. */
    describe: string;
    run: (pactsDir: string, log: (line: string) => void) => Promise<void>;
  };
  /** Where the Voucherify and Mews variables are read (default: `process.env`). */
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

class UsageError extends Error {}

function usage(command: string, options: CliOptions, runsDir: string): string {
  const pacts = options.record
    ? `  0. Record: ${options.record.describe}.\n`
    : '  The pacts are the contract recorded through @vouchspec/client and shipped in this package.\n';
  return `Usage: ${command} [options]

Runs the vouchspec conformance suite:
${pacts}  1. Preflight: each configured server answers, over valid TLS, and accepts the credentials.
  2. Check: every pact is compared with the bundled OpenAPI spec, and every operation must have a success
     and an error interaction.
  3. Verify: every interaction is replayed against the provider, with its provider state set up first: the
     embedded mock server, or a server you configure (below). A vouchspec mock at a URL is recognised and
     verified with every state; on a real server, states only a mock can set up are reported as skipped.
Each run writes junit.xml, conformance.json and conformance.md${options.record ? ' (and the recorded pacts)' : ''} to its own
directory: ${runsDir}/<run id>/ unless --out says otherwise.

Options:
  --provider <name>   voucherify, mews-connector or all (default: all)
  --base-url <url>    verify the one --provider against this server instead of the embedded mock
  --pacts <dir>       verify the pacts in <dir>${options.record ? ' instead of recording them' : ' instead of the shipped ones'}
  --out <dir>         write this run's output to <dir>
  --fail-on-skipped   fail when any interaction is skipped (for CI against a real account)
  -h, --help          show this help

Real servers are configured by environment variables (credentials are read only from there, sent only to
that server, and redacted from every output):
  Voucherify:  VOUCHERIFY_BASE_URL or VOUCHERIFY_CLUSTER (api, us1.api, as1.api, …),
               VOUCHERIFY_APP_ID, VOUCHERIFY_APP_TOKEN, VOUCHERIFY_MANAGEMENT_ID, VOUCHERIFY_MANAGEMENT_TOKEN
  Mews:        MEWS_PLATFORM_ADDRESS (e.g. https://api.mews-demo.com), MEWS_CLIENT_TOKEN, MEWS_ACCESS_TOKEN
A server given without credentials gets the mock's placeholder credentials (for a mock run elsewhere).

Exit codes: 0 passed (skipped interactions are listed, and allowed unless --fail-on-skipped); 1 failed;
2 bad usage or configuration; 3 a configured server could not be used (unreachable, TLS, credentials).`;
}

function parseOptions(argv: string[], cwd: string) {
  let values: {
    provider: string;
    'base-url'?: string;
    pacts?: string;
    out?: string;
    'fail-on-skipped': boolean;
    help: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        provider: { type: 'string', default: 'all' },
        'base-url': { type: 'string' },
        pacts: { type: 'string' },
        out: { type: 'string' },
        'fail-on-skipped': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see --help)`);
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
    outDir: values.out ? resolve(cwd, values.out) : undefined,
    failOnSkipped: values['fail-on-skipped'],
  };
}

/** Sortable and unique per run: `20261207-051233-3f9a1c`. */
function runId(): string {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp.slice(0, 8)}-${stamp.slice(8)}-${randomBytes(3).toString('hex')}`;
}

/** Runs the command with these arguments; resolves to the exit code. Never throws. */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<number> {
  const started = performance.now();
  const print = options.log ?? ((line: string) => console.log(line));
  const printError = options.error ?? ((line: string) => console.error(line));
  const cwd = options.cwd ?? process.cwd();
  const command = options.command ?? 'vouchspec-conformance';
  const runsDir = options.runsDir ?? resolve(cwd, 'conformance-runs');
  let redact = (text: string) => text;
  const log = (line: string) => print(redact(line));
  try {
    const parsed = parseOptions(argv, cwd);
    if (parsed.help) {
      print(usage(command, options, runsDir));
      return exitCodes.passed;
    }
    const real = realTargets(options.env ?? process.env, parsed.providers, parsed.baseUrl);
    redact = createRedactor(Object.values(real).flatMap((target) => target?.secrets ?? []));
    const outDir = parsed.outDir ?? join(runsDir, runId());
    const where = parsed.providers
      .map((provider) => `${provider} → ${real[provider]?.baseUrl ?? 'embedded mock server'}`)
      .join(', ');
    log(`vouchspec conformance: ${where}`);
    log(`Output: ${outDir}\n`);
    const reportOptions = { providers: parsed.providers, real, reportsDir: outDir };
    const stopped = async (reason: string, code: number) => {
      const { reportFiles } = await reportErroredRun(reportOptions, reason, performance.now() - started);
      printError(redact(`\n✗ Errored: ${reason}`));
      log(`Reports: ${reportFiles.join(', ')}`);
      return code;
    };

    let identified = {};
    if (Object.keys(real).length > 0) {
      log('Preflight: the configured servers answer and accept the credentials');
      try {
        identified = await preflight(real);
      } catch (failure) {
        if (failure instanceof TargetUnavailable)
          return await stopped(failure.message, exitCodes.targetUnavailable);
        throw failure;
      }
    }

    let pactsDir = parsed.pactsDir ?? shippedPactsDir;
    if (!parsed.pactsDir && options.record) {
      pactsDir = join(outDir, 'pacts');
      log(`Record: ${options.record.describe}`);
      try {
        await options.record.run(pactsDir, log);
      } catch (failure) {
        return await stopped(`recording failed: ${(failure as Error).message}`, exitCodes.failed);
      }
    }

    const { report, reportFiles, summary } = await runConformance({
      ...reportOptions,
      preflight: identified,
      pactsDir,
      failOnSkipped: parsed.failOnSkipped,
      log,
    });
    for (const failed of report.interactions.filter((r) => r.verdict === 'failed'))
      log(`\n✗ ${failed.description}: ${failed.reason ?? ''}\n${failed.log ?? ''}`);
    log(`\n${summary}`);
    log(`\nReports: ${reportFiles.join(', ')}`);
    const line = `${report.headline} (${((performance.now() - started) / 1000).toFixed(1)} s)`;
    if (report.status === 'passed') {
      log(line);
      return exitCodes.passed;
    }
    printError(line);
    return report.status === 'errored' ? exitCodes.targetUnavailable : exitCodes.failed;
  } catch (failure) {
    const message = redact((failure as Error).message);
    if (failure instanceof UsageError) {
      printError(`${command}: ${message}`);
      return exitCodes.usage;
    }
    if (failure instanceof ConfigError) {
      printError(
        `${command}: ${message} (variables: ${Object.values(environmentVariables).flat().join(', ')})`,
      );
      return exitCodes.usage;
    }
    printError(`${command}: ${message}`);
    return exitCodes.failed;
  }
}
