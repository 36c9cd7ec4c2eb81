/** Helpers the resource modules share: errors, project scoping, lists, paging and `filters` evaluation. */
import type { Handler, RequestContext } from '../api.js';
import { HttpError, type MockResponse } from '../http.js';
import type { MockState } from '../state.js';
import type { ProjectScope, ProjectTable } from '../store/table.js';

export const timestamp = () => new Date().toISOString();

/** The Voucherify 404 body for a resource that does not exist. */
export function notFound(resourceType: string, id: string): HttpError {
  return new HttpError(404, 'Resource not found', `Cannot find ${resourceType} with id ${id}`, {
    resource_id: id,
    resource_type: resourceType,
  });
}

/** The project named by the `projectId` path parameter, or a 404. */
export function requireProject(ctx: RequestContext) {
  const projectId = ctx.params.path.projectId as string;
  const project = ctx.state.projects.get(projectId);
  if (!project) throw notFound('project', projectId);
  return project;
}

/** The item of an existing project's collection named by a path parameter, or a 404 for whichever is missing. */
export function requireScoped<T>(
  ctx: RequestContext,
  byProject: ProjectTable<T>,
  parameter: string,
  resourceType: string,
): T {
  const project = requireProject(ctx);
  const id = ctx.params.path[parameter] as string;
  const item = byProject.in(project.id).get(id);
  if (!item) throw notFound(resourceType, id);
  return item;
}

/** A collection under `/management/v1/projects/{projectId}/…`, whose items belong to one project each. */
export interface ProjectCollection<T> {
  /** The rows of the project the path names, or a 404 for an unknown project. */
  inProject(ctx: RequestContext): ProjectScope<T>;
  /** The item the path names, or a 404 for whichever of project and item is missing. */
  item(ctx: RequestContext): T;
  /** Stores the item in the path's project and answers it (200). */
  save(ctx: RequestContext, item: T): MockResponse;
  /** The operations every such collection answers alike: all of a project's items, one item, deleting one. */
  list: Handler;
  get: Handler;
  delete: Handler;
}

export function projectCollection<T extends { id: string }>(
  select: (state: MockState) => ProjectTable<T>,
  idParameter: string,
  resourceType: string,
): ProjectCollection<T> {
  const inProject = (ctx: RequestContext) => select(ctx.state).in(requireProject(ctx).id);
  const item = (ctx: RequestContext) => requireScoped(ctx, select(ctx.state), idParameter, resourceType);
  return {
    inProject,
    item,
    save(ctx, saved) {
      inProject(ctx).set(saved.id, saved);
      return { status: 200, body: saved };
    },
    list: (ctx) => ({ status: 200, body: dataList([...inProject(ctx).values()]) }),
    get: (ctx) => ({ status: 200, body: item(ctx) }),
    delete: (ctx) => {
      inProject(ctx).delete(item(ctx).id);
      return { status: 204 };
    },
  };
}

/** The `{object: list, data_ref: data, data, total}` envelope. */
export function dataList<T>(data: T[]) {
  return { object: 'list' as const, data_ref: 'data' as const, data, total: data.length };
}

/** The query of a list read by id cursor. */
export interface CursorQuery {
  limit?: number;
  order?: string;
  starting_after_id?: string;
  filters?: unknown;
}

/**
 * A list read by id cursor: the items its `filters` select, in its `order` (`defaultOrder` unless given),
 * one page of at most `limit` (10 unless given) after `starting_after_id`, with how many matched and where
 * the next page starts.
 */
export function cursorList<T extends { id?: string }>(items: T[], query: CursorQuery, defaultOrder = 'id') {
  const read = (item: T, field: string) => (item as Record<string, unknown>)[field];
  const matching = ordered(items, query.order ?? defaultOrder, read).filter((item) =>
    matchesFilters(query.filters, (field) => read(item, field)),
  );
  const { page, hasMore, moreStartingAfter } = cursorPage(
    matching,
    query.limit ?? 10,
    query.starting_after_id,
  );
  return {
    ...dataList(page),
    total: matching.length,
    has_more: hasMore,
    ...(moreStartingAfter ? { more_starting_after: moreStartingAfter } : {}),
  };
}

/**
 * One page of a list read by id cursor: the items after `startingAfterId` (which must name an item of the
 * list), at most `limit` of them, and whether more follow.
 */
export function cursorPage<T extends { id?: string }>(items: T[], limit: number, startingAfterId?: string) {
  let start = 0;
  if (startingAfterId !== undefined) {
    const index = items.findIndex((item) => item.id === startingAfterId);
    if (index < 0)
      throw new HttpError(
        400,
        'Invalid payload',
        `query.starting_after_id ${startingAfterId} names no item of this list`,
      );
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const hasMore = start + limit < items.length;
  return {
    page,
    hasMore,
    ...(hasMore && page.length > 0 ? { moreStartingAfter: page.at(-1)?.id as string } : {}),
  };
}

/** One numbered page (from 1) of at most `limit` items, and whether more follow. */
export function numberedPage<T>(items: T[], page: number, limit: number) {
  const start = (page - 1) * limit;
  return { page: items.slice(start, start + limit), hasMore: start + limit < items.length };
}

/** Sorts by a field, descending when the order starts with `-`; ties keep their order. */
export function ordered<T>(
  items: T[],
  order: string | undefined,
  read: (item: T, field: string) => unknown,
): T[] {
  if (!order) return items;
  const descending = order.startsWith('-');
  const field = descending ? order.slice(1) : order;
  return [...items].sort((a, b) => {
    const x = String(read(a, field) ?? '');
    const y = String(read(b, field) ?? '');
    return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
  });
}

const dayMs = 24 * 60 * 60 * 1000;

/** Whether one field's value meets every operator of a `{conditions: {…}}` filter. */
function meets(value: unknown, conditions: Record<string, unknown>): boolean {
  const text = value === undefined || value === null ? undefined : String(value);
  const time = text === undefined ? Number.NaN : Date.parse(text);
  return Object.entries(conditions).every(([operator, argument]) => {
    const list = [argument].flat().map(String);
    const arg = String(argument);
    switch (operator) {
      case '$in':
        return text !== undefined && list.includes(text);
      case '$not_in':
        return text === undefined || !list.includes(text);
      case '$is':
        return text === arg;
      case '$is_not':
        return text !== arg;
      case '$has_value':
        return text !== undefined && text !== '';
      case '$is_unknown':
        return text === undefined || text === '';
      case '$starts_with':
        return text?.startsWith(arg) ?? false;
      case '$ends_with':
        return text?.endsWith(arg) ?? false;
      case '$contains':
        return text?.includes(arg) ?? false;
      case '$not_contain':
        return !(text?.includes(arg) ?? false);
      case '$after':
        return time > Date.parse(arg);
      case '$before':
        return time < Date.parse(arg);
      case '$more_than':
        return Date.now() - time > Number(argument) * dayMs;
      case '$less_than':
        return Date.now() - time < Number(argument) * dayMs;
      default:
        throw new HttpError(400, 'Invalid payload', `query.filters uses unknown operator ${operator}`);
    }
  });
}

/**
 * Evaluates a `deepObject` `filters` query object against an item: each field's conditions must hold, and
 * the fields combine by `junction` (`and` unless `or`). `read` returns the item's value for a field name.
 */
export function matchesFilters(filters: unknown, read: (field: string) => unknown): boolean {
  if (!filters || typeof filters !== 'object') return true;
  const { junction, ...fields } = filters as Record<string, unknown>;
  const results = Object.entries(fields).map(([field, filter]) =>
    meets(
      read(field),
      ((filter as { conditions?: Record<string, unknown> } | undefined)?.conditions ?? {}) as Record<
        string,
        unknown
      >,
    ),
  );
  if (results.length === 0) return true;
  return junction === 'or' ? results.some(Boolean) : results.every(Boolean);
}
