/**
 * The authenticate step, which each API's adapter carries: Voucherify's credentials travel in headers and
 * are checked before the body is read, Mews's tokens in the body and are checked after it is parsed. By
 * default any well-formed values pass; with configured credentials (strict mode) only those.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { type ApiId, findOperation } from '@vouchspec/spec';
import { describe, expect, it } from 'vitest';
import { credentialPolicy, defaultCredentials } from '../../src/credentials.js';
import { adapters, createAdapters } from './fixtures.js';

const keys = defaultCredentials.voucherify;
/** Headers as Node hands them over: names in lower case. */
const appKeys = { 'x-app-id': keys['X-App-Id'], 'x-app-token': keys['X-App-Token'] };
const managementKeys = {
  'x-management-id': keys['X-Management-Id'],
  'x-management-token': keys['X-Management-Token'],
};
const bearer = { authorization: `Bearer ${keys['X-Voucherify-OAuth']}` };

/** Strict mode with the placeholders, as `credentials: {}` starts it. */
const strict = createAdapters(credentialPolicy({}));
const strictly =
  ' They must equal the values this mock was started with (--credentials, the credentials option).';

function authenticate(api: ApiId, operationId: string, headers: IncomingHttpHeaders, body?: unknown) {
  return strict[api].authenticate(findOperation(api, operationId), headers, body);
}

describe('default mode: any well-formed credentials', () => {
  const anyKeys = { 'x-app-id': 'team-a', 'x-app-token': 'whatever' };
  const check = (headers: IncomingHttpHeaders, operationId = 'getCustomer') =>
    adapters.voucherify.authenticate(findOperation('voucherify', operationId), headers, undefined);

  it('accepts any non-empty printable values of each alternative', () => {
    expect(check(anyKeys)).toBeUndefined();
    expect(check({ authorization: 'Bearer some-token' })).toBeUndefined();
    expect(check({ 'x-management-id': 'm', 'x-management-token': 't' }, 'listProjects')).toBeUndefined();
  });

  it('answers 401 naming the headers and what it accepts, for missing, empty, overlong or control values', () => {
    for (const headers of [
      { 'x-app-id': 'team-a' },
      { ...anyKeys, 'x-app-token': '' },
      { ...anyKeys, 'x-app-token': 'x'.repeat(257) },
      { ...anyKeys, 'x-app-token': 'a\u0007b' },
      { authorization: 'Basic abc' },
    ]) {
      expect(check(headers)).toMatchObject({
        status: 401,
        details:
          'This operation requires valid X-App-Id + X-App-Token or an OAuth bearer token. This mock accepts ' +
          'any non-empty, printable values of up to 256 characters that do not begin with "invalid"; each key set has its own world ' +
          '(X-Vouchspec-World names one outright).',
      });
    }
    expect(check({ ...anyKeys, 'x-app-token': 'x'.repeat(256) })).toBeUndefined();
  });

  it('takes any Mews tokens, and says so when one is missing', () => {
    const mews = (body: unknown) =>
      adapters['mews-connector'].authenticate(
        findOperation('mews-connector', 'getAllVoucherCodes'),
        {},
        body,
      );
    expect(mews({ ClientToken: 'c', AccessToken: 'property-1' })).toBeUndefined();
    expect(mews({ ClientToken: 'c' })).toMatchObject({
      message: 'Missing AccessToken.',
      details: expect.stringMatching(/^Missing AccessToken\. This mock accepts any non-empty, printable/),
    });
  });
});

describe('strict mode, Voucherify: credentials in headers', () => {
  it('is checked before the body is read', () => {
    expect(strict.voucherify.credentialsIn).toBe('headers');
  });

  it('accepts either alternative of an operation: the application keys or the OAuth token', () => {
    expect(authenticate('voucherify', 'getCustomer', appKeys)).toBeUndefined();
    expect(authenticate('voucherify', 'getCustomer', bearer)).toBeUndefined();
    expect(authenticate('voucherify', 'listProjects', managementKeys)).toBeUndefined();
  });

  it('answers 401 naming what the operation takes when no alternative is complete and right', () => {
    for (const headers of [{ 'x-app-id': keys['X-App-Id'] }, { ...appKeys, 'x-app-token': 'nope' }, {}]) {
      expect(authenticate('voucherify', 'getCustomer', headers)).toMatchObject({
        status: 401,
        message: 'Unauthorized',
        details: `This operation requires valid X-App-Id + X-App-Token or an OAuth bearer token.${strictly}`,
      });
    }
    expect(authenticate('voucherify', 'getCustomer', { authorization: 'Bearer nope' })?.status).toBe(401);
  });

  it('takes only the keys of the operation’s own alternatives', () => {
    expect(authenticate('voucherify', 'listProjects', appKeys)).toMatchObject({
      status: 401,
      details: `This operation requires valid X-Management-Id + X-Management-Token.${strictly}`,
    });
    // The consents operation documents the application keys only.
    expect(authenticate('voucherify', 'updateCustomerConsents', bearer)?.status).toBe(401);
  });

  it('accepts the configured values instead of the placeholders', () => {
    const custom = createAdapters(credentialPolicy({ voucherify: { 'X-App-Token': 'our-token' } }));
    const op = findOperation('voucherify', 'getCustomer');
    expect(custom.voucherify.authenticate(op, appKeys, undefined)?.status).toBe(401);
    expect(custom.voucherify.authenticate(op, { ...appKeys, 'x-app-token': 'our-token' }, undefined)).toBe(
      undefined,
    );
  });
});

describe('strict mode, Mews Connector: tokens in the body', () => {
  const tokens = defaultCredentials['mews-connector'];
  const check = (body: unknown) => authenticate('mews-connector', 'getAllVoucherCodes', {}, body);

  it('is checked once the body is parsed', () => {
    expect(strict['mews-connector'].credentialsIn).toBe('body');
  });

  it('accepts the configured ClientToken and AccessToken', () => {
    expect(check({ ...tokens, Client: 'tests' })).toBeUndefined();
  });

  it('answers 401 saying which token is missing or wrong, ClientToken first', () => {
    expect(check({ AccessToken: tokens.AccessToken })?.message).toBe('Missing ClientToken.');
    expect(check({ ...tokens, ClientToken: 'nope' })?.message).toBe('Invalid ClientToken.');
    expect(check({ ClientToken: tokens.ClientToken })?.message).toBe('Missing AccessToken.');
    expect(check({ ...tokens, AccessToken: 'nope' })).toMatchObject({
      status: 401,
      message: 'Invalid AccessToken.',
      details:
        'Invalid AccessToken. ClientToken and AccessToken must equal the values this mock was started with ' +
        '(--credentials, the credentials option).',
    });
  });

  it('answers 401 for a body that is no object', () => {
    for (const body of [undefined, null, 'ClientToken', [tokens]]) expect(check(body)?.status).toBe(401);
  });
});
