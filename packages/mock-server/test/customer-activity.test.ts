import { beforeEach, describe, expect, it } from 'vitest';
import { storedCustomer as customer } from './fixtures/records.js';
import { appKeys, useMock } from './helpers.js';

const mock = useMock();

/** One activity of `cust_ada`: its id, type, moment and event details. */
const activity = (id: string, type: string, created_at: string, data: Record<string, unknown> = {}) => ({
  customer_id: 'cust_ada',
  id,
  type,
  created_at,
  group_id: `v-${id}`,
  data: {
    data: { customer: { id: 'cust_ada', object: 'customer' }, ...data },
    event_source: { channel: 'API' },
  },
});

beforeEach(() => {
  mock.server.reset();
  mock.server.seed({
    voucherify: {
      customers: [customer('cust_ada', 'crm-ada'), customer('cust_bob', 'crm-bob')],
      activities: [
        activity('evcus_1', 'customer.created', '2024-01-01T09:00:00.000Z'),
        activity('evcus_2', 'customer.segment.entered', '2024-01-05T12:00:00.000Z', {
          segment: { id: 'seg_1', name: 'Repeat buyers', object: 'segment' },
        }),
        activity('evcus_3', 'customer.redemption.succeeded', '2024-02-01T08:00:00.000Z', {
          campaign: {
            id: 'camp_spring',
            name: 'Spring',
            campaign_type: 'DISCOUNT_COUPONS',
            object: 'campaign',
          },
          voucher: { id: 'v_1', code: 'SPRING-1', campaign_id: 'camp_spring', object: 'voucher' },
          order: { id: 'ord_1', items: [{ product_id: 'prod_mug', quantity: 1 }], object: 'order' },
        }),
        activity('evcus_4', 'customer.voucher.loyalty_card.points_added', '2024-02-10T08:00:00.000Z', {
          campaign: {
            id: 'camp_loyal',
            name: 'Loyalty',
            campaign_type: 'LOYALTY_PROGRAM',
            object: 'campaign',
          },
          voucher: { id: 'v_2', code: 'LOY-1', campaign_id: 'camp_loyal', object: 'voucher' },
        }),
        activity('evcus_5', 'customer.holder.assignment.created', '2024-03-01T08:00:00.000Z', {
          holder: {
            id: 'rh_1',
            created_at: '2024-03-01T08:00:00.000Z',
            redeemable_id: 'v_3',
            redeemable_object: 'voucher',
            customer_id: 'cust_ada',
            holder_role: 'REFEREE',
            campaign_id: 'camp_refer',
            campaign_type: 'REFERRAL_PROGRAM',
            voucher_type: 'DISCOUNT_VOUCHER',
            object: 'redeemable_holder',
          },
          voucher: { id: 'v_3', code: 'REF-1', object: 'voucher' },
        }),
        { ...activity('evcus_b1', 'customer.created', '2024-01-02T09:00:00.000Z'), customer_id: 'cust_bob' },
      ],
    },
  });
});

const ids = (body: { data: { id: string }[] }) => body.data.map((a) => a.id);
const get = (path: string) => mock.call('GET', path, { headers: appKeys });

describe('listCustomerActivity', () => {
  it("lists only this customer's activities, newest first, by id or source_id", async () => {
    const res = await get('/v1/customers/cust_ada/activity');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'list', data_ref: 'data', has_more: false });
    expect(res.body).not.toHaveProperty('total');
    expect(res.body).not.toHaveProperty('more_starting_after');
    expect(ids(res.body)).toEqual(['evcus_5', 'evcus_4', 'evcus_3', 'evcus_2', 'evcus_1']);
    expect(res.body.data[0]).toMatchObject({
      type: 'customer.holder.assignment.created',
      group_id: 'v-evcus_5',
    });
    expect((await get('/v1/customers/crm-ada/activity')).body).toEqual(res.body);
    expect(ids((await get('/v1/customers/crm-bob/activity')).body)).toEqual(['evcus_b1']);
  });

  it('sorts oldest first with order=created_at', async () => {
    const res = await get('/v1/customers/cust_ada/activity?order=created_at');
    expect(ids(res.body)).toEqual(['evcus_1', 'evcus_2', 'evcus_3', 'evcus_4', 'evcus_5']);
  });

  it('keeps activities of the same moment in recording order, reversed when newest first', async () => {
    mock.server.seed({
      voucherify: { activities: [activity('evcus_6', 'customer.updated', '2024-03-01T08:00:00.000Z')] },
    });
    expect(ids((await get('/v1/customers/cust_ada/activity?limit=2')).body)).toEqual(['evcus_6', 'evcus_5']);
    expect(ids((await get('/v1/customers/cust_ada/activity?order=created_at')).body).slice(-2)).toEqual([
      'evcus_5',
      'evcus_6',
    ]);
  });

  it('pages with limit and the starting_after_id cursor', async () => {
    const first = await get('/v1/customers/cust_ada/activity?limit=2');
    expect(ids(first.body)).toEqual(['evcus_5', 'evcus_4']);
    expect(first.body).toMatchObject({ has_more: true, more_starting_after: 'evcus_4' });
    const second = await get('/v1/customers/cust_ada/activity?limit=2&starting_after_id=evcus_4');
    expect(ids(second.body)).toEqual(['evcus_3', 'evcus_2']);
    expect(second.body).toMatchObject({ has_more: true, more_starting_after: 'evcus_2' });
    const last = await get('/v1/customers/cust_ada/activity?limit=2&starting_after_id=evcus_2');
    expect(ids(last.body)).toEqual(['evcus_1']);
    expect(last.body.has_more).toBe(false);
    expect(last.body).not.toHaveProperty('more_starting_after');
  });

  it('pages in the chosen order', async () => {
    const res = await get(
      '/v1/customers/cust_ada/activity?order=created_at&limit=2&starting_after_id=evcus_2',
    );
    expect(ids(res.body)).toEqual(['evcus_3', 'evcus_4']);
    expect(res.body).toMatchObject({ has_more: true, more_starting_after: 'evcus_4' });
  });

  it('limits the period with start_date and end_date, both inclusive', async () => {
    const res = await get(
      '/v1/customers/cust_ada/activity?start_date=2024-01-05T12:00:00.000Z&end_date=2024-02-10T08:00:00.000Z',
    );
    expect(ids(res.body)).toEqual(['evcus_4', 'evcus_3', 'evcus_2']);
  });

  it('narrows by campaign_id and campaign_type, read from the campaign, voucher or holder in the details', async () => {
    expect(ids((await get('/v1/customers/cust_ada/activity?campaign_id=camp_spring')).body)).toEqual([
      'evcus_3',
    ]);
    expect(ids((await get('/v1/customers/cust_ada/activity?campaign_id=camp_refer')).body)).toEqual([
      'evcus_5',
    ]);
    expect(ids((await get('/v1/customers/cust_ada/activity?campaign_type=LOYALTY_PROGRAM')).body)).toEqual([
      'evcus_4',
    ]);
    expect(ids((await get('/v1/customers/cust_ada/activity?campaign_type=REFERRAL_PROGRAM')).body)).toEqual([
      'evcus_5',
    ]);
    expect(ids((await get('/v1/customers/cust_ada/activity?campaign_type=PROMOTION')).body)).toEqual([]);
  });

  it('narrows by category (actions or their effects) and by type', async () => {
    expect(ids((await get('/v1/customers/cust_ada/activity?category=EFFECT')).body)).toEqual([
      'evcus_4',
      'evcus_2',
    ]);
    expect(ids((await get('/v1/customers/cust_ada/activity?category=ACTION')).body)).toEqual([
      'evcus_5',
      'evcus_3',
      'evcus_1',
    ]);
    const byType = await get('/v1/customers/cust_ada/activity?type=customer.redemption.succeeded');
    expect(ids(byType.body)).toEqual(['evcus_3']);
  });

  it('combines filters with paging', async () => {
    const res = await get(
      '/v1/customers/cust_ada/activity?category=ACTION&limit=1&starting_after_id=evcus_5',
    );
    expect(ids(res.body)).toEqual(['evcus_3']);
    expect(res.body).toMatchObject({ has_more: true, more_starting_after: 'evcus_3' });
  });
});

describe('listCustomerActivities (deprecated)', () => {
  it('lists newest first with the total of all matching activities', async () => {
    const res = await get('/v1/customers/crm-ada/activities?limit=2');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'list', data_ref: 'data', total: 5 });
    expect(ids(res.body)).toEqual(['evcus_5', 'evcus_4']);
    expect(res.body).not.toHaveProperty('has_more');
  });

  it('reads the next page after a date with starting_after', async () => {
    const res = await get(
      '/v1/customers/cust_ada/activities?order=created_at&limit=2&starting_after=2024-01-05T12:00:00.000Z',
    );
    expect(ids(res.body)).toEqual(['evcus_3', 'evcus_4']);
    expect(res.body.total).toBe(3);
  });

  it('also pages with starting_after_id', async () => {
    const res = await get('/v1/customers/cust_ada/activities?limit=2&starting_after_id=evcus_4');
    expect(ids(res.body)).toEqual(['evcus_3', 'evcus_2']);
  });

  it('sorts by type, code, campaign or category', async () => {
    expect(ids((await get('/v1/customers/cust_ada/activities?order=type')).body)).toEqual([
      'evcus_1',
      'evcus_5',
      'evcus_3',
      'evcus_2',
      'evcus_4',
    ]);
    // Activities without a code or campaign sort first.
    expect(ids((await get('/v1/customers/cust_ada/activities?order=-code')).body).slice(0, 3)).toEqual([
      'evcus_3',
      'evcus_5',
      'evcus_4',
    ]);
    expect(ids((await get('/v1/customers/cust_ada/activities?order=campaign')).body).slice(-2)).toEqual([
      'evcus_4',
      'evcus_3',
    ]);
    expect(ids((await get('/v1/customers/cust_ada/activities?order=-category')).body).slice(0, 2)).toEqual([
      'evcus_4',
      'evcus_2',
    ]);
  });

  it('narrows by product, campaign and period', async () => {
    expect(ids((await get('/v1/customers/cust_ada/activities?product_id=prod_mug')).body)).toEqual([
      'evcus_3',
    ]);
    expect(ids((await get('/v1/customers/cust_ada/activities?product_id=prod_tea')).body)).toEqual([]);
    const campaign = await get('/v1/customers/cust_ada/activities?campaign_id=camp_loyal');
    expect(campaign.body).toMatchObject({ total: 1, data: [{ id: 'evcus_4' }] });
    const period = await get('/v1/customers/cust_ada/activities?end_date=2024-01-31T00:00:00.000Z');
    expect(ids(period.body)).toEqual(['evcus_2', 'evcus_1']);
  });
});
