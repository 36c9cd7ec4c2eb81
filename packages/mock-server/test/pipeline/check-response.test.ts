import { findOperation, responseExample } from '@vouchspec/spec';
import { describe, expect, it } from 'vitest';
import type { MockResponse } from '../../src/http.js';
import { checkResponse } from '../../src/pipeline/check-response.js';
import { validator } from './fixtures.js';

const validatorsOf = (operationId: string) =>
  validator.responseValidators(findOperation('voucherify', operationId));
const check = (operationId: string, response: MockResponse) => () =>
  checkResponse(response, validatorsOf(operationId));

describe('checkResponse', () => {
  it('passes a response the spec documents, with or without a body as documented', () => {
    const customer = responseExample('voucherify', 'getCustomer', 200);
    expect(check('getCustomer', { status: 200, body: customer })).not.toThrow();
    expect(check('deleteCustomer', { status: 204 })).not.toThrow();
  });

  it('answers 500 naming the mismatch for a body that breaks the schema', () => {
    expect(check('getCustomer', { status: 200, body: { id: 42 } })).toThrow(
      expect.objectContaining({
        status: 500,
        message: expect.stringMatching(/^Mock response breaks the spec: /),
      }),
    );
  });

  it('answers 500 for a status the operation does not document', () => {
    expect(check('getCustomer', { status: 418, body: {} })).toThrow(
      expect.objectContaining({ status: 500, message: 'Mock produced undocumented status 418' }),
    );
  });

  it('answers 500 for a body on a status documented without one', () => {
    expect(check('deleteCustomer', { status: 204, body: {} })).toThrow(
      expect.objectContaining({ status: 500, message: 'Mock sent a body for bodiless status 204' }),
    );
  });
});
