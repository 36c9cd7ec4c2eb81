import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { responseContract } from '../../src/spec-matchers.js';
import { missingCustomerId, unknownCustomer } from './customer-fixtures.js';
import { errorInteraction, successInteraction } from './interactions.js';
import { interactionTable } from './shared-interactions.js';
import { createPact, fromProviderState, states } from './support.js';

const pact = createPact('voucherify');
/** The spec's example of an activity cursor (`starting_after_id`), sent on the consumer side. */
const exampleActivityCursor = 'evcus_IBXuDL7DxtpYlSXpfKtHF4vU';

type Activity = VoucherifySchemas['CustomerActivity'];

/** The documented first activity of an activity list, as the given type of event. */
function activityOfType(operationId: string, type: NonNullable<Activity['type']>): Activity {
  const { example } = responseContract('voucherify', operationId, 200);
  const [first] = (example as { data: Activity[] }).data;
  return { ...first, type };
}

/** What the interactions assert of each activity. */
const activityFields = ['data[].id', 'data[].type', 'data[].created_at'];

describe('Customer activity', () => {
  it('listCustomerActivity: pages through a customer activity newest first', () =>
    successInteraction(pact, 'listCustomerActivity', {
      given: states.customerWithActivity,
      description: 'the newest activity of a customer, one per page',
      query: { pact: { limit: '1', order: '-created_at' }, client: { limit: 1, order: '-created_at' } },
      matcher: { include: [...activityFields, 'more_starting_after'], nonEmpty: ['data'] },
      check: (page) => {
        expect(page.object).toBe('list');
        expect(page.data).toHaveLength(1);
        expect(page.data[0]?.id).toMatch(/^evcus_/);
        expect(page.has_more).toBe(true);
        expect(page.more_starting_after).toMatch(/^evcus_/);
      },
    }));

  it('listCustomerActivity: continues after the starting_after_id cursor', () => {
    const cursor = fromProviderState('${newestActivityId}', exampleActivityCursor);
    return successInteraction(pact, 'listCustomerActivity', {
      given: states.customerWithActivity,
      description: 'the page after the newest activity',
      query: {
        pact: { limit: '1', order: '-created_at', starting_after_id: cursor },
        client: { limit: 1, order: '-created_at', starting_after_id: exampleActivityCursor },
      },
      matcher: {
        include: activityFields,
        nonEmpty: ['data'],
        exact: ['data[].type'],
        values: { data: [activityOfType('listCustomerActivity', 'customer.created')] },
      },
      check: (page) => {
        expect(page.data).toHaveLength(1);
        expect(page.data[0]?.type).toBe('customer.created');
      },
    });
  });

  it('listCustomerActivity: narrows the activity to one event type', () => {
    const type = 'customer.created';
    return successInteraction(pact, 'listCustomerActivity', {
      given: states.customerWithActivity,
      description: 'the activities of one event type',
      query: { pact: { type }, client: { type } },
      matcher: {
        include: activityFields,
        nonEmpty: ['data'],
        values: { data: [activityOfType('listCustomerActivity', type)] },
      },
      check: (page) => {
        expect(page.data.length).toBeGreaterThan(0);
        expect(page.data.every((activity) => activity.type === type)).toBe(true);
      },
    });
  });

  it('listCustomerActivity: rejects a limit above 100', () =>
    errorInteraction(pact, 'listCustomerActivity', {
      given: states.customerWithActivity,
      description: 'a limit above 100',
      query: { pact: { limit: '101' }, client: { limit: 101 } },
      status: 400,
      matcher: { include: ['code', 'key'] },
      check: (error) => expect(error).toMatchObject({ code: 400, key: 'invalid_payload' }),
    }));

  it('listCustomerActivities: lists a customer activities oldest first with their total', () =>
    successInteraction(pact, 'listCustomerActivities', {
      given: states.customerWithActivity,
      description: 'the activities of a customer, oldest first',
      query: { pact: { limit: '10', order: 'created_at' }, client: { limit: 10, order: 'created_at' } },
      matcher: {
        include: activityFields,
        nonEmpty: ['data'],
        values: { data: [activityOfType('listCustomerActivities', 'customer.created')] },
      },
      check: (list) => {
        expect(list.object).toBe('list');
        expect(list.data[0]?.type).toBe('customer.created');
        expect(list.total).toBeGreaterThanOrEqual(list.data.length);
      },
    }));

  it('listCustomerRedeemables: lists nothing for a customer who holds nothing', () =>
    successInteraction(pact, 'listCustomerRedeemables', {
      given: states.customerWithoutRedeemables,
      description: 'a customer without redeemables',
      matcher: { exact: ['data', 'has_more'], values: { data: [], total: 0, has_more: false } },
      check: (list) => {
        expect(list.data).toEqual([]);
        expect(list.total).toBe(0);
        expect(list.has_more).toBe(false);
      },
    }));

  it('listCustomerRedeemables: filters a customer redeemables by voucher type', () =>
    successInteraction(pact, 'listCustomerRedeemables', {
      given: states.customerWithRedeemables,
      description: 'the loyalty cards of a customer',
      query: {
        pact: { limit: '25', 'filters[voucher_type][conditions][$is]': 'LOYALTY_CARD' },
        client: { limit: 25, filters: { voucher_type: { conditions: { $is: 'LOYALTY_CARD' } } } },
      },
      matcher: {
        include: ['data[].redeemable.voucher.code', 'data[].redeemable.voucher.loyalty_card.balance'],
        nonEmpty: ['data'],
        exact: ['data[].voucher_type'],
      },
      check: (list) => {
        expect(list.data.length).toBeGreaterThan(0);
        expect(list.data.every((item) => item.voucher_type === 'LOYALTY_CARD')).toBe(true);
        expect(list.data[0]?.redeemable.voucher.code).toBeTruthy();
        expect(typeof list.data[0]?.redeemable.voucher.loyalty_card?.balance).toBe('number');
      },
    }));

  it('listCustomerSegments: lists the segments a customer belongs to', () =>
    successInteraction(pact, 'listCustomerSegments', {
      given: states.customerInSegments,
      description: 'the segments of a customer',
      matcher: { nonEmpty: ['data'] },
      check: (list) => {
        expect(list.data.length).toBeGreaterThan(0);
        expect(list.total).toBeGreaterThanOrEqual(list.data.length);
        expect(list.data[0]).toMatchObject({ object: 'segment', id: expect.stringMatching(/^seg_/) });
      },
    }));

  it('listCustomerSegments: answers with a list for an identifier that matches no customer', () =>
    successInteraction(pact, 'listCustomerSegments', {
      description: 'an identifier that matches no customer',
      literal: { customerId: missingCustomerId },
      check: (list) => expect(list.object).toBe('list'),
    }));

  describe('what every list about a customer answers', () => {
    interactionTable(
      pact,
      'voucherify',
      ['listCustomerActivity', 'listCustomerActivities', 'listCustomerRedeemables', 'listCustomerSegments'],
      [
        ['listCustomerActivity', 'answers 404', unknownCustomer],
        ['listCustomerActivities', 'answers 404', unknownCustomer],
        ['listCustomerRedeemables', 'answers 404', unknownCustomer],
      ],
    );
  });
});
