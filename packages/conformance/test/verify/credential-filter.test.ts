/** The verifier's request filter alone: placeholders out, the target's credentials in, and nothing else. */
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { placeholders } from '../../src/credentials.js';
import type { ProviderTarget } from '../../src/types.js';
import { credentialFilter } from '../../src/verify/credential-filter.js';

const target: ProviderTarget = {
  provider: 'voucherify',
  baseUrl: 'https://api.example.com',
  kind: 'real',
  credentials: {
    voucherify: {
      'X-App-Id': 'real-app-id',
      'X-App-Token': 'real-app-token',
      'X-Management-Id': 'real-management-id',
      'X-Management-Token': 'real-management-token',
      'X-Voucherify-OAuth': 'real-oauth-token',
    },
    'mews-connector': { ClientToken: 'real-client-token', AccessToken: 'real-access-token' },
  },
};

/** A request as the verifier's proxy hands it to the filter, after it went through. */
function filtered(request: { path?: string; headers?: Record<string, string>; body?: unknown }) {
  const req = { path: '/v1/customers', headers: {}, ...request } as unknown as Request;
  let passed = false;
  credentialFilter(target)(req, {} as Response, () => {
    passed = true;
  });
  expect(passed).toBe(true);
  return req as unknown as { headers: Record<string, string>; body: unknown };
}

describe('credentialFilter', () => {
  it('swaps the placeholder key headers and bearer token for the target’s', () => {
    const { headers } = filtered({
      headers: {
        'x-app-id': placeholders.voucherify['X-App-Id'],
        'x-app-token': placeholders.voucherify['X-App-Token'],
        authorization: `Bearer ${placeholders.voucherify['X-Voucherify-OAuth']}`,
      },
    });
    expect(headers).toEqual({
      'x-app-id': 'real-app-id',
      'x-app-token': 'real-app-token',
      authorization: 'Bearer real-oauth-token',
    });
  });

  it('leaves values that are not the placeholders alone, so 401 interactions stay invalid', () => {
    const { headers } = filtered({ headers: { 'x-management-id': 'invalid-credential' } });
    expect(headers['x-management-id']).toBe('invalid-credential');
  });

  it('swaps the Mews tokens in a body and sends it as bytes with their length', () => {
    const { headers, body } = filtered({
      body: { ...placeholders['mews-connector'], Client: 'c', VoucherIds: ['v'] },
    });
    const sent = JSON.parse(String(body));
    expect(sent).toEqual({
      ClientToken: 'real-client-token',
      AccessToken: 'real-access-token',
      Client: 'c',
      VoucherIds: ['v'],
    });
    expect(headers['content-length']).toBe(String(Buffer.byteLength(String(body))));
  });

  it('passes the verifier’s own state-change calls through parsed', () => {
    const state = { state: 'a project exists', action: 'setup', params: {} };
    expect(filtered({ path: '/_pactSetup', body: state }).body).toBe(state);
  });
});
