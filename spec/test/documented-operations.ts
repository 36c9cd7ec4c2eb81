/**
 * The operations the vendors document (from the seed documents the project was created from), as
 * `METHOD path`. The spec must contain exactly these.
 */
import type { ApiId } from '../src/index.js';

export const documentedOperations: Record<ApiId, string[]> = {
  voucherify: [
    // Customers
    'POST /v1/customers',
    'GET /v1/customers/{customerId}',
    'DELETE /v1/customers/{customerId}',
  ],
  'mews-connector': ['POST /api/connector/v1/voucherCodes/getAll'],
};
