import type { MewsConnectorSchemas, VoucherifySchemas } from '@vouchspec/spec/types';
import { Journal } from './store/journal.js';
import { type IndexKey, ProjectTable, Table } from './store/table.js';

type V = VoucherifySchemas;
export type Customer = V['Customer'];
export type VoucherCode = MewsConnectorSchemas['VoucherCode'];

/** A voucher code with the property (enterprise) it belongs to, which the API does not echo back. */
export interface StoredVoucherCode {
  code: VoucherCode;
  enterpriseId: string;
}

/** An organisation user: the User object, whose `projects` map says where they have access. */
export type User = V['User'];

/** A background job the API acknowledged with 202 and an `async_action_id`. */
export interface AsyncActionRecord {
  id: string;
  type: 'CUSTOMERS_IMPORT_CSV' | 'CUSTOMERS_BULK_UPDATE' | 'CUSTOMERS_METADATA_UPDATE';
  status: 'DONE' | 'FAILED';
  created_at: string;
  result: { processed: number; failed: { row: number; reason: string }[] };
}

/** A customer's activity, with the customer it belongs to. */
export interface ActivityRow {
  customerId: string;
  activity: V['CustomerActivity'];
}

/** A segment with the customers (ids) that are in it. */
export interface SegmentRow {
  segment: V['CustomerSegment'];
  customerIds: readonly string[];
}

/**
 * All data the mock holds, as tables of immutable rows sharing one journal: a request's changes are kept
 * or undone together (`journal.atomically`), and `journal.bytes` is the size the state limit counts.
 */
export interface MockState {
  journal: Journal;
  // Management API
  projects: Table<V['Project']>;
  users: Table<User>;
  /** Pending invitations by email. */
  invitations: Table<V['UserInvitation']>;
  campaignTemplates: ProjectTable<V['CampaignTemplate']>;
  stackingRules: ProjectTable<V['StackingRules']>;
  metadataSchemas: ProjectTable<V['MetadataSchema']>;
  customEventSchemas: ProjectTable<V['CustomEventSchema']>;
  webhooks: ProjectTable<V['Webhook']>;
  brands: ProjectTable<V['Brand']>;
  // Customers API
  /** Indexed by `source_id`, the other way the API names a customer. */
  customers: Table<Customer>;
  segments: Table<SegmentRow>;
  /** Consents by customer id: consent id (or `unsubscribed`) → given. */
  consents: Table<Record<string, boolean>>;
  /** Activities by activity id, indexed by customer; each customer's log runs oldest first. */
  activities: Table<ActivityRow>;
  /** Vouchers by id, referral codes among them (`is_referral_code`). */
  vouchers: Table<V['Voucher']>;
  /** Holders of referral codes by holder id (`rh_…`), indexed by customer. */
  referralHolders: Table<V['ReferralHolder']>;
  asyncActions: Table<AsyncActionRecord>;
  // Mews Connector API
  voucherCodes: Table<StoredVoucherCode>;
}

export function createState(): MockState {
  const journal = new Journal();
  const table = <T>(indexes?: Record<string, IndexKey<T>>) => new Table<T>(journal, indexes);
  const projectTable = <T>() => new ProjectTable<T>(journal);
  return {
    journal,
    projects: table(),
    users: table(),
    invitations: table(),
    campaignTemplates: projectTable(),
    stackingRules: projectTable(),
    metadataSchemas: projectTable(),
    customEventSchemas: projectTable(),
    webhooks: projectTable(),
    brands: projectTable(),
    customers: table({ sourceId: (customer) => customer.source_id ?? undefined }),
    segments: table(),
    consents: table(),
    activities: table({ customer: (row) => row.customerId }),
    vouchers: table(),
    referralHolders: table({ customer: (holder) => holder.customer_id }),
    asyncActions: table(),
    voucherCodes: table(),
  };
}

/** The state's tables, for code that treats them all alike. */
export function tablesOf(state: MockState): Table<unknown>[] {
  return Object.values(state).flatMap((value) =>
    value instanceof Table ? [value] : value instanceof ProjectTable ? [value.table] : [],
  );
}

export function clearState(state: MockState): void {
  for (const table of tablesOf(state)) table.clear();
}
