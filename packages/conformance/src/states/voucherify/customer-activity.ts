/**
 * States for a customer's insights: activity, redeemables and segments. Customers are created through the
 * Customers API, which records their activity; vouchers and segments have no operation in our spec that
 * creates them, so those states seed the mock.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SeedData } from '@vouchspec/mock-server';
import { requestExample, responseExample } from '@vouchspec/spec';
import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { ProviderTarget } from '../../types.js';
import { expectRemoved, unwrap, voucherify } from '../clients.js';
import { defineState, type InjectedValue, type StateDefinitions } from '../define.js';
import { seedMock } from '../mock-only.js';
import { providerStateNames as names } from '../names.js';

/** Prefix of the `source_id`s of the customers these states create, so a real account shows their origin. */
const stateSourceId = 'vouchspec-insights';

/**
 * Creates the documented customer under a unique `source_id` (so runs against a real account never collide)
 * and returns its id. Creating it records a `customer.created` activity.
 */
export async function createInsightsCustomer(target: ProviderTarget): Promise<string> {
  const body = requestExample<VoucherifySchemas['CustomerCreate']>('voucherify', 'createCustomer');
  const customer = unwrap(
    await voucherify(target).POST('/v1/customers', {
      body: { ...body, source_id: `${stateSourceId}-${randomUUID().slice(0, 8)}` },
    }),
  );
  return customer.id as string;
}

/** Erases a state's customer with everything recorded about it; one that is gone already is fine. */
export async function eraseInsightsCustomer(target: ProviderTarget, customerId: string): Promise<void> {
  expectRemoved(
    `erase customer ${customerId}`,
    await voucherify(target).POST('/v1/customers/{customerId}/permanent-deletion', {
      params: { path: { customerId } },
    }),
  );
}

/**
 * Waits until the customer's activity lists at least `count` activities: a real server may record them a
 * moment after the request that caused them (the mock records them at once). Returns them, newest first.
 */
async function awaitActivity(target: ProviderTarget, customerId: string, count: number) {
  for (let attempt = 1; ; attempt++) {
    const page = unwrap(
      await voucherify(target).GET('/v1/customers/{customerId}/activity', {
        params: { path: { customerId }, query: { order: '-created_at', limit: count } },
      }),
    );
    if (page.data.length >= count) return page.data;
    if (attempt === 10)
      throw new Error(`customer ${customerId} shows ${page.data.length} of ${count} activities`);
    await sleep(500);
  }
}

/** The documented vouchers of the redeemables example, as held by `customerId`. */
function documentedVouchers(customerId: string): VoucherifySchemas['Voucher'][] {
  const example = responseExample('voucherify', 'listCustomerRedeemables', 200);
  return (example as VoucherifySchemas['CustomerRedeemableList']).data.map(({ redeemable }) => ({
    ...redeemable.voucher,
    holder_id: customerId,
  }));
}

/** The documented segments of the customer segments example, with `customerId` as their member. */
function documentedSegments(customerId: string) {
  const example = responseExample('voucherify', 'listCustomerSegments', 200);
  return (example as VoucherifySchemas['CustomerSegmentList']).data.map((segment) => ({
    ...segment,
    customer_ids: [customerId],
  }));
}

async function eraseCustomer(
  target: ProviderTarget,
  _params: unknown,
  { customerId }: { customerId: InjectedValue },
): Promise<void> {
  await eraseInsightsCustomer(target, String(customerId));
}

/** A new customer, with what `seedFor` makes of its id seeded into the mock (mock-only, for `reason`). */
function customerWithSeed(reason: string, seedFor: (customerId: string) => SeedData) {
  return defineState({
    mockOnly: reason,
    pathParameters: ['customerId'],
    async setup(target) {
      const customerId = await createInsightsCustomer(target);
      await seedMock(target, seedFor(customerId));
      return { customerId };
    },
  });
}

export const states: StateDefinitions = {
  /**
   * A customer that was created and then updated, so its activity holds a `customer.created` and a newer
   * `customer.updated` event. Injects `customerId` and `newestActivityId` (the id of the update's activity).
   */
  [names.customerWithActivity]: defineState({
    pathParameters: ['customerId'],
    values: ['newestActivityId'],
    async setup(target) {
      const customerId = await createInsightsCustomer(target);
      unwrap(
        await voucherify(target).PUT('/v1/customers/{customerId}', {
          params: { path: { customerId } },
          body: requestExample<VoucherifySchemas['CustomerProfile']>('voucherify', 'updateCustomer'),
        }),
      );
      const [newest] = await awaitActivity(target, customerId, 2);
      return { customerId, newestActivityId: newest?.id as string };
    },
    teardown: eraseCustomer,
  }),
  /** A customer just created through the API, who holds no voucher yet. Injects `customerId`. */
  [names.customerWithoutRedeemables]: defineState({
    pathParameters: ['customerId'],
    async setup(target) {
      return { customerId: await createInsightsCustomer(target) };
    },
    teardown: eraseCustomer,
  }),
  /**
   * A customer who owns the documented loyalty card and discount voucher (the redeemables example's).
   * Injects `customerId`.
   */
  [names.customerWithRedeemables]: customerWithSeed(
    'vouchers cannot be created or published through the operations in our spec',
    (customerId) => ({ voucherify: { vouchers: documentedVouchers(customerId) } }),
  ),
  /** A customer who is a member of the documented two segments. Injects `customerId`. */
  [names.customerInSegments]: customerWithSeed(
    'segments cannot be created through the operations in our spec',
    (customerId) => ({ voucherify: { segments: documentedSegments(customerId) } }),
  ),
};
