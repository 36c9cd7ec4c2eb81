import { describe, expect, it } from 'vitest';
import { appKeys, mewsTokens, schemaErrors, useMock } from './helpers.js';

const mock = useMock();

const getAll = '/api/connector/v1/voucherCodes/getAll';
const validFilter = { VoucherIds: ['fe568bbd-1ecb-4bb2-bf77-96c3698de20d'], Limitation: { Count: 10 } };

describe('Voucherify errors', () => {
  it('answers 401 in Voucherify shape when a credential header is missing', async () => {
    const res = await mock.call('GET', '/v1/customers/cust_1', {
      headers: { 'X-App-Id': appKeys['X-App-Id'] },
    });
    expect(res.status).toBe(401);
    expect(schemaErrors('voucherify', 'VoucherifyError', res.body)).toBeUndefined();
    expect(res.body).toMatchObject({ code: 401, key: 'unauthorized', message: 'Unauthorized' });
    expect(res.body.details).toContain('X-App-Id + X-App-Token or an OAuth bearer token');
  });

  it('answers 401 for an empty token and for an Authorization that is no bearer token', async () => {
    const wrongKey = await mock.call('GET', '/v1/customers/cust_1', {
      headers: { ...appKeys, 'X-App-Token': '' },
    });
    const wrongBearer = await mock.call('GET', '/v1/customers/cust_1', {
      headers: { Authorization: 'Basic bm9wZQ==' },
    });
    expect([wrongKey.status, wrongBearer.status]).toEqual([401, 401]);
  });

  it('answers 400 in Voucherify shape naming the field when the body is invalid', async () => {
    const res = await mock.call('POST', '/v1/customers', {
      headers: appKeys,
      body: { source_id: 's', address: { city: 7 } },
    });
    expect(res.status).toBe(400);
    expect(schemaErrors('voucherify', 'VoucherifyError', res.body)).toBeUndefined();
    expect(res.body).toMatchObject({
      code: 400,
      key: 'invalid_payload',
      details: 'body.address.city must be of type string',
    });
    expect(res.body.request_id).toMatch(/^v-/);
  });

  it('answers 400 for malformed JSON, a missing body and a wrong content type', async () => {
    const malformed = await mock.call('POST', '/v1/customers', { headers: appKeys, raw: '{"name":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toMatch(/^The body is not valid JSON/);
    const missing = await mock.call('POST', '/v1/customers', { headers: appKeys });
    expect(missing.body).toMatchObject({ code: 400, details: 'A request body is required.' });
    const wrongType = await mock.call('POST', '/v1/customers', {
      headers: { ...appKeys, 'Content-Type': 'text/plain' },
      raw: 'name=x',
    });
    expect(wrongType.body).toMatchObject({
      code: 400,
      details: 'Content-Type text/plain is not accepted; send application/json.',
    });
  });

  it('answers 404 for an unknown route and 405 with Allow for a wrong method', async () => {
    const unknown = await mock.call('GET', '/v1/nothing-here', { headers: appKeys });
    expect(unknown.status).toBe(404);
    expect(schemaErrors('voucherify', 'VoucherifyError', unknown.body)).toBeUndefined();
    const wrongMethod = await mock.call('PATCH', '/v1/customers/cust_1', { headers: appKeys });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, PUT, DELETE');
  });
});

describe('Mews errors', () => {
  it('answers 401 in Mews shape with a Request-Id when a token is missing or wrong', async () => {
    const { AccessToken: _, ...withoutAccess } = mewsTokens;
    const missing = await mock.call('POST', getAll, { body: { ...withoutAccess, ...validFilter } });
    expect(missing.status).toBe(401);
    expect(schemaErrors('mews-connector', 'ConnectorError', missing.body)).toBeUndefined();
    expect(missing.body.Message).toMatch(/^Missing AccessToken\. This mock accepts any /);
    expect(missing.headers.get('request-id')).toBe(missing.body.RequestId);
    const wrong = await mock.call('POST', getAll, {
      body: { ...mewsTokens, ClientToken: '', ...validFilter },
    });
    expect(wrong.body.Message).toMatch(/^Invalid ClientToken\. /);
  });

  it('answers 400 in Mews shape naming the field when the body is invalid', async () => {
    const res = await mock.call('POST', getAll, {
      body: { ...mewsTokens, VoucherIds: [], Limitation: { Count: 0 } },
    });
    expect(res.status).toBe(400);
    expect(schemaErrors('mews-connector', 'ConnectorError', res.body)).toBeUndefined();
    expect(res.body.Message).toBe('body.Limitation.Count must be >= 1');
  });

  it('answers 404 in Mews shape for an unknown Connector route', async () => {
    const res = await mock.call('POST', '/api/connector/v1/nothing/getAll', { body: mewsTokens });
    expect(res.status).toBe(404);
    expect(schemaErrors('mews-connector', 'ConnectorError', res.body)).toBeUndefined();
  });
});

describe('validation of every part of a request', () => {
  it('names the offending query parameter, including literal bracketed names', async () => {
    const res = await mock.call('GET', '/v1/customers?created_at[before]=yesterday', { headers: appKeys });
    expect(res.status).toBe(400);
    expect(res.body.details).toBe('query.created_at[before] must match format "date-time"');
    const limit = await mock.call('GET', '/v1/customers?limit=500', { headers: appKeys });
    expect(limit.body.details).toBe('query.limit must be <= 100');
  });

  it('validates deepObject filters down to the operator', async () => {
    const res = await mock.call(
      'GET',
      '/v1/customers/cust_1/redeemables?filters[holder_role][conditions][$is]=OWNERS',
      { headers: appKeys },
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toBe(
      'query.filters.holder_role.conditions.$is must be one of "OWNER", "REFERRER", "REFEREE"',
    );
  });

  it('validates header parameters', async () => {
    const res = await mock.call('POST', getAll, {
      headers: { Prefer: 'return=everything' },
      body: { ...mewsTokens, ...validFilter },
    });
    expect(res.status).toBe(400);
    expect(res.body.Message).toBe('header.prefer must be one of "return=minimal"');
  });

  it('validates multipart bodies: the file part must be there', async () => {
    const boundary = 'b0undary';
    const res = await mock.call('POST', '/v1/customers/importCSV', {
      headers: { ...appKeys, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      raw: `--${boundary}\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--${boundary}--\r\n`,
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toBe('body.file is required');
    const broken = await mock.call('POST', '/v1/customers/importCSV', {
      headers: { ...appKeys, 'Content-Type': 'multipart/form-data' },
      raw: 'not multipart at all',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.details).toMatch(/^The multipart body cannot be read/);
  });
});
