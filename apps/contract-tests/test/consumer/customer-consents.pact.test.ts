import type { VoucherifySchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { byExistingSourceId, existing, missingCustomerId } from './customer-fixtures.js';
import { errorInteraction } from './interactions.js';
import { invalidCredentialsInteraction, noContentInteraction } from './shared-interactions.js';
import { createPact, states } from './support.js';

const pact = createPact('voucherify');
/** The documented `unsubscribeAll` example: it names no consent, so it holds on every project. */
const unsubscribeAll: VoucherifySchemas['CustomerConsents'] = { unsubscribed: true };

describe('Customer consents', () => {
  it('updateCustomerConsents: withdraws every consent of a customer', () =>
    noContentInteraction(pact, 'voucherify', 'updateCustomerConsents', {
      given: states.customerExists,
      stateParams: existing,
      literal: byExistingSourceId,
      description: 'unsubscribed from every consent',
      body: unsubscribeAll,
    }));

  it('updateCustomerConsents: rejects a consent the project does not define', () =>
    errorInteraction(pact, 'updateCustomerConsents', {
      given: states.customerExists,
      stateParams: existing,
      description: 'a consent that does not exist',
      literal: byExistingSourceId,
      body: { vouchspec_missing_consent: true },
      status: 400,
      matcher: { include: ['key'], values: { key: 'invalid_consent' } },
      check: (error) => {
        expect(error?.key).toBe('invalid_consent');
        expect(error?.details).toBeTruthy();
      },
    }));

  it('updateCustomerConsents: answers 400 for an unknown customer', () =>
    errorInteraction(pact, 'updateCustomerConsents', {
      description: 'a customer that does not exist',
      literal: { customerId: missingCustomerId },
      body: unsubscribeAll,
      status: 400,
      check: (error) => expect(error?.details).toBeTruthy(),
    }));

  it('updateCustomerConsents: rejects invalid application keys', () =>
    invalidCredentialsInteraction(pact, 'voucherify', 'updateCustomerConsents'));
});
