import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { responseContract } from '../../src/spec-matchers.js';
import { invalidCredentialsInteraction, notFoundInteraction } from './shared-interactions.js';
import {
  appKeys,
  createPact,
  fromProviderState,
  requestPath,
  responseMatcher,
  states,
  unwrap,
  voucherifyClient,
} from './support.js';

const pact = createPact('voucherify');
const activityPath = '/v1/customers/{customerId}/activity';
const activitiesPath = '/v1/customers/{customerId}/activities';
const redeemablesPath = '/v1/customers/{customerId}/redeemables';
const segmentsPath = '/v1/customers/{customerId}/segments';
/** An id no server has: Voucherify ids are `cust_` and 24 characters from a base-62 alphabet. */
const missingCustomerId = 'cust_vouchspecMissing00000000';
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
  describe('listCustomerActivity', () => {
    const { path, params } = requestPath('voucherify', activityPath);

    it('listCustomerActivity: pages through a customer activity newest first', async () => {
      await pact
        .addInteraction()
        .given(states.customerWithActivity)
        .uponReceiving('listCustomerActivity: the newest activity of a customer, one per page')
        .withRequest('GET', path, (b) => b.headers(appKeys).query({ limit: '1', order: '-created_at' }))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCustomerActivity', 200, {
              include: [...activityFields, 'more_starting_after'],
              nonEmpty: ['data'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const page = await voucherifyClient(server.url)
            .GET(activityPath, {
              params: { path: { customerId: params.customerId }, query: { limit: 1, order: '-created_at' } },
            })
            .then(unwrap);
          expect(page.object).toBe('list');
          expect(page.data).toHaveLength(1);
          expect(page.data[0]?.id).toMatch(/^evcus_/);
          expect(page.has_more).toBe(true);
          expect(page.more_starting_after).toMatch(/^evcus_/);
        });
    });

    it('listCustomerActivity: continues after the starting_after_id cursor', async () => {
      const cursor = fromProviderState('${newestActivityId}', exampleActivityCursor);
      await pact
        .addInteraction()
        .given(states.customerWithActivity)
        .uponReceiving('listCustomerActivity: the page after the newest activity')
        .withRequest('GET', path, (b) =>
          b.headers(appKeys).query({ limit: '1', order: '-created_at', starting_after_id: cursor }),
        )
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCustomerActivity', 200, {
              include: activityFields,
              nonEmpty: ['data'],
              exact: ['data[].type'],
              values: { data: [activityOfType('listCustomerActivity', 'customer.created')] },
            }),
          ),
        )
        .executeTest(async (server) => {
          const page = await voucherifyClient(server.url)
            .GET(activityPath, {
              params: {
                path: { customerId: params.customerId },
                query: { limit: 1, order: '-created_at', starting_after_id: exampleActivityCursor },
              },
            })
            .then(unwrap);
          expect(page.data).toHaveLength(1);
          expect(page.data[0]?.type).toBe('customer.created');
        });
    });

    it('listCustomerActivity: narrows the activity to one event type', async () => {
      const type = 'customer.created';
      await pact
        .addInteraction()
        .given(states.customerWithActivity)
        .uponReceiving('listCustomerActivity: the activities of one event type')
        .withRequest('GET', path, (b) => b.headers(appKeys).query({ type }))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCustomerActivity', 200, {
              include: activityFields,
              nonEmpty: ['data'],
              values: { data: [activityOfType('listCustomerActivity', type)] },
            }),
          ),
        )
        .executeTest(async (server) => {
          const page = await voucherifyClient(server.url)
            .GET(activityPath, { params: { path: { customerId: params.customerId }, query: { type } } })
            .then(unwrap);
          expect(page.data.length).toBeGreaterThan(0);
          expect(page.data.every((activity) => activity.type === type)).toBe(true);
        });
    });

    it('listCustomerActivity: rejects a limit above 100', async () => {
      await pact
        .addInteraction()
        .given(states.customerWithActivity)
        .uponReceiving('listCustomerActivity: a limit above 100')
        .withRequest('GET', path, (b) => b.headers(appKeys).query({ limit: '101' }))
        .willRespondWith(400, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCustomerActivity', 400, { include: ['code', 'key'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).GET(activityPath, {
            params: { path: { customerId: params.customerId }, query: { limit: 101 } },
          });
          expect(response.status).toBe(400);
          expect(error).toMatchObject({ code: 400, key: 'invalid_payload' });
        });
    });

    it('listCustomerActivity: answers 404 for an unknown customer', () =>
      notFoundInteraction(pact, 'voucherify', 'listCustomerActivity', {
        missing: { customerId: missingCustomerId },
        description: 'a customer that does not exist',
        resourceType: 'customer',
      }));

    it('listCustomerActivity: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listCustomerActivity'));
  });

  describe('listCustomerActivities', () => {
    const { path, params } = requestPath('voucherify', activitiesPath);

    it('listCustomerActivities: lists a customer activities oldest first with their total', async () => {
      await pact
        .addInteraction()
        .given(states.customerWithActivity)
        .uponReceiving('listCustomerActivities: the activities of a customer, oldest first')
        .withRequest('GET', path, (b) => b.headers(appKeys).query({ limit: '10', order: 'created_at' }))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCustomerActivities', 200, {
              include: activityFields,
              nonEmpty: ['data'],
              values: { data: [activityOfType('listCustomerActivities', 'customer.created')] },
            }),
          ),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(activitiesPath, {
              params: { path: { customerId: params.customerId }, query: { limit: 10, order: 'created_at' } },
            })
            .then(unwrap);
          expect(list.object).toBe('list');
          expect(list.data[0]?.type).toBe('customer.created');
          expect(list.total).toBeGreaterThanOrEqual(list.data.length);
        });
    });

    it('listCustomerActivities: answers 404 for an unknown customer', () =>
      notFoundInteraction(pact, 'voucherify', 'listCustomerActivities', {
        missing: { customerId: missingCustomerId },
        description: 'a customer that does not exist',
        resourceType: 'customer',
      }));

    it('listCustomerActivities: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listCustomerActivities'));
  });

  describe('listCustomerRedeemables', () => {
    const { path, params } = requestPath('voucherify', redeemablesPath);

    it('listCustomerRedeemables: lists nothing for a customer who holds nothing', async () => {
      await pact
        .addInteraction()
        .given(states.customerWithoutRedeemables)
        .uponReceiving('listCustomerRedeemables: a customer without redeemables')
        .withRequest('GET', path, (b) => b.headers(appKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCustomerRedeemables', 200, {
              exact: ['data', 'has_more'],
              values: { data: [], total: 0, has_more: false },
            }),
          ),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(redeemablesPath, { params: { path: { customerId: params.customerId } } })
            .then(unwrap);
          expect(list.data).toEqual([]);
          expect(list.total).toBe(0);
          expect(list.has_more).toBe(false);
        });
    });

    it('listCustomerRedeemables: filters a customer redeemables by voucher type', async () => {
      const query = {
        limit: 25,
        filters: { voucher_type: { conditions: { $is: 'LOYALTY_CARD' as const } } },
      };
      await pact
        .addInteraction()
        .given(states.customerWithRedeemables)
        .uponReceiving('listCustomerRedeemables: the loyalty cards of a customer')
        .withRequest('GET', path, (b) =>
          b.headers(appKeys).query({ limit: '25', 'filters[voucher_type][conditions][$is]': 'LOYALTY_CARD' }),
        )
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'listCustomerRedeemables', 200, {
              include: ['data[].redeemable.voucher.code', 'data[].redeemable.voucher.loyalty_card.balance'],
              nonEmpty: ['data'],
              exact: ['data[].voucher_type'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(redeemablesPath, { params: { path: { customerId: params.customerId }, query } })
            .then(unwrap);
          expect(list.data.length).toBeGreaterThan(0);
          expect(list.data.every((item) => item.voucher_type === 'LOYALTY_CARD')).toBe(true);
          expect(list.data[0]?.redeemable.voucher.code).toBeTruthy();
          expect(typeof list.data[0]?.redeemable.voucher.loyalty_card?.balance).toBe('number');
        });
    });

    it('listCustomerRedeemables: answers 404 for an unknown customer', () =>
      notFoundInteraction(pact, 'voucherify', 'listCustomerRedeemables', {
        missing: { customerId: missingCustomerId },
        description: 'a customer that does not exist',
        resourceType: 'customer',
      }));

    it('listCustomerRedeemables: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listCustomerRedeemables'));
  });

  describe('listCustomerSegments', () => {
    const { path, params } = requestPath('voucherify', segmentsPath);

    it('listCustomerSegments: lists the segments a customer belongs to', async () => {
      await pact
        .addInteraction()
        .given(states.customerInSegments)
        .uponReceiving('listCustomerSegments: the segments of a customer')
        .withRequest('GET', path, (b) => b.headers(appKeys))
        .willRespondWith(200, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'listCustomerSegments', 200, { nonEmpty: ['data'] })),
        )
        .executeTest(async (server) => {
          const list = await voucherifyClient(server.url)
            .GET(segmentsPath, { params: { path: { customerId: params.customerId } } })
            .then(unwrap);
          expect(list.data.length).toBeGreaterThan(0);
          expect(list.total).toBeGreaterThanOrEqual(list.data.length);
          expect(list.data[0]).toMatchObject({ object: 'segment', id: expect.stringMatching(/^seg_/) });
        });
    });

    it('listCustomerSegments: answers with a list for an identifier that matches no customer', async () => {
      const unknown = requestPath('voucherify', segmentsPath, { customerId: missingCustomerId });
      await pact
        .addInteraction()
        .uponReceiving('listCustomerSegments: an identifier that matches no customer')
        .withRequest('GET', unknown.path, (b) => b.headers(appKeys))
        .willRespondWith(200, (b) => b.jsonBody(responseMatcher('voucherify', 'listCustomerSegments', 200)))
        .executeTest(async (server) => {
          const { data, error, response } = await voucherifyClient(server.url).GET(segmentsPath, {
            params: { path: { customerId: missingCustomerId } },
          });
          expect(error).toBeUndefined();
          expect(response.status).toBe(200);
          expect(data?.object).toBe('list');
        });
    });

    it('listCustomerSegments: rejects invalid application keys', () =>
      invalidCredentialsInteraction(pact, 'voucherify', 'listCustomerSegments'));
  });
});
