import createClient, { type Client, type ClientOptions, type FetchOptions } from 'openapi-fetch';
import { type OperationContext, requestOperations } from './context.js';
import { ApiError } from './errors.js';
import { toFormData } from './multipart.js';
import { serializeQuery } from './query.js';
import { type ResilienceOptions, resilientFetch } from './retry.js';

/** Options both clients share. */
export interface CommonClientOptions extends ResilienceOptions {
  /** Extra headers sent with every request. */
  headers?: ClientOptions['headers'];
  /** The fetch to use (default: the global fetch at call time). */
  fetch?: (request: Request) => Promise<Response>;
  /** Throw an `ApiError` for every error response instead of returning `{ error }`. */
  throwOnError?: boolean;
}

export type OperationFacts = readonly [operationId: string, securitySet: number, idempotent: 0 | 1];

export interface PaginationFacts {
  readonly method: string;
  readonly style: 'page' | 'cursor' | 'limitation';
  readonly items: string;
  readonly maxPage?: number;
}

/** What the generator derived from one API's bundle. */
export interface ApiFacts {
  api: OperationContext['api'];
  operations: Record<string, OperationFacts>;
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

/** `paginate(path, init)` for the list operations the spec pages; yields items across all pages. */
export type Paginate<Paths, Pagination extends Record<string, PaginationFacts>> = <
  Path extends keyof Pagination & keyof Paths,
>(
  path: Path,
  init?: FetchOptions<Paths[Path][Pagination[Path]['method'] & keyof Paths[Path]]>,
) => AsyncGenerator<
  PageItem<Paths[Path][Pagination[Path]['method'] & keyof Paths[Path]], Pagination[Path]['items']>,
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
  /** Adds the operation's credentials to the request, or throws when they are missing. */
  authenticate?: (request: Request, operation: OperationFacts) => void;
}

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
type Init = { params?: { query?: Record<string, unknown> }; body?: Record<string, unknown> } & Record<
  string,
  unknown
>;
type Call = (path: string, init?: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export function buildClient<Paths extends {}, Pagination extends Record<string, PaginationFacts>>(
  facts: ApiFacts,
  options: BuildOptions,
): ApiClient<Paths, Pagination> {
  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const client = createClient<Paths>({
    baseUrl: options.baseUrl,
    headers: options.headers,
    fetch: resilientFetch(baseFetch, options),
    querySerializer: serializeQuery as never,
    ...(options.bodySerializer ? { bodySerializer: options.bodySerializer } : {}),
  });

  client.use({
    onRequest({ request, schemaPath }) {
      const operation = facts.operations[`${request.method} ${schemaPath}`];
      if (!operation)
        throw new Error(`${request.method} ${schemaPath} is not an operation of the ${facts.api} spec`);
      options.authenticate?.(request, operation);
      requestOperations.set(request, {
        api: facts.api,
        operationId: operation[0],
        method: request.method,
        path: schemaPath,
        idempotent: operation[2] === 1,
      });
      return request;
    },
    ...(options.throwOnError
      ? {
          async onResponse({ response }) {
            if (response.ok) return undefined;
            const text = await response.clone().text();
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // Not JSON: keep the text.
            }
            throw new ApiError(response, body);
          },
        }
      : {}),
  });

  const calls = client as unknown as Record<Method, Call>;
  // Multipart operations get a FormData body built from the fields the spec marks binary.
  for (const [key, fields] of Object.entries(facts.multipart)) {
    const [method, path] = key.split(' ') as [Method, string];
    const original = calls[method];
    calls[method] = (callPath, init) =>
      original(
        callPath,
        callPath === path ? { bodySerializer: (body: unknown) => toFormData(body, fields), ...init } : init,
      );
  }

  async function* paginate(path: string, init: Init = {}) {
    const pages = facts.pagination[path];
    if (!pages) throw new Error(`${path} is not a paged list operation of the ${facts.api} spec`);
    const call = calls[pages.method.toUpperCase() as Method];
    const read = async (pageInit: Init) => {
      const { data, error, response } = await call(path, pageInit);
      if (!response.ok) throw new ApiError(response, error);
      return data as Record<string, unknown>;
    };
    const query = init.params?.query ?? {};
    if (pages.style === 'page') {
      const limit = query.limit as number | undefined;
      for (let page = (query.page as number | undefined) ?? 1; ; page++) {
        if (pages.maxPage !== undefined && page > pages.maxPage) {
          throw new Error(`${path} serves at most ${pages.maxPage} pages; narrow the query to read further`);
        }
        const data = await read({ ...init, params: { ...init.params, query: { ...query, page } } });
        const items = (data[pages.items] ?? []) as unknown[];
        yield* items;
        const more = data.has_more as boolean | undefined;
        if (
          items.length === 0 ||
          more === false ||
          (more === undefined && limit !== undefined && items.length < limit)
        )
          return;
      }
    }
    if (pages.style === 'cursor') {
      let cursor = query.starting_after_id as string | undefined;
      for (;;) {
        const data = await read({
          ...init,
          params: { ...init.params, query: { ...query, starting_after_id: cursor } },
        });
        yield* (data[pages.items] ?? []) as unknown[];
        if (data.has_more !== true || typeof data.more_starting_after !== 'string') return;
        cursor = data.more_starting_after;
      }
    }
    const body = init.body ?? {};
    const limitation = (body.Limitation ?? {}) as { Count?: number; Cursor?: string | null };
    let cursor = limitation.Cursor ?? null;
    for (;;) {
      const data = await read({ ...init, body: { ...body, Limitation: { ...limitation, Cursor: cursor } } });
      const items = (data[pages.items] ?? []) as unknown[];
      yield* items;
      if (typeof data.Cursor !== 'string' || items.length === 0 || items.length < (limitation.Count ?? 0))
        return;
      cursor = data.Cursor;
    }
  }

  return Object.assign(client, { paginate: paginate as unknown as Paginate<Paths, Pagination> });
}
