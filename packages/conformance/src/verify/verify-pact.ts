/**
 * Provider verification, one interaction at a time so each gets its own verdict (the Pact verifier itself
 * only reports pass/fail for a whole file). Interactions whose provider state only the mock can create are
 * reported as skipped, with the reason, when the target is a real server.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { readPact } from '../pacts.js';
import { findState, providerStates } from '../states/index.js';
import type { InteractionResult, PactInteraction, ProviderTarget } from '../types.js';
import { credentialFilter } from './credential-filter.js';
import { stateHandlers } from './state-handlers.js';

async function resetMock(target: ProviderTarget): Promise<void> {
  const response = await fetch(new URL('/__admin/reset', target.baseUrl), { method: 'POST' });
  if (!response.ok) throw new Error(`resetting the mock failed: HTTP ${response.status}`);
}

/** The verdict of an interaction that is not replayed: a state the suite lacks, or one only a mock has. */
function withoutReplay(
  target: ProviderTarget,
  states: string[],
): Pick<InteractionResult, 'verdict' | 'reason'> | undefined {
  const unknown = states.filter((state) => !findState(target.provider, state));
  if (unknown.length > 0)
    return { verdict: 'failed', reason: `no handler for provider state "${unknown.join('", "')}"` };
  const mockOnly = states.map((state) => findState(target.provider, state)?.mockOnly).find(Boolean);
  if (mockOnly && target.kind === 'real')
    return { verdict: 'skipped', reason: `mock-only provider state: ${mockOnly}` };
  return undefined;
}

/** Replays one interaction (written alone to `file`) with the Pact verifier; its verdict and why. */
async function replay(
  target: ProviderTarget,
  file: string,
): Promise<Pick<InteractionResult, 'verdict' | 'reason'>> {
  const stateErrors: string[] = [];
  try {
    await new Verifier({
      provider: target.provider,
      providerBaseUrl: target.baseUrl,
      pactUrls: [file],
      stateHandlers: stateHandlers(target, providerStates[target.provider], stateErrors),
      requestFilter: credentialFilter(target),
      // A real server behind TLS and virtual hosting needs its own Host header and a checked certificate.
      changeOrigin: true,
      validateSSL: true,
      // Every request the verifier makes (state changes, the interaction itself) gets an answer or fails
      // within this: a server that stops answering mid-run must not hold the run. Real servers' states
      // may wait for the server's background work, so they get longer.
      timeout: target.kind === 'real' ? 30_000 : 10_000,
      logLevel: 'error',
    }).verifyProvider();
    if (stateErrors.length > 0) throw new Error(stateErrors.join('; '));
    return { verdict: 'passed' };
  } catch (error) {
    return {
      verdict: 'failed',
      reason: stateErrors.length > 0 ? stateErrors.join('; ') : (error as Error).message,
    };
  }
}

export interface VerifyOptions {
  /** Called after each interaction, e.g. to show progress. */
  onResult?: (result: InteractionResult) => void;
  /** Positions of the interactions to verify (default all), so a pact can be shared among workers. */
  only?: number[];
}

export async function verifyPact(
  target: ProviderTarget,
  pactPath: string,
  options: VerifyOptions = {},
): Promise<InteractionResult[]> {
  const pact = await readPact(pactPath);
  const workDir = await mkdtemp(join(tmpdir(), 'vouchspec-verify-'));
  const results: InteractionResult[] = [];
  try {
    const selected = options.only ? new Set(options.only) : undefined;
    for (const [index, interaction] of pact.interactions.entries()) {
      if (selected && !selected.has(index)) continue;
      const result = await verifyInteraction(target, index, interaction, async () => {
        const single = join(workDir, `interaction-${index}.json`);
        await writeFile(single, JSON.stringify({ ...pact, interactions: [interaction] }));
        return single;
      });
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return results;
}

async function verifyInteraction(
  target: ProviderTarget,
  index: number,
  interaction: PactInteraction,
  writeAlone: () => Promise<string>,
): Promise<InteractionResult> {
  const states = (interaction.providerStates ?? []).map((s) => s.name);
  const base = {
    provider: target.provider,
    index,
    description: interaction.description,
    method: interaction.request.method,
    path: interaction.request.path,
    status: interaction.response.status,
    states,
  };
  const notReplayed = withoutReplay(target, states);
  if (notReplayed) return { ...base, ...notReplayed, ranVerifier: false, durationMs: 0 };
  const started = performance.now();
  // On the mock every interaction starts from an empty state (a real server keeps its data, so its states
  // are written to cope with what is already there).
  if (target.kind === 'mock') await resetMock(target);
  const verdict = await replay(target, await writeAlone());
  return { ...base, ...verdict, ranVerifier: true, durationMs: performance.now() - started };
}
