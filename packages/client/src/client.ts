import type { Client, ClientOptions, FetchOptions } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import type { OperationContext } from './context.js';
import { unwrap } from './errors.js';
import { toFormData } from './multipart.js';
import { OutgoingRequest } from './outgoing.js';
import { pathSerializer } from './path.js';
import { serializeQuery } from './query.js';
import { type Fetch, type OperationFetch, type ResilienceOptions, resilientFetch } from './retry.js';

/**
 * openapi-fetch's `createClient`, from either of its builds. Its CommonJS build sets `exports.default`
 * under an `__esModule` flag, and a bundler's interop in our CommonJS output may hand over that whole
 * exports object as the default; taking the function from wherever it landed keeps `require()` working.
 */
const createClient = (
  typeof openapiFetch.default === 'function'
    ? openapiFetch.default
    : (openapiFetch.default as unknown as { default: typeof openapiFetch.default }).default
) as typeof openapiFetch.default;

/** Options both clients share. */
export interface CommonClientOptions extends ResilienceOptions {
  /** Extra headers sent with every request. */
  headers?: ClientOptions['headers'];
  /** The fetch to use (default: the global fetch at call time); it receives the URL and an init. */
  fetch?: Fetch;
  /** Throw an `ApiError` for every error response instead of returning `{ error }`. */
  throwOnError?: boolean;
}

export interface PaginationFacts {
  readonly style: 'page' | 'cursor' | 'limitation';
  readonly items: string;
  readonly maxPage?: number;
}

/** What the generator derived from one API's bundle. */
export interface ApiFacts {
  api: OperationContext['api'];
  /** Path → METHOD → index of the operation's security set. */
  operations: Record<string, Record<string, number>>;
  /** `METHOD /path` of operations whose idempotency differs from their HTTP method's. */
  idempotent: readonly string[];
  multipart: Record<string, Record<string, string>>;
  pagination: Record<string, PaginationFacts>;
}

/** Items of the array property `Key` of a JSON 200 response. */
type PageItem<Operation, Key extends string> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body extends { [K in Key]?: readonly (infer Item)[] }
    ? Item
    : never
  : never;

/** The operation behind a paged path: POST for Mews `Limitation` pages, GET for the others. */
type PagedOperation<Paths, Path extends keyof Paths, Style> = Paths[Path][(Style extends 'limitation'
  ? 'post'
  : 'get') &
  keyof Paths[Path]];

/** `paginate(path, init)` for the list operations the spec pages; yields items across all pages. */
export type Paginate<Paths, Pagination extends Record<string, PaginationFacts>> = <
  Path extends keyof Pagination & keyof Paths,
>(
  path: Path,
  init?: FetchOptions<PagedOperation<Paths, Path, Pagination[Path]['style']>>,
) => AsyncGenerator<
  PageItem<PagedOperation<Paths, Path, Pagination[Path]['style']>, Pagination[Path]['items']>,
  void
>;

/**
 * openapi-fetch's client without its middleware (`use`/`eject`): requests reach fetch as a URL and an init,
 * not as a WHATWG Request a middleware could rewrite. Wrap the `fetch` option instead.
 */
export type ApiClient<Paths extends {}, Pagination extends Record<string, PaginationFacts>> = Omit<
  Client<Paths>,
  'use' | 'eject'
> & {
  paginate: Paginate<Paths, Pagination>;
};

interface BuildOptions extends CommonClientOptions {
  baseUrl: string;
  bodySerializer?: (body: unknown) => BodyInit;
  /**
   * The credential headers for each security set of the API (by index), resolved once when the client is
   * created; a set the client lacks credentials for is a function that throws for the operation.
   */
  credentials?: readonly (Record<string, string> | ((operation: string) => never) | undefined)[];
}

/** The methods the specs use (the generator fails the build if another appears). */
type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';
type Init = {
  params?: { query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: Record<string, unknown>;
} & Record<string, unknown>;
type Call = (path: string, init?: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** An operation's context, and the two fetches that carry it to the resilient fetch. */
interface Operation {
  context: OperationContext;
  fetch: OperationFetch;
  /** For calls that read the body as a stream (`parseAs: 'stream'`). */
  streamFetch: OperationFetch;
}

export function buildClient<Paths extends {}, Pagination extends Record<string, PaginationFacts>>(
  facts: ApiFacts,
  options: BuildOptions,
): ApiClient<Paths, Pagination> {
  const baseFetch: Fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const operationFetch = resilientFetch(baseFetch, options);
  // No client-wide fetch: every call brings its operation's own (below).
  const client = createClient<Paths>({
    baseUrl: options.baseUrl,
    headers: options.headers,
    Request: OutgoingRequest as unknown as typeof Request,
    querySerializer: serializeQuery as never,
    pathSerializer: pathSerializer(),
    // Undefined leaves openapi-fetch's own JSON serializer in place.
    bodySerializer: options.bodySerializer,
  });

  const calls = client as unknown as Record<Method, Call>;
  /** An operation and its fetches, built on its first call: later calls only look it up. */
  const operationOf = (method: Method, path: string): Operation => {
    const operation = `${method} ${path}`;
    const securitySet = facts.operations[path]?.[method];
    if (securitySet === undefined) throw new Error(`${operation} is not in the ${facts.api} spec`);
    const credentials = options.credentials?.[securitySet];
    if (typeof credentials === 'function') return credentials(operation);
    const fields = facts.multipart[operation];
    const context: OperationContext = {
      api: facts.api,
      operation,
      // Of the four methods only POST is not idempotent by definition.
      idempotent: (method !== 'POST') !== facts.idempotent.includes(operation),
      credentials,
      multipart: fields && ((body) => toFormData(body, fields)),
    };
    return { context, fetch: operationFetch(context, false), streamFetch: operationFetch(context, true) };
  };
  // Every call goes through here, so the operation is known from its method and path template. Its context
  // (credentials, retries, errors) rides to the resilient fetch as the call's own `fetch` option, which
  // openapi-fetch supports per request, at the cost of one copy of the init. Middleware, the other channel,
  // makes openapi-fetch draw an id, freeze an options object and await a hook on every call: it measured
  // about 0.02 more against a bare fetch (BENCHMARKS.md).
  for (const method of ['GET', 'PUT', 'POST', 'DELETE'] as const) {
    const original = calls[method];
    const operations = new Map<string, Operation>();
    // Async so that a missing credential or unknown path rejects like any failed call.
    const send: Call = async (path, init) => {
      let operation = operations.get(path);
      if (!operation) {
        operation = operationOf(method, path);
        operations.set(path, operation);
      }
      return original(path, {
        // Undefined leaves the client's body serializer in place; the caller's options win, as before.
        bodySerializer: operation.context.multipart,
        fetch: init?.parseAs === 'stream' ? operation.streamFetch : operation.fetch,
        ...init,
      });
    };
    calls[method] = options.throwOnError
      ? async (path, init) => {
          const result = await send(path, init);
          unwrap(result);
          return result;
        }
      : send;
  }

  /** Yields the items of every page, asking for the next page the way the operation's style says. */
  async function* paginate(path: string, init: Init = {}) {
    const pages = facts.pagination[path];
    if (!pages) throw new Error(`${path} is not a paged list in the ${facts.api} spec`);
    const { style, maxPage } = pages;
    const limited = style === 'limitation';
    const query = init.params?.query ?? {};
    const body = init.body ?? {};
    const limitation = (body.Limitation ?? {}) as { Count?: number; Cursor?: string | null };
    const size = (limited ? limitation.Count : query.limit) as number | undefined;
    /** The number of the page to ask for, or the cursor that starts it. */
    let at = style === 'page' ? (query.page ?? 1) : limited ? limitation.Cursor : query.starting_after_id;
    for (;;) {
      if (maxPage !== undefined && (at as number) > maxPage) {
        throw new Error(`${path} serves ${maxPage} pages at most; narrow the query`);
      }
      const result = unwrap(
        await calls[limited ? 'POST' : 'GET'](
          path,
          limited
            ? { ...init, body: { ...body, Limitation: { ...limitation, Cursor: at ?? null } } }
            : {
                ...init,
                params: {
                  ...init.params,
                  query: { ...query, [style === 'page' ? 'page' : 'starting_after_id']: at },
                },
              },
        ),
      ) as Record<string, unknown>;
      const items = (result[pages.items] ?? []) as unknown[];
      yield* items;
      // A page says whether more follow (has_more) or, failing that, by coming back short.
      const more = (result.has_more as boolean | undefined) ?? (size === undefined || items.length >= size);
      at = style === 'page' ? (at as number) + 1 : result[limited ? 'Cursor' : 'more_starting_after'];
      if (!items.length || !more || (style !== 'page' && typeof at !== 'string')) return;
    }
  }

  return Object.assign(client, { paginate: paginate as unknown as Paginate<Paths, Pagination> });
}
