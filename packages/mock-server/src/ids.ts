import { randomBytes, randomUUID } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Voucherify-style identifier: a type prefix and 24 alphanumerics, e.g. `cust_6S8qOP0ZU3ryDQuYhGbwBsvr`. */
export function voucherifyId(prefix: string): string {
  let id = `${prefix}_`;
  for (const byte of randomBytes(24)) id += alphabet[byte % alphabet.length];
  return id;
}

export function requestId(): string {
  return `v-${randomBytes(9).toString('hex')}`;
}

export const uuid = randomUUID;

/** Mews serialises date-times to the second: `2023-10-30T13:37:16Z`. */
export function mewsTimestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
