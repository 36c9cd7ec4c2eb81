import type { MewsConnectorSchemas, VoucherifySchemas } from '@vouchspec/client';

export type Customer = VoucherifySchemas['Customer'];
export type VoucherCode = MewsConnectorSchemas['VoucherCode'];

/** A voucher code with the property (enterprise) it belongs to, which the API does not echo back. */
export interface StoredVoucherCode {
  code: VoucherCode;
  enterpriseId: string;
}

/** All data the mock holds. Reset clears it; the admin seed endpoint fills it. */
export interface MockState {
  customers: Map<string, Customer>;
  voucherCodes: Map<string, StoredVoucherCode>;
}

export function createState(): MockState {
  return { customers: new Map(), voucherCodes: new Map() };
}

export function clearState(state: MockState): void {
  for (const collection of Object.values(state)) collection.clear();
}
