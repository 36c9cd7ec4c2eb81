/** What the stages of a run hand each other: the pacts, the servers they are verified against, and verdicts. */
import type { MockCredentials } from '@vouchspec/mock-server';
import type { ApiId } from '@vouchspec/spec';

/** One interaction of a Pact V4 file, with the parts the suite reads. */
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

/** The server a pact is verified against. */
export interface ProviderTarget {
  provider: ApiId;
  baseUrl: string;
  /** `mock` targets have admin endpoints; `real` ones only the public API. */
  kind: 'mock' | 'real';
  /** Credentials the target accepts; they replace the pact's placeholders in flight. */
  credentials: MockCredentials;
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

export interface VerifiedInteraction extends InteractionResult {
  /** The Pact verifier's own report for this interaction (plain text). */
  log?: string;
}
