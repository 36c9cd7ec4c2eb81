/**
 * What the Mews voucher-code pact tests share: the documented requests without the credentials the client
 * adds, the voucher the provider states give codes, and the builders every Mews interaction uses (the
 * credential envelope in the body, the documented response headers).
 */
import type { PactV4 } from '@pact-foundation/pact';
import type { MewsConnectorSchemas } from '@vouchspec/client';
import { providerStateNames as states } from '@vouchspec/conformance/states';
import type { MatcherOptions } from '../../src/spec-matchers.js';
import { mewsEnvelope, requestExample, responseHeaders, responseMatcher } from './support.js';

export type Addition = MewsConnectorSchemas['VoucherCodeAddition'];
export type Deletion = MewsConnectorSchemas['VoucherCodeDeletion'];
type Filter = MewsConnectorSchemas['VoucherCodeFilter'];

export const getAllPath = '/api/connector/v1/voucherCodes/getAll';
export const addPath = '/api/connector/v1/voucherCodes/add';
export const deletePath = '/api/connector/v1/voucherCodes/delete';

/**
 * The documented filter without what the client adds (credentials) and without the narrowing the provider
 * state's codes do not share: the example's properties belong to a portfolio and its change window is past.
 */
export function documentedFilter() {
  const {
    ClientToken: _clientToken,
    AccessToken: _accessToken,
    Client: _client,
    EnterpriseIds: _enterpriseIds,
    VoucherCodeIds: _voucherCodeIds,
    UpdatedUtc: _updatedUtc,
    ...filter
  } = requestExample<Filter>('mews-connector', 'getAllVoucherCodes');
  return filter;
}

/** The documented codes to add, without the credentials and the enterprise only portfolio tokens name. */
export function documentedAddition() {
  const {
    ClientToken: _clientToken,
    AccessToken: _accessToken,
    Client: _client,
    EnterpriseId: _enterpriseId,
    ...addition
  } = requestExample<Addition>('mews-connector', 'addVoucherCodes');
  return addition;
}

/** The documented codes to delete, without the credentials and the enterprise only portfolio tokens name. */
export function documentedDeletion() {
  const {
    ClientToken: _clientToken,
    AccessToken: _accessToken,
    Client: _client,
    EnterpriseId: _enterpriseId,
    ...deletion
  } = requestExample<Deletion>('mews-connector', 'deleteVoucherCodes');
  return deletion;
}

const filterExample = requestExample<Filter>('mews-connector', 'getAllVoucherCodes');
/** The voucher of the documented filter: the provider states give it codes. */
const [documentedVoucherId] = documentedFilter().VoucherIds;
/** Documented code ids, for the consumer side of ids that the provider state generates. */
const [firstCodeId, secondCodeId] = filterExample.VoucherCodeIds ?? [];
/** The documented change window, which the 400 interaction stretches past three months. */
const documentedWindow = filterExample.UpdatedUtc;
if (!documentedVoucherId || !firstCodeId || !secondCodeId || !documentedWindow)
  throw new Error('the documented filter lacks a voucher, two voucher codes or a change window');
export const voucherId = documentedVoucherId;
export const exampleCodeId = firstCodeId;
export const otherExampleCodeId = secondCodeId;
export const exampleWindow = documentedWindow;
export const voucher = { VoucherId: voucherId };

/** An interaction on the voucher after the provider state has given it two codes. */
export const onVoucherWithTwoCodes = (pact: PactV4, description: string) =>
  pact
    .addInteraction()
    .given(states.mewsVoucher, voucher)
    .given(states.mewsVoucherWithCodes, voucher)
    .uponReceiving(description);

/** A list of codes that must hold some, each with its value and creation time: what adding and listing answer. */
export const listedCodes: MatcherOptions = {
  include: ['VoucherCodes[].Value', 'VoucherCodes[].CreatedUtc'],
  nonEmpty: ['VoucherCodes'],
};

/** A request body as the pact records it: the client's credential envelope, then the operation's fields. */
export const mewsBody =
  (body: object) =>
  (b: { jsonBody(body: unknown): unknown }): void =>
    void b.jsonBody({ ...mewsEnvelope(), ...body });

/** A response as the spec documents it for the operation and status: its headers and a body matcher. */
export const mewsResponse =
  (operationId: string, status: number, options?: MatcherOptions) =>
  (b: { headers(h: Record<string, unknown>): { jsonBody(body: unknown): unknown } }): void =>
    void b
      .headers(responseHeaders('mews-connector', operationId, status))
      .jsonBody(responseMatcher('mews-connector', operationId, status, options));
