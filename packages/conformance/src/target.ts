import type { MockCredentials } from '@vouchspec/mock-server';
import type { ApiId } from '@vouchspec/spec';

/** The server a pact is verified against. */
export interface ProviderTarget {
  provider: ApiId;
  baseUrl: string;
  /** `mock` targets have admin endpoints; `real` ones only the public API. */
  kind: 'mock' | 'real';
  /** Credentials the target accepts; they replace the pact's placeholders in flight. */
  credentials: MockCredentials;
}
