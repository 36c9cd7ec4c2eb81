import createClient, { type Client, type ClientOptions, type FetchOptions } from 'openapi-fetch';
import { contextKey, type OperationContext } from './context.js';
import { ApiError } from './errors.js';
import { toFormData } from './multipart.js';
import { OutgoingRequest } from './outgoing.js';
import { serializeQuery } from './query.js';
import { type Fetch, type ResilienceOptions, resilientFetch } from './retry.js';

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

export type ApiClient<
  Paths extends {},
  Pagination extends Record<string, PaginationFacts>,
> = Client<Paths> & {
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
const idempotentMethods = ['GET', 'PUT', 'DELETE'];
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
    ...(options.bodySerializer ? { bodySerializer: options.bodySerializer } : {}),
  });

  const calls = client as unknown as Record<Method, Call>;
  /** Each operation's context, built on its first call: later calls only look it up. */
  const contexts: Record<string, Record<string, OperationContext>> = {};
  const contextOf = (method: Method, path: string): OperationContext => {
    const known = contexts[path]?.[method];
    if (known) return known;
    const operation = `${method} ${path}`;
    const securitySet = facts.operations[path]?.[method];
    if (securitySet === undefined) throw new Error(`${operation} is not in the ${facts.api} spec`);
    const credentials = options.credentials?.[securitySet];
    const context: OperationContext = {
      api: facts.api,
      operation,
      idempotent: idempotentMethods.includes(method) !== facts.idempotent.includes(operation),
      credentials: typeof credentials === 'function' ? undefined : credentials,
    };
    if (typeof credentials === 'function') return credentials(operation);
    contexts[path] ??= {};
    (contexts[path] as Record<string, OperationContext>)[method] = context;
    return context;
  };
  // Every call goes through here, so the operation is known from its method and path template before
  // openapi-fetch builds the request: its context (credentials, retries, errors) travels in the init.
  for (const method of ['GET', 'PUT', 'POST', 'DELETE'] as const) {
    const original = calls[method];
    calls[method] = async (path, init) => {
      const context = contextOf(method, path);
      const fields = facts.multipart[context.operation];
      const result = await original(path, {
        ...(fields ? { bodySerializer: (body: unknown) => toFormData(body, fields) } : {}),
        ...init,
        [contextKey]: context,
      });
      if (options.throwOnError && !result.response.ok) throw new ApiError(result.response, result.error);
      return result;
    };
  }

  /** Yields the items of every page, asking for the next page the way the operation's style says. */
  async function* paginate(path: string, init: Init = {}) {
    const pages = facts.pagination[path];
    if (!pages) throw new Error(`${path} is not a paged list in the ${facts.api} spec`);
    const call = calls[pages.style === 'limitation' ? 'POST' : 'GET'];
    const query = init.params?.query ?? {};
    const body = init.body ?? {};
    const limitation = (body.Limitation ?? {}) as { Count?: number; Cursor?: string | null };
    const size = (pages.style === 'limitation' ? limitation.Count : query.limit) as number | undefined;
    let page = (query.page as number | undefined) ?? 1;
    let cursor = (pages.style === 'limitation' ? limitation.Cursor : query.starting_after_id) as
      | string
      | undefined;
    for (;;) {
      if (pages.style === 'page' && pages.maxPage !== undefined && page > pages.maxPage) {
        throw new Error(`${path} serves ${pages.maxPage} pages at most; narrow the query`);
      }
      const { data, error, response } = await call(
        path,
        pages.style === 'limitation'
          ? { ...init, body: { ...body, Limitation: { ...limitation, Cursor: cursor ?? null } } }
          : {
              ...init,
              params: {
                ...init.params,
                query: { ...query, ...(pages.style === 'page' ? { page } : { starting_after_id: cursor }) },
              },
            },
      );
      if (!response.ok) throw new ApiError(response, error);
      const result = data as Record<string, unknown>;
      const items = (result[pages.items] ?? []) as unknown[];
      yield* items;
      const next =
        pages.style === 'page'
          ? undefined
          : pages.style === 'cursor'
            ? result.more_starting_after
            : result.Cursor;
      // A page says whether more follow (has_more) or, failing that, by coming back short.
      const more = (result.has_more as boolean | undefined) ?? (size === undefined || items.length >= size);
      if (items.length === 0 || !more || (pages.style !== 'page' && typeof next !== 'string')) return;
      page++;
      cursor = next as string | undefined;
    }
  }

  return Object.assign(client, { paginate: paginate as unknown as Paginate<Paths, Pagination> });
}
