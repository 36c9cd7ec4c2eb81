import { describe, expect, it } from 'vitest';
import { customerCalls } from './fixtures/customers.js';
import { specExample, useMock } from './helpers.js';

const mock = useMock();
const { send, create } = customerCalls(mock);

describe('updateCustomerConsents', () => {
  const consents = (customerId: string, body?: unknown) => send('PUT', `/${customerId}/consents`, body);
  /** The consents the mock holds for a customer. */
  const recorded = (customerId: string) => mock.server.state.consents.get(customerId);

  it('records consents given and withdrawn, merged with earlier ones', async () => {
    const customer = await create({ source_id: 'cons-1' });
    const res = await consents('cons-1', { cnst_news: true, cnst_sms: false });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    await consents(customer.body.id, { cnst_sms: true, cnst_mail: true });
    expect(recorded(customer.body.id)).toEqual({ cnst_news: true, cnst_sms: true, cnst_mail: true });
  });

  it('withdraws every consent on unsubscribed, until one is given again', async () => {
    const customer = await create({ source_id: 'cons-2' });
    await consents('cons-2', { cnst_news: true, cnst_sms: true });
    await consents('cons-2', { unsubscribed: true });
    expect(recorded(customer.body.id)).toEqual({ cnst_news: false, cnst_sms: false, unsubscribed: true });
    await consents('cons-2', { cnst_sms: true });
    expect(recorded(customer.body.id)).toEqual({ cnst_news: false, cnst_sms: true, unsubscribed: false });
  });

  it('accepts a request without a body and changes nothing', async () => {
    const customer = await create({ source_id: 'cons-3' });
    await consents('cons-3', { cnst_news: true });
    expect((await consents('cons-3')).status).toBe(204);
    expect(recorded(customer.body.id)).toEqual({ cnst_news: true });
  });

  it('answers 400, the only error documented, for an unknown customer', async () => {
    const res = await consents('cust_nobody', { cnst_news: true });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      key: 'invalid_payload',
      details: 'path.customerId cust_nobody names no customer',
    });
    expect(mock.server.state.consents.size).toBe(0);
  });

  it('answers 400 for a key that is no consent identifier, recording nothing', async () => {
    const customer = await create({ source_id: 'cons-4' });
    const res = await consents('cons-4', { cnst_news: true, marketing: true });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      ...specExample('InvalidConsentError'),
      details: 'Consent with id marketing does not exist.',
      request_id: expect.any(String),
    });
    expect(mock.server.state.consents.has(customer.body.id)).toBe(false);
  });

  it('accepts only the application keys', async () => {
    await create({ source_id: 'cons-5' });
    const res = await mock.call('PUT', '/v1/customers/cons-5/consents', {
      headers: { Authorization: 'Bearer token' },
      body: { cnst_news: true },
    });
    expect(res.status).toBe(401);
  });
});
