/**
 * What the customer pact tests share. Customers are addressed by `source_id` as well as by id, and the client
 * chooses the `source_id`, so most paths are literal: the provider state creates the customer under this one.
 */
import type { NotFoundCase } from './shared-interactions.js';

export const existingSourceId = 'vouchspec-contract-customer';
/** The provider state's parameters for that customer, and the path parameter naming it. */
export const existing = { source_id: existingSourceId };
export const byExistingSourceId = { customerId: existingSourceId };
/** An id no server has: Voucherify ids are `cust_` and 24 characters from a base-62 alphabet. */
export const missingCustomerId = 'cust_vouchspecMissing00000000';
/** The 404 of a path that names that customer. */
export const unknownCustomer: NotFoundCase = {
  missing: { customerId: missingCustomerId },
  description: 'a customer that does not exist',
  resourceType: 'customer',
};
