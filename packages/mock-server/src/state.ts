import type { MewsConnectorSchemas, VoucherifySchemas } from '@vouchspec/spec/types';

type V = VoucherifySchemas;
export type Customer = V['Customer'];
export type VoucherCode = MewsConnectorSchemas['VoucherCode'];

/** A voucher code with the property (enterprise) it belongs to, which the API does not echo back. */
export interface StoredVoucherCode {
  code: VoucherCode;
  enterpriseId: string;
}

/** Per project: id → object. Management resources other than projects and users live under a project. */
export type ByProject<T> = Map<string, Map<string, T>>;

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

/** All data the mock holds. `clearState` empties it; the admin seed endpoint fills it. */
export interface MockState {
  // Management API
  projects: Map<string, V['Project']>;
  users: Map<string, User>;
  /** Pending invitations by email. */
  invitations: Map<string, V['UserInvitation']>;
  campaignTemplates: ByProject<V['CampaignTemplate']>;
  stackingRules: ByProject<V['StackingRules']>;
  metadataSchemas: ByProject<V['MetadataSchema']>;
  customEventSchemas: ByProject<V['CustomEventSchema']>;
  webhooks: ByProject<V['Webhook']>;
  brands: ByProject<V['Brand']>;
  // Customers API
  customers: Map<string, Customer>;
  /** Segments with the customers (ids) that are in them. */
  segments: Map<string, { segment: V['CustomerSegment']; customerIds: Set<string> }>;
  /** Consents by customer id: consent id (or `unsubscribed`) → given. */
  consents: Map<string, Record<string, boolean>>;
  /** Activities by customer id, oldest first. */
  activities: Map<string, V['CustomerActivity'][]>;
  /** Vouchers by id, referral codes among them (`is_referral_code`). */
  vouchers: Map<string, V['Voucher']>;
  /** Holders of referral codes by holder id (`rh_…`). */
  referralHolders: Map<string, V['ReferralHolder']>;
  asyncActions: Map<string, AsyncActionRecord>;
  // Mews Connector API
  voucherCodes: Map<string, StoredVoucherCode>;
}

export function createState(): MockState {
  return {
    projects: new Map(),
    users: new Map(),
    invitations: new Map(),
    campaignTemplates: new Map(),
    stackingRules: new Map(),
    metadataSchemas: new Map(),
    customEventSchemas: new Map(),
    webhooks: new Map(),
    brands: new Map(),
    customers: new Map(),
    segments: new Map(),
    consents: new Map(),
    activities: new Map(),
    vouchers: new Map(),
    referralHolders: new Map(),
    asyncActions: new Map(),
    voucherCodes: new Map(),
  };
}

export function clearState(state: MockState): void {
  for (const collection of Object.values(state)) collection.clear();
}
