import type { Client, ClientOptions, FetchOptions } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import type { OperationContext } from './context.js';
import { unwrap } from './errors.js';
import { toFormData } from './multipart.js';
import { OutgoingRequest, preparing } from './outgoing.js';
import { pathSerializer } from './path.js';
import { serializeQuery } from './query.js';
import { type Fetch, type ResilienceOptions, resilientFetch } from './retry.js';

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

export function buildClient<Paths extends {}, Pagination extends Record<string, PaginationFacts>>(
  facts: ApiFacts,
  options: BuildOptions,
): ApiClient<Paths, Pagination> {
  const baseFetch: Fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const client = createClient<Paths>({
    baseUrl: options.baseUrl,
    headers: options.headers,
    Request: OutgoingRequest as unknown as typeof Request,
    fetch: resilientFetch(baseFetch, options) as unknown as (request: Request) => Promise<Response>,
    querySerializer: serializeQuery as never,
    pathSerializer: pathSerializer(),
    // Undefined leaves openapi-fetch's own JSON serializer in place.
    bodySerializer: options.bodySerializer,
  });

  const calls = client as unknown as Record<Method, Call>;
  /** An operation's context, built on its first call: later calls only look it up. */
  const contextOf = (method: Method, path: string): OperationContext => {
    const operation = `${method} ${path}`;
    const securitySet = facts.operations[path]?.[method];
    if (securitySet === undefined) throw new Error(`${operation} is not in the ${facts.api} spec`);
    const credentials = options.credentials?.[securitySet];
    if (typeof credentials === 'function') return credentials(operation);
    const fields = facts.multipart[operation];
    return {
      api: facts.api,
      operation,
      // Of the four methods only POST is not idempotent by definition.
      idempotent: (method !== 'POST') !== facts.idempotent.includes(operation),
      credentials,
      multipart: fields && ((body) => toFormData(body, fields)),
    };
  };
  // Every call goes through here, so the operation is known from its method and path template before
  // openapi-fetch builds the request, which takes the operation's context (credentials, retries, errors).
  for (const method of ['GET', 'PUT', 'POST', 'DELETE'] as const) {
    const original = calls[method];
    const contexts = new Map<string, OperationContext>();
    // Async so that a missing credential or unknown path rejects like any failed call.
    const send: Call = async (path, init) => {
      let context = contexts.get(path);
      if (!context) {
        context = contextOf(method, path);
        contexts.set(path, context);
      }
      // openapi-fetch builds the request before its first await, and its methods never throw synchronously.
      preparing.context = context;
      preparing.stream = init?.parseAs === 'stream';
      const result = original(
        path,
        context.multipart ? { bodySerializer: context.multipart, ...init } : init,
      );
      preparing.context = undefined;
      return result;
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
