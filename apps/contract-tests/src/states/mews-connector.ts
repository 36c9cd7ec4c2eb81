import { responseContract } from '../spec-matchers.js';
import type { StateDefinitions } from './types.js';

/** Mews provider states. */
export const states: StateDefinitions = {
  'voucher codes exist': {
    mockOnly: 'the spec has no operation that creates voucher codes yet, so they are seeded through /__admin',
    async setup(target, params) {
      const { example } = responseContract('mews-connector', 'getAllVoucherCodes', 200);
      const codes = (example as { VoucherCodes: Record<string, unknown>[] }).VoucherCodes.map((code) => ({
        ...code,
        VoucherId: params.VoucherId ?? code.VoucherId,
      }));
      const reset = await fetch(new URL('/__admin/reset', target.baseUrl), { method: 'POST' });
      const seeded = await fetch(new URL('/__admin/seed', target.baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ 'mews-connector': { voucherCodes: codes } }),
      });
      if (!reset.ok || !seeded.ok)
        throw new Error(`seeding voucher codes failed: HTTP ${seeded.status} ${await seeded.text()}`);
    },
  },
};
