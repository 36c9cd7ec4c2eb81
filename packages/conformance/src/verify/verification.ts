/**
 * Stage 3, verify: every interaction against its target, in worker processes. Workers with an embedded mock
 * server share out the interactions of every provider not configured (each starts a mock of its own, so
 * their interactions share no state); each configured server gets one worker, since its data is shared and
 * its interactions must run in order. The workers start at once and report each verdict as it comes.
 */
import { availableParallelism } from 'node:os';
import type { ApiId } from '@vouchspec/spec';
import type { RealTargetConfig } from '../config.js';
import { placeholders } from '../credentials.js';
import type { LoadedPacts } from '../pacts.js';
import type { PreflightResult } from '../preflight/preflight.js';
import type { InteractionResult, VerifiedInteraction } from '../types.js';
import { runVerification, type VerificationRun } from './workers.js';

export interface VerificationInput {
  providers: ApiId[];
  pacts: LoadedPacts;
  /** Providers to verify against a server of the user's, and what the preflight found it to be. */
  real: Partial<Record<ApiId, RealTargetConfig>>;
  identified: Partial<Record<ApiId, PreflightResult>>;
  /** Worker processes for the embedded mock servers (default: one per core, at least two). */
  mockWorkers?: number;
  /** Have the embedded mocks check their own responses against the spec too. */
  validateMockResponses?: boolean;
  onResult: (result: InteractionResult) => void;
}

export interface Verification {
  /** One line per target: how many interactions go where. */
  plan: string[];
  /** Every interaction's verdict, in pact order; `stopped` when a worker ended before its last one. */
  finished: Promise<{ interactions: VerifiedInteraction[]; stopped: boolean }>;
}

/** Deals items round-robin into `count` hands (fewer when there are fewer items), so each gets a similar mix. */
export function deal<T>(items: T[], count: number): T[][] {
  const hands: T[][] = Array.from({ length: Math.max(1, Math.min(count, items.length)) }, () => []);
  for (const [index, item] of items.entries()) hands[index % hands.length]?.push(item);
  return hands;
}

export function startVerification(input: VerificationInput): Verification {
  const { pacts, real } = input;
  const positions = (provider: ApiId) => [...(pacts.documents.get(provider)?.interactions.keys() ?? [])];
  const runs: Promise<VerificationRun>[] = [];
  const plan: string[] = [];
  for (const provider of input.providers) {
    const configured = real[provider];
    if (!configured) continue;
    const kind = input.identified[provider]?.isMock ? 'mock' : 'real';
    plan.push(
      `  ${provider}: ${positions(provider).length} interactions against ${configured.baseUrl} (${kind})`,
    );
    const target = {
      provider,
      baseUrl: configured.baseUrl,
      kind,
      credentials: configured.credentials,
    } as const;
    const job = { target, pactPath: pacts.files[provider], only: positions(provider) };
    runs.push(runVerification([job], input.onResult));
  }
  const embedded = input.providers.filter((provider) => !real[provider]);
  if (embedded.length > 0) {
    const hands = deal(
      embedded.flatMap((provider) => positions(provider).map((index) => ({ provider, index }))),
      input.mockWorkers ?? Math.max(2, availableParallelism()),
    );
    plan.push(
      `  ${embedded.join(', ')}: ${hands.flat().length} interactions against embedded mock servers (${hands.length} workers)`,
    );
    // Strict credentials: by default the mock takes any well-formed ones, and the 401 interactions would pass.
    const embeddedMock = {
      validateResponses: input.validateMockResponses ?? false,
      credentials: placeholders,
    };
    for (const hand of hands) {
      const jobs = embedded.map((provider) => ({
        target: { provider, baseUrl: '', kind: 'mock', credentials: placeholders } as const,
        pactPath: pacts.files[provider],
        only: hand.filter((item) => item.provider === provider).map((item) => item.index),
      }));
      runs.push(runVerification(jobs, input.onResult, embeddedMock));
    }
  }
  const finished = Promise.all(runs).then((workerRuns) => collect(input, workerRuns));
  // A failed worker is reported when `finished` is awaited, after the check.
  finished.catch(() => {});
  return { plan, finished };
}

/**
 * Every interaction's verdict in pact order. A worker that stopped early leaves interactions without one:
 * they failed, for its reason.
 */
function collect(input: VerificationInput, workerRuns: VerificationRun[]) {
  const verified = workerRuns.flatMap((run) => run.results);
  const stops = workerRuns.flatMap((run) => (run.stopped ? [run.stopped] : []));
  const seen = new Set(verified.map((r) => `${r.provider}#${r.index}`));
  for (const [provider, pact] of input.pacts.documents) {
    for (const [index, interaction] of pact.interactions.entries()) {
      if (seen.has(`${provider}#${index}`)) continue;
      const result: VerifiedInteraction = {
        provider,
        index,
        description: interaction.description,
        method: interaction.request.method,
        path: interaction.request.path,
        status: interaction.response.status,
        states: (interaction.providerStates ?? []).map((state) => state.name),
        verdict: 'failed',
        reason: `not verified: the verification stopped (${stops[0] ?? 'no verdict came back'})`,
        ranVerifier: false,
        durationMs: 0,
      };
      verified.push(result);
      input.onResult(result);
    }
  }
  const order = input.providers;
  const interactions = verified.sort(
    (a, b) => order.indexOf(a.provider) - order.indexOf(b.provider) || a.index - b.index,
  );
  return { interactions, stopped: stops.length > 0 };
}
