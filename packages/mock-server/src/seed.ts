import type { ApiId } from '@vouchspec/spec';
import { describeFailure, type SchemaValidator } from '@vouchspec/spec/validation';
import { HttpError } from './http.js';
import { voucherifyId } from './ids.js';
import { mockEnterpriseId, storeVoucherCode } from './mews-connector/voucher-codes.js';
import type { MockState, StoredVoucherCode } from './state.js';
import type { ProjectTable, Table } from './store/table.js';

type Item = Record<string, unknown>;

interface Collection {
  /** The spec schema every seeded item must satisfy (extra linking fields such as `project_id` aside). */
  schema: string;
  /** Names of fields that link the item and are not part of the schema, with what they must be. */
  links?: Record<string, 'project' | 'customer' | 'customers'>;
  insert(state: MockState, item: Item): void;
  /**
   * The collection's rows as they are now (stored rows never change, so holding them is a consistent
   * snapshot) and how each becomes an item of the dump; the work per row is left to whoever reads it.
   */
  snapshot(state: MockState): Snapshot;
}

interface Snapshot {
  rows: readonly unknown[];
  item(row: unknown): Item;
}

const asItem = (row: unknown) => row as Item;

function withId(item: Item, prefix: string): Item & { id: string } {
  return { ...item, id: (item.id as string | undefined) ?? voucherifyId(prefix) };
}

/** A project-scoped collection: items carry `project_id`, which the spec object itself does not. */
function projectScoped(
  select: (state: MockState) => ProjectTable<unknown>,
  schema: string,
  prefix: string,
): Collection {
  return {
    schema,
    links: { project_id: 'project' },
    insert(state, { project_id, ...item }) {
      const stored = withId(item, prefix);
      select(state)
        .in(project_id as string)
        .set(stored.id, stored);
    },
    snapshot: (state) => ({
      rows: [...select(state).rows()],
      item: (entry) => {
        const { projectId, row } = entry as { projectId: string; row: Item };
        return { ...row, project_id: projectId };
      },
    }),
  };
}

/** A collection keyed by the items' own `id`. */
function byId(select: (state: MockState) => Table<unknown>, schema: string, prefix: string): Collection {
  return {
    schema,
    insert(state, item) {
      const stored = withId(item, prefix);
      select(state).set(stored.id, stored);
    },
    snapshot: (state) => ({ rows: [...select(state).values()], item: asItem }),
  };
}

/**
 * A collection whose rows keep one link apart from the spec object (a segment's members, an activity's
 * customer), which seed items and the dump carry as one more field.
 */
function linked<Row>(
  select: (state: MockState) => Table<Row>,
  schema: string,
  prefix: string,
  [field, kind]: [string, 'customer' | 'customers'],
  row: { of(item: Item & { id: string }, link: unknown): Row; parts(row: Row): [object, unknown] },
): Collection {
  return {
    schema,
    links: { [field]: kind },
    insert(state, { [field]: link, ...item }) {
      const stored = withId(item, prefix);
      select(state).set(stored.id, row.of(stored, link));
    },
    snapshot: (state) => ({
      rows: [...select(state).values()],
      item: (stored) => {
        const [item, link] = row.parts(stored as Row);
        return { ...item, [field]: link };
      },
    }),
  };
}

/** Everything that can be seeded, per API; the admin state dump uses the same shape. */
const collections: Record<ApiId, Record<string, Collection>> = {
  voucherify: {
    projects: byId((s) => s.projects, 'Project', 'proj'),
    users: byId((s) => s.users, 'User', 'user'),
    campaignTemplates: projectScoped((s) => s.campaignTemplates, 'CampaignTemplate', 'camptpl'),
    stackingRules: projectScoped((s) => s.stackingRules, 'StackingRules', 'stkr'),
    metadataSchemas: projectScoped((s) => s.metadataSchemas, 'MetadataSchema', 'ms'),
    customEventSchemas: projectScoped((s) => s.customEventSchemas, 'CustomEventSchema', 'ms'),
    webhooks: projectScoped((s) => s.webhooks, 'Webhook', 'wh'),
    brands: projectScoped((s) => s.brands, 'Brand', 'brd'),
    customers: byId((s) => s.customers, 'Customer', 'cust'),
    segments: linked((s) => s.segments, 'CustomerSegment', 'seg', ['customer_ids', 'customers'], {
      of: (segment, ids) => ({
        segment: segment as never,
        customerIds: [...new Set((ids as string[] | undefined) ?? [])],
      }),
      parts: ({ segment, customerIds }) => [segment, customerIds],
    }),
    vouchers: byId((s) => s.vouchers, 'Voucher', 'v'),
    referralHolders: byId((s) => s.referralHolders, 'ReferralHolder', 'rh'),
    activities: linked((s) => s.activities, 'CustomerActivity', 'evcus', ['customer_id', 'customer'], {
      of: (activity, customerId) => ({ customerId: customerId as string, activity: activity as never }),
      parts: ({ activity, customerId }) => [activity, customerId],
    }),
  },
  'mews-connector': {
    voucherCodes: {
      schema: 'VoucherCode',
      insert(state, { EnterpriseId, ...code }) {
        storeVoucherCode(state, {
          code: code as never,
          enterpriseId: typeof EnterpriseId === 'string' ? EnterpriseId : mockEnterpriseId,
        });
      },
      snapshot: (state) => ({
        rows: [...state.voucherCodes.values()],
        item: (row) => {
          const { code, enterpriseId } = row as StoredVoucherCode;
          return { ...code, EnterpriseId: enterpriseId };
        },
      }),
    },
  },
};

export type SeedData = Partial<Record<ApiId, Record<string, Item[]>>>;

/**
 * Adds seed data to the state. Every item is validated against its spec schema and its links (projects,
 * customers) are checked before anything is written, so a bad seed changes nothing. Returns how many
 * items were added per collection.
 */
export function applySeed(
  state: MockState,
  validator: SchemaValidator,
  data: unknown,
): Record<string, number> {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new HttpError(400, 'Seed data must be a JSON object');
  // A copy, because stored rows are frozen and the caller's objects are theirs.
  const seeded = structuredClone(data) as Record<string, Record<string, unknown>>;
  const projects = new Set([
    ...state.projects.keys(),
    ...((seeded.voucherify?.projects as Item[] | undefined) ?? []).map((p) => p.id as string),
  ]);
  const customers = new Set([
    ...state.customers.keys(),
    ...((seeded.voucherify?.customers as Item[] | undefined) ?? []).map((c) => c.id as string),
  ]);
  const inserts: (() => void)[] = [];
  const counts: Record<string, number> = {};
  for (const [api, apiCollections] of Object.entries(seeded)) {
    // Own keys only: a name such as `toString` or `__proto__` is unknown, not a prototype's member.
    const known = Object.hasOwn(collections, api) ? collections[api as ApiId] : undefined;
    if (!known)
      throw new HttpError(
        400,
        `Seed: unknown API "${api}" (expected ${Object.keys(collections).join(', ')})`,
      );
    if (!apiCollections || typeof apiCollections !== 'object')
      throw new HttpError(400, `Seed: ${api} must be an object`);
    for (const [name, items] of Object.entries(apiCollections)) {
      const collection = Object.hasOwn(known, name) ? known[name] : undefined;
      if (!collection)
        throw new HttpError(
          400,
          `Seed: unknown collection "${api}.${name}" (expected ${Object.keys(known).join(', ')})`,
        );
      if (!Array.isArray(items)) throw new HttpError(400, `Seed: ${api}.${name} must be an array`);
      const validate = validator.component(api as ApiId, collection.schema);
      items.forEach((item: Item, index) => {
        const where = `${api}.${name}[${index}]`;
        if (!validate(item))
          throw new HttpError(400, `Seed: ${describeFailure(where, validate.errors).message}`);
        for (const [field, kind] of Object.entries(collection.links ?? {})) {
          const value = item[field];
          const ids = kind === 'customers' ? ((value as unknown[] | undefined) ?? []) : [value];
          for (const id of ids) {
            const known = kind === 'project' ? projects.has(id as string) : customers.has(id as string);
            if (!known)
              throw new HttpError(
                400,
                `Seed: ${where}.${field} ${JSON.stringify(id)} names no seeded ${kind === 'project' ? 'project' : 'customer'}`,
              );
          }
        }
        inserts.push(() => collection.insert(state, item));
      });
      counts[`${api}.${name}`] = items.length;
    }
  }
  for (const insert of inserts) insert();
  return counts;
}

/** A consistent snapshot of the whole state, per API and collection, for an export that runs in slices. */
export function snapshotState(state: MockState): Record<string, Record<string, Snapshot>> {
  return Object.fromEntries(
    Object.entries(collections).map(([api, apiCollections]) => [
      api,
      Object.fromEntries(
        Object.entries(apiCollections).map(([name, collection]) => [name, collection.snapshot(state)]),
      ),
    ]),
  );
}

/** The whole state in the seed format, so a dump can be seeded back. */
export function exportState(state: MockState): SeedData {
  return Object.fromEntries(
    Object.entries(snapshotState(state)).map(([api, snapshots]) => [
      api,
      Object.fromEntries(
        Object.entries(snapshots).map(([name, { rows, item }]) => [name, rows.map((row) => item(row))]),
      ),
    ]),
  );
}
