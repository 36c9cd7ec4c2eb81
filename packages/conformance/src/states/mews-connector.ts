import { randomUUID } from 'node:crypto';
import type { MewsConnectorSchemas } from '@vouchspec/spec/types';
import type { ProviderTarget } from '../types.js';
import { expectRemoved, mews, unwrap } from './clients.js';
import { defineState, type StateDefinitions, type StateParams } from './define.js';
import { providerStateNames as names } from './names.js';

type VoucherCode = MewsConnectorSchemas['VoucherCode'];

const getAllPath = '/api/connector/v1/voucherCodes/getAll';
const addPath = '/api/connector/v1/voucherCodes/add';
const deletePath = '/api/connector/v1/voucherCodes/delete';

/** The voucher a state's codes belong to: the pact names it in the state's `VoucherId` parameter. */
function voucherIdOf(params: StateParams): string {
  if (typeof params.VoucherId !== 'string') throw new Error('the state needs a VoucherId parameter');
  return params.VoucherId;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Adds codes to a voucher through the Connector API, so it works on any server. Values are unique per
 * call, so runs against a real property never collide with earlier ones, and recognisable there.
 */
export async function addVoucherCodes(
  target: ProviderTarget,
  voucherId: string,
  count: number,
): Promise<VoucherCode[]> {
  const run = randomUUID().slice(0, 8).toUpperCase();
  const added = unwrap(
    await mews(target).POST(addPath, {
      body: {
        VoucherCodeParameters: Array.from({ length: count }, (_, index) => ({
          VoucherId: voucherId,
          Value: `VOUCHSPEC-${run}-${index + 1}`,
        })),
      },
    }),
  );
  if (added.VoucherCodes.length !== count)
    throw new Error(`adding ${count} voucher codes returned ${added.VoucherCodes.length}`);
  return added.VoucherCodes;
}

/** Every code of the vouchers that the filter's other fields let through, across all pages. */
async function listVoucherCodes(
  target: ProviderTarget,
  filter: { VoucherIds: string[]; VoucherCodeIds?: string[] },
): Promise<VoucherCode[]> {
  const codes: VoucherCode[] = [];
  for await (const code of mews(target).paginate(getAllPath, {
    body: { ...filter, Limitation: { Count: 1000 } },
  }))
    codes.push(code);
  return codes;
}

/**
 * Deletes those of the codes that are still active. Codes stay listable as `Deleted` after removal, so
 * codes an interaction deleted already (or never existed) are left alone rather than deleted twice.
 */
async function deleteActive(target: ProviderTarget, codes: VoucherCode[]): Promise<void> {
  const active = codes.filter((code) => code.IsActive !== false && code.ActivityState !== 'Deleted');
  if (active.length === 0) return;
  expectRemoved(
    'delete voucher codes',
    await mews(target).POST(deletePath, { body: { VoucherCodeIds: active.map((code) => code.Id) } }),
  );
}

/** Mews provider states: the voucher codes of a voucher. */
export const states: StateDefinitions = {
  [names.mewsVoucher]: defineState({
    mockOnly:
      'vouchers are set up in Mews Operations; the Connector API operations the spec describes only manage ' +
      'their codes. The mock keeps no vouchers and takes codes for any VoucherId, while a real property ' +
      'needs a voucher with the id the pact names',
    // Nothing to create on the mock; the parameter is checked so a pact without it fails here.
    async setup(_target, params) {
      voucherIdOf(params);
    },
  }),
  [names.mewsVoucherWithCodes]: defineState({
    values: ['voucherCodeId', 'otherVoucherCodeId', 'voucherCodeValue', 'firstPageCursor'],
    async setup(target, params) {
      const voucherId = voucherIdOf(params);
      const [first, second] = await addVoucherCodes(target, voucherId, 2);
      if (!first || !second) throw new Error('the voucher codes were not added');
      // The server decides the order of its pages: the cursor after the first page comes from the server.
      const page = unwrap(
        await mews(target).POST(getAllPath, { body: { VoucherIds: [voucherId], Limitation: { Count: 1 } } }),
      );
      if (!page.Cursor) throw new Error('the first page of voucher codes has no cursor');
      return {
        voucherCodeId: first.Id,
        otherVoucherCodeId: second.Id,
        voucherCodeValue: first.Value ?? '',
        firstPageCursor: page.Cursor,
      };
    },
    async teardown(target, params, injected) {
      const ids = [injected.voucherCodeId, injected.otherVoucherCodeId].filter(
        (id): id is string => typeof id === 'string',
      );
      if (ids.length === 0) return;
      await deleteActive(
        target,
        await listVoucherCodes(target, { VoucherIds: [voucherIdOf(params)], VoucherCodeIds: ids }),
      );
    },
  }),
  [names.addedMewsCodesRemoved]: defineState({
    async setup() {},
    async teardown(target, params) {
      const values = new Set(stringsOf(params.Values));
      const codes = await listVoucherCodes(target, { VoucherIds: stringsOf(params.VoucherIds) });
      await deleteActive(
        target,
        codes.filter((code) => code.Value != null && values.has(code.Value)),
      );
    },
  }),
};
