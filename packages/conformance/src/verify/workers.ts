/**
 * Verification in worker processes: each runs its jobs in order and sends verdicts back over IPC; its
 * stdout, where the Pact core prints, is split into one report per interaction.
 */
import { fork } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import type { InteractionResult, ProviderTarget, VerifiedInteraction } from '../types.js';
import type { WorkerMessage, WorkerRequest } from './worker.js';

/** Some interactions of one pact against one target; a worker runs its jobs in order. */
export interface VerificationJob {
  /** A target without a base URL is the worker's own embedded mock server. */
  target: ProviderTarget;
  pactPath: string;
  /** Positions of the interactions in the pact. */
  only: number[];
}

/**
 * The numbered mismatches of a verifier report, on one line: `has status code 200: expected 200 but was 404;
 * has a matching body: $ -> …`.
 */
export function mismatchSummary(log: string): string | undefined {
  const failures = log.split(/^Failures:\s*$/m)[1];
  if (!failures) return undefined;
  const items = [...failures.matchAll(/^\s*\d+\.\d+\) (.+)\n\s*(.+)$/gm)].map(
    ([, what, detail]) => `${what}: ${detail?.trim()}`,
  );
  return items.length > 0 ? items.join('; ') : undefined;
}

// From the sources (this package's tests) the worker is TypeScript and runs through tsx; the build ships
// it as JavaScript next to this module.
const fromSource = import.meta.url.endsWith('.ts');
const worker = new URL(fromSource ? './worker.ts' : './verify-worker.js', import.meta.url);

/** Each single-interaction verification run starts its report with this line. */
const reportStart = /^\s*Verifying a pact between/m;

/** How a worker run ended: the verdicts it sent, and why it stopped early, if it did. */
export interface VerificationRun {
  results: VerifiedInteraction[];
  /** One line, e.g. `Error: socket hang up (ECONNRESET)`, when the worker stopped before its last verdict. */
  stopped?: string;
}

/** The first error a dead worker printed, on one line. */
function crashCause(output: string, code: number | null, signal: NodeJS.Signals | null): string {
  const error = /^(\w*Error): (.+)$/m.exec(output);
  const errorCode = /\bcode: '([A-Z_]+)'/.exec(output)?.[1];
  const how = signal ? `killed by ${signal}` : `exit code ${code}`;
  return error
    ? `${error[1]}: ${error[2]}${errorCode ? ` (${errorCode})` : ''}`
    : `the worker ended (${how})`;
}

/**
 * Runs verification jobs in one child process and returns per-interaction verdicts with the verifier's
 * report for each. A worker that dies (the proxy inside pact-js throws when a target drops a connection)
 * does not end the run: its verdicts so far come back, with the reason it stopped. Credentials reach the
 * child over IPC, never through argv or the environment.
 */
export function runVerification(
  jobs: VerificationJob[],
  onResult: (result: InteractionResult) => void = () => {},
  embeddedMock?: WorkerRequest['embeddedMock'],
): Promise<VerificationRun> {
  return new Promise((resolve, reject) => {
    const child = fork(worker, [], {
      execArgv: fromSource ? ['--import', 'tsx'] : [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const results: InteractionResult[] = [];
    let failure: string | undefined;
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'result') {
        results.push(message.result);
        onResult(message.result);
      } else if (message.type === 'error') failure = message.message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const text = stripVTControlCharacters(output);
      const stopped = failure ?? (code !== 0 ? crashCause(text, code, signal) : undefined);
      const reports = text
        .split(reportStart)
        .slice(1)
        .map((report) => `Verifying a pact between${report}`.trim());
      let next = 0;
      resolve({
        results: results.map((result) => {
          if (!result.ranVerifier) return result;
          const log = reports[next++];
          // The verifier's own error says only that verification failed; its report says what did not match.
          const reason =
            result.verdict === 'failed' && /^Verf?ication failed$/i.test(result.reason ?? '') && log
              ? (mismatchSummary(log) ?? result.reason)
              : result.reason;
          return { ...result, log, reason };
        }),
        ...(stopped ? { stopped } : {}),
      });
    });
    child.send({ jobs, embeddedMock } satisfies WorkerRequest);
  });
}
