import type { MewsConnectorSchemas } from '@vouchspec/spec/types';
import type { Handler } from '../api.js';
import { HttpError } from '../http.js';
import { mewsTimestamp, uuid } from '../ids.js';
import type { MockState, StoredVoucherCode } from '../state.js';

type VoucherCodeFilter = MewsConnectorSchemas['VoucherCodeFilter'];
type VoucherCodeAddition = MewsConnectorSchemas['VoucherCodeAddition'];
type VoucherCodeDeletion = MewsConnectorSchemas['VoucherCodeDeletion'];

/** The enterprise a plain (non-portfolio) access token belongs to in the mock. */
export const mockEnterpriseId = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

/** Interval filters may span at most three months. */
const maxIntervalMs = 92 * 24 * 60 * 60 * 1000;

function inInterval(value: string | null | undefined, interval: VoucherCodeFilter['UpdatedUtc']): boolean {
  if (!interval) return true;
  if (!value) return false;
  const time = Date.parse(value);
  return time >= Date.parse(interval.StartUtc) && time <= Date.parse(interval.EndUtc);
}

function checkInterval(interval: VoucherCodeFilter['UpdatedUtc'], field: string): void {
  if (!interval) return;
  const span = Date.parse(interval.EndUtc) - Date.parse(interval.StartUtc);
  if (span < 0) throw new HttpError(400, `Invalid ${field}: EndUtc is before StartUtc.`);
  if (span > maxIntervalMs)
    throw new HttpError(400, `Invalid ${field}: the interval may span at most 3 months.`);
}

/** Oldest first, so a cursor (the last id of a page) continues with the next-newer items. */
function byCreation(a: StoredVoucherCode, b: StoredVoucherCode): number {
  return (
    (a.code.CreatedUtc ?? '').localeCompare(b.code.CreatedUtc ?? '') || a.code.Id.localeCompare(b.code.Id)
  );
}

export const voucherCodeHandlers: Record<string, Handler> = {
  getAllVoucherCodes: (ctx) => {
    const filter = ctx.body as VoucherCodeFilter;
    checkInterval(filter.UpdatedUtc, 'UpdatedUtc');
    const voucherIds = new Set(filter.VoucherIds);
    const codeIds = filter.VoucherCodeIds ? new Set(filter.VoucherCodeIds) : undefined;
    const enterpriseIds = new Set(filter.EnterpriseIds ?? [mockEnterpriseId]);
    const matching = [...ctx.state.voucherCodes.values()]
      .filter(
        (stored) =>
          voucherIds.has(stored.code.VoucherId) &&
          (!codeIds || codeIds.has(stored.code.Id)) &&
          enterpriseIds.has(stored.enterpriseId) &&
          inInterval(stored.code.UpdatedUtc, filter.UpdatedUtc),
      )
      .sort(byCreation);
    let start = 0;
    const cursor = filter.Limitation.Cursor;
    if (cursor) {
      const position = matching.findIndex((stored) => stored.code.Id === cursor);
      if (position < 0)
        throw new HttpError(400, 'Invalid Limitation.Cursor: no such item in this result set.');
      start = position + 1;
    }
    const page = matching
      .slice(start, start + Math.floor(filter.Limitation.Count))
      .map((stored) => stored.code);
    return { status: 200, body: { VoucherCodes: page, Cursor: page.at(-1)?.Id ?? null } };
  },

  /** Creates every code or none: a bad interval or a value the voucher already has rejects the request. */
  addVoucherCodes: (ctx) => {
    const request = ctx.body as VoucherCodeAddition;
    const enterpriseId = enterpriseOf(request);
    const seen = new Set<string>();
    request.VoucherCodeParameters.forEach((parameters, index) => {
      const where = `VoucherCodeParameters[${index}]`;
      const start = parameters.ValidityStartUtc;
      const end = parameters.ValidityEndUtc;
      if (start && end && Date.parse(end) < Date.parse(start)) {
        throw new HttpError(400, `Invalid ${where}: ValidityEndUtc is before ValidityStartUtc.`);
      }
      const key = `${parameters.VoucherId} ${parameters.Value}`;
      const taken = [...ctx.state.voucherCodes.values()].some(
        (stored) =>
          stored.enterpriseId === enterpriseId &&
          stored.code.VoucherId === parameters.VoucherId &&
          stored.code.Value === parameters.Value &&
          stored.code.IsActive !== false,
      );
      if (taken || seen.has(key))
        throw new HttpError(
          409,
          `Invalid ${where}: voucher ${parameters.VoucherId} already has the code ${parameters.Value}.`,
        );
      seen.add(key);
    });
    const now = mewsTimestamp();
    const created = request.VoucherCodeParameters.map((parameters) => {
      const code = {
        Id: uuid(),
        VoucherId: parameters.VoucherId,
        Value: parameters.Value,
        ValidityStartUtc: parameters.ValidityStartUtc ?? null,
        ValidityEndUtc: parameters.ValidityEndUtc ?? null,
        CreatedUtc: now,
        UpdatedUtc: now,
        IsActive: true,
        ActivityState: 'Active' as const,
      };
      storeVoucherCode(ctx.state, { code, enterpriseId });
      return code;
    });
    return { status: 200, body: { VoucherCodes: created } };
  },

  /** Marks the codes deleted (they stay listable as `Deleted`); an unknown code rejects the whole request. */
  deleteVoucherCodes: (ctx) => {
    const request = ctx.body as VoucherCodeDeletion;
    const enterpriseId = enterpriseOf(request);
    const codes = request.VoucherCodeIds.map((id) => {
      const stored = ctx.state.voucherCodes.get(id);
      if (!stored || stored.enterpriseId !== enterpriseId)
        throw new HttpError(404, `Voucher code ${id} was not found.`);
      return stored;
    });
    const now = mewsTimestamp();
    for (const stored of codes) {
      const code = { ...stored.code, IsActive: false, ActivityState: 'Deleted' as const, UpdatedUtc: now };
      storeVoucherCode(ctx.state, { ...stored, code });
    }
    return { status: 200, body: {} };
  },
};

/** The enterprise a request acts on: the one it names (portfolio tokens), or the token's own. */
function enterpriseOf(body: { EnterpriseId?: string | null }): string {
  return body.EnterpriseId ?? mockEnterpriseId;
}

export function storeVoucherCode(state: MockState, stored: StoredVoucherCode): void {
  state.voucherCodes.set(stored.code.Id, stored);
}
