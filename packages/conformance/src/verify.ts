/**
 * Provider verification, one interaction at a time so each gets its own verdict (the Pact verifier itself
 * only reports pass/fail for a whole file). Interactions whose provider state only the mock can create are
 * reported as skipped, with the reason, when the target is a real server.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { type ApiId, credentialHeader, loadBundle } from '@vouchspec/spec';

import { placeholders } from './credentials.js';
import type { InjectedValues, StateDefinition } from './states/define.js';
import { providerStates } from './states/index.js';
import type { ProviderTarget } from './target.js';

type RequestFilter = NonNullable<VerifierOptions['requestFilter']>;
type StateHandlers = NonNullable<VerifierOptions['stateHandlers']>;
type StateHandler =
  | { setup: (params?: unknown) => Promise<InjectedValues>; teardown: (params?: unknown) => Promise<void> }
  | (() => Promise<void>);

export interface PactInteraction {
  description: string;
  providerStates?: { name: string; params?: Record<string, unknown> }[];
  request: { method: string; path: string };
  response: { status: number };
  [key: string]: unknown;
}

export interface PactDocument {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata: Record<string, unknown>;
}

export type Verdict = 'passed' | 'failed' | 'skipped';

export interface InteractionResult {
  provider: ApiId;
  /** Position in the pact file. */
  index: number;
  description: string;
  method: string;
  path: string;
  status: number;
  states: string[];
  verdict: Verdict;
  reason?: string;
  /** Whether the Pact verifier ran for it (not for skipped ones or those with unknown states). */
  ranVerifier: boolean;
  durationMs: number;
}

export async function readPact(file: string): Promise<PactDocument> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PactDocument;
  } catch (error) {
    throw new Error(`Cannot read pact ${file}: ${(error as Error).message}`);
  }
}

/** How each Voucherify security scheme sends its credential. */
function voucherifyCredentialHeaders() {
  const doc = loadBundle('voucherify');
  return Object.keys(doc.components?.securitySchemes ?? {}).map((scheme) => credentialHeader(doc, scheme));
}

/** Where pact-js's verifier proxy receives provider-state changes (fixed in pact-js). */
const stateSetupPath = '/_pactSetup';

/** Swaps the pact's placeholder credentials for the target's real ones, in headers and Mews bodies. */
export function credentialFilter(target: ProviderTarget): RequestFilter {
  const headers = voucherifyCredentialHeaders();
  return (req, _res, next) => {
    for (const { scheme, header, bearer } of headers) {
      const placeholder = placeholders.voucherify[scheme as keyof typeof placeholders.voucherify];
      const real = target.credentials.voucherify[scheme as keyof typeof placeholders.voucherify];
      // Node names headers in lower case.
      const name = header.toLowerCase();
      if (bearer && req.headers[name] === `Bearer ${placeholder}`) req.headers[name] = `Bearer ${real}`;
      else if (!bearer && req.headers[name] === placeholder) req.headers[name] = real;
    }
    const body = req.body as Record<string, unknown> | undefined;
    // The verifier's own state-change calls pass through here too, and must stay parsed for the handlers.
    if (req.path === stateSetupPath) return next();
    if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
      for (const token of ['ClientToken', 'AccessToken'] as const) {
        if (body[token] === placeholders['mews-connector'][token])
          body[token] = target.credentials['mews-connector'][token];
      }
      // The proxy re-serialises parsed JSON but forwards the original Content-Length, and sends nothing for
      // `{}`; handing it the exact bytes with their length avoids truncated or hanging requests.
      const bytes = Buffer.from(JSON.stringify(body));
      req.body = bytes;
      req.headers['content-length'] = String(bytes.length);
    }
    next();
  };
}

async function resetMock(target: ProviderTarget): Promise<void> {
  const response = await fetch(new URL('/__admin/reset', target.baseUrl), { method: 'POST' });
  if (!response.ok) throw new Error(`resetting the mock failed: HTTP ${response.status}`);
}

/**
 * Handlers for the verifier. Their errors are recorded in `errors` as well, because the verifier only reports
 * the consequence (a response that does not match), not why the state could not be set up.
 */
function stateHandlers(
  target: ProviderTarget,
  definitions: Record<string, StateDefinition | undefined>,
  errors: string[],
): StateHandlers {
  const handlers: Record<string, StateHandler> = { '': async () => {} };
  const recorded = async <T>(name: string, phase: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      errors.push(`provider state "${name}" failed in ${phase}: ${(error as Error).message}`);
      throw error;
    }
  };
  for (const [name, definition] of Object.entries(definitions)) {
    if (!definition) continue;
    let injected: InjectedValues = {};
    handlers[name] = {
      setup: (params?: unknown) =>
        recorded(name, 'setup', async () => {
          injected = (await definition.setup(target, (params ?? {}) as Record<string, unknown>)) ?? {};
          return injected;
        }),
      teardown: (params?: unknown) =>
        recorded(name, 'teardown', async () => {
          if (target.kind === 'real')
            await definition.teardown?.(target, (params ?? {}) as Record<string, unknown>, injected);
        }),
    };
  }
  // VerifierOptions intersects pact-js's handler type with pact-core's, which lacks the setup/teardown form
  // that pact-js accepts and calls.
  return handlers as StateHandlers;
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
  const definitions: Record<string, StateDefinition | undefined> = providerStates[target.provider];
  const workDir = await mkdtemp(join(tmpdir(), 'vouchspec-verify-'));
  const results: InteractionResult[] = [];
  try {
    const selected = options.only ? new Set(options.only) : undefined;
    for (const [index, interaction] of pact.interactions.entries()) {
      if (selected && !selected.has(index)) continue;
      const states = (interaction.providerStates ?? []).map((s) => s.name);
      const started = performance.now();
      const base = {
        provider: target.provider,
        index,
        description: interaction.description,
        method: interaction.request.method,
        path: interaction.request.path,
        status: interaction.response.status,
        states,
      };
      const unknown = states.filter((state) => !definitions[state]);
      const mockOnly = states.map((state) => definitions[state]?.mockOnly).find(Boolean);
      let result: InteractionResult;
      if (unknown.length > 0) {
        const reason = `no handler for provider state "${unknown.join('", "')}"`;
        result = { ...base, verdict: 'failed', reason, ranVerifier: false, durationMs: 0 };
      } else if (mockOnly && target.kind === 'real') {
        result = {
          ...base,
          verdict: 'skipped',
          reason: `mock-only provider state: ${mockOnly}`,
          ranVerifier: false,
          durationMs: 0,
        };
      } else {
        // On the mock every interaction starts from an empty state (a real server keeps its data, so its
        // states are written to cope with what is already there).
        if (target.kind === 'mock') await resetMock(target);
        const single = join(workDir, `interaction-${index}.json`);
        await writeFile(single, JSON.stringify({ ...pact, interactions: [interaction] }));
        const stateErrors: string[] = [];
        try {
          await new Verifier({
            provider: target.provider,
            providerBaseUrl: target.baseUrl,
            pactUrls: [single],
            stateHandlers: stateHandlers(target, definitions, stateErrors),
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
          result = { ...base, verdict: 'passed', ranVerifier: true, durationMs: performance.now() - started };
        } catch (error) {
          const reason = stateErrors.length > 0 ? stateErrors.join('; ') : (error as Error).message;
          result = {
            ...base,
            verdict: 'failed',
            reason,
            ranVerifier: true,
            durationMs: performance.now() - started,
          };
        }
      }
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return results;
}
