/**
 * Before anything is recorded or verified, each configured server is asked one cheap authenticated read per
 * credential set: it must answer, over TLS that verifies, and accept the credentials. A server that cannot
 * is reported within the time limit, with the target and the cause in one line. A server that answers as a
 * vouchspec mock (its identity header) is verified as a mock, with its admin endpoints.
 */
import { randomUUID } from 'node:crypto';
import { createMewsConnectorClient, createVoucherifyClient } from '@vouchspec/client';
import { mockIdentityHeader } from '@vouchspec/mock-server';
import type { ApiId } from '@vouchspec/spec';
import type { RealTargetConfig } from '../config.js';

/** A configured server that could not be used: unreachable, bad TLS, refused credentials, or broken. */
export class TargetUnavailable extends Error {
  constructor(
    readonly provider: ApiId,
    readonly baseUrl: string,
    cause: string,
  ) {
    super(`${provider} at ${baseUrl}: ${cause}`);
  }
}

export interface PreflightResult {
  /** Whether the server identified itself as a vouchspec mock. */
  isMock: boolean;
}

/** Node's network and TLS error codes, in the words a user can act on. */
const causes: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there (connection refused)',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved (DNS)',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain holds a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its TLS certificate was issued by an unknown authority',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak TLS on that port',
};

/** The chain of a fetch failure, outermost first (undici wraps the socket's error as `cause`). */
function causeChain(error: unknown): { code?: unknown; message?: unknown; name?: unknown }[] {
  const chain = [];
  for (let current = error as { cause?: unknown } | undefined; current && chain.length < 8; ) {
    chain.push(current as { code?: unknown; message?: unknown });
    current = current.cause as typeof current;
  }
  return chain;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const chain = causeChain(error);
  if (chain.some((link) => link.name === 'TimeoutError' || link.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const code = chain.map((link) => link.code).find((c): c is string => typeof c === 'string' && c in causes);
  if (code) return causes[code] as string;
  // Without a known code, the innermost message is the most specific one (fetch's own is "fetch failed").
  const innermost = chain.at(-1);
  const detail = [innermost?.code, innermost?.message].filter((part) => typeof part === 'string').join(' ');
  return `the request failed${detail ? `: ${detail}` : ''}`;
}

/** One read; `signal` ends it, body included, when the time is up. */
type Probe = (signal: AbortSignal) => Promise<{ response: Response; error?: unknown }>;

/** The reads that prove each credential set works: cheap, side-effect free, and needing that set. */
function probes(provider: ApiId, target: RealTargetConfig): [string, Probe][] {
  const common = { retry: false as const };
  if (provider === 'voucherify') {
    const keys = target.credentials.voucherify;
    const client = createVoucherifyClient({
      ...common,
      baseUrl: target.baseUrl,
      appId: keys['X-App-Id'],
      appToken: keys['X-App-Token'],
      managementId: keys['X-Management-Id'],
      managementToken: keys['X-Management-Token'],
    });
    return [
      [
        'the management keys (GET /management/v1/projects)',
        (signal) => client.GET('/management/v1/projects', { signal }),
      ],
      [
        'the application keys (GET /v1/customers)',
        (signal) => client.GET('/v1/customers', { params: { query: { limit: 1 } }, signal }),
      ],
    ];
  }
  const tokens = target.credentials['mews-connector'];
  const client = createMewsConnectorClient({
    ...common,
    environment: target.baseUrl,
    clientToken: tokens.ClientToken,
    accessToken: tokens.AccessToken,
    client: 'vouchspec conformance preflight',
  });
  return [
    [
      'the tokens (POST /api/connector/v1/voucherCodes/getAll)',
      (signal) =>
        client.POST('/api/connector/v1/voucherCodes/getAll', {
          body: { VoucherIds: [randomUUID()], Limitation: { Count: 1 } },
          signal,
        }),
    ],
  ];
}

/** A short rendering of an error body: the vendor's message when it has one. */
function errorMessage(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const fields = body as Record<string, unknown>;
  const message = [fields.message, fields.Message, fields.details, fields.error].find(
    (value) => typeof value === 'string' && value,
  );
  return message ? `: ${String(message).slice(0, 200)}` : '';
}

async function check(provider: ApiId, target: RealTargetConfig, timeoutMs: number): Promise<PreflightResult> {
  let isMock = false;
  for (const [what, probe] of probes(provider, target)) {
    let result: Awaited<ReturnType<Probe>>;
    try {
      result = await probe(AbortSignal.timeout(timeoutMs));
    } catch (error) {
      throw new TargetUnavailable(provider, target.baseUrl, describeFailure(error, timeoutMs));
    }
    const { status } = result.response;
    if (status === 401 || status === 403)
      throw new TargetUnavailable(
        provider,
        target.baseUrl,
        `it refused ${what} with HTTP ${status}${errorMessage(result.error)}`,
      );
    if (!result.response.ok)
      throw new TargetUnavailable(
        provider,
        target.baseUrl,
        `it answered HTTP ${status} to ${what}${errorMessage(result.error)}`,
      );
    isMock ||= result.response.headers.has(mockIdentityHeader);
  }
  return { isMock };
}

/**
 * Checks every configured server at once; resolves with what each is, or rejects with the first that
 * cannot be used. Each read has `timeoutMs`; the checks of one server run in sequence.
 */
export async function preflight(
  targets: Partial<Record<ApiId, RealTargetConfig>>,
  timeoutMs = 4_000,
): Promise<Partial<Record<ApiId, PreflightResult>>> {
  const entries = Object.entries(targets) as [ApiId, RealTargetConfig][];
  const results = await Promise.all(
    entries.map(async ([provider, target]) => [provider, await check(provider, target, timeoutMs)] as const),
  );
  return Object.fromEntries(results);
}
