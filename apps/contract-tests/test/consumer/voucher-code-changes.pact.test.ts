import { describe, expect, it } from 'vitest';
import { invalidCredentialsInteraction } from './shared-interactions.js';
import {
  createPact,
  fromProviderState,
  mewsClient,
  mewsEnvelope,
  responseHeaders,
  states,
  unwrap,
} from './support.js';
import * as fixtures from './voucher-code-fixtures.js';

const pact = createPact('mews-connector');
/** An id no server has: voucher codes are UUIDs, and this one is reserved for the tests. */
const missingVoucherCodeId = '00000000-0000-4000-8000-00000000c0de';

describe('Voucher code changes', () => {
  it('addVoucherCodes: adds the documented codes', () => {
    const body = fixtures.documentedAddition();
    const voucherIds = [...new Set(body.VoucherCodeParameters.map((code) => code.VoucherId))];
    const values = body.VoucherCodeParameters.map((code) => code.Value);
    let interaction = pact.addInteraction();
    for (const VoucherId of voucherIds) interaction = interaction.given(states.mewsVoucher, { VoucherId });
    return interaction
      .given(states.addedMewsCodesRemoved, { VoucherIds: voucherIds, Values: values })
      .uponReceiving('addVoucherCodes: the documented codes')
      .withRequest('POST', fixtures.addPath, fixtures.mewsBody(body))
      .willRespondWith(200, fixtures.mewsResponse('addVoucherCodes', 200, fixtures.listedCodes))
      .executeTest(async (server) => {
        const added = await mewsClient(server.url).POST(fixtures.addPath, { body }).then(unwrap);
        expect(added.VoucherCodes.length).toBeGreaterThan(0);
        for (const code of added.VoucherCodes) {
          expect(values).toContain(code.Value);
          expect(code.ActivityState).toBe('Active');
        }
      });
  });

  it('addVoucherCodes: rejects a code the voucher already has', () => {
    const [documented] = fixtures.documentedAddition().VoucherCodeParameters;
    if (!documented) throw new Error('the documented addition has no codes');
    const code = { ...documented, VoucherId: fixtures.voucherId };
    const stateValue = fromProviderState('${voucherCodeValue}', documented.Value);
    return fixtures
      .onVoucherWithTwoCodes(pact, 'addVoucherCodes: a value the voucher already has a code for')
      .withRequest(
        'POST',
        fixtures.addPath,
        fixtures.mewsBody({ VoucherCodeParameters: [{ ...code, Value: stateValue }] }),
      )
      .willRespondWith(409, fixtures.mewsResponse('addVoucherCodes', 409))
      .executeTest(async (server) => {
        const result = await mewsClient(server.url).POST(fixtures.addPath, {
          body: { VoucherCodeParameters: [code] },
        });
        expect(result.response.status).toBe(409);
        expect(result.error?.Message).toBeTruthy();
        expect(() => unwrap(result)).toThrow(
          expect.objectContaining({ status: 409, requestId: expect.any(String) }),
        );
      });
  });

  describe('deleteVoucherCodes', () => {
    const body = fixtures.documentedDeletion();
    /** The documented ids on the consumer side; the provider state's codes on the provider side. */
    const stateCodeIds = [
      fromProviderState('${voucherCodeId}', fixtures.exampleCodeId),
      fromProviderState('${otherVoucherCodeId}', fixtures.otherExampleCodeId),
    ];
    const stateBody = { ...body, VoucherCodeIds: [fixtures.exampleCodeId, fixtures.otherExampleCodeId] };

    it('deleteVoucherCodes: deletes codes of a voucher', () =>
      fixtures
        .onVoucherWithTwoCodes(pact, 'deleteVoucherCodes: two existing codes')
        .withRequest(
          'POST',
          fixtures.deletePath,
          fixtures.mewsBody({ ...body, VoucherCodeIds: stateCodeIds }),
        )
        .willRespondWith(200, fixtures.mewsResponse('deleteVoucherCodes', 200))
        .executeTest(async (server) => {
          const data = await mewsClient(server.url)
            .POST(fixtures.deletePath, { body: stateBody })
            .then(unwrap);
          expect(data).toEqual({});
        }));

    it('deleteVoucherCodes: answers 204 when asked for a minimal response', () =>
      fixtures
        .onVoucherWithTwoCodes(pact, 'deleteVoucherCodes: two existing codes with Prefer return=minimal')
        .withRequest('POST', fixtures.deletePath, (b) =>
          b
            .headers({ Prefer: 'return=minimal' })
            .jsonBody({ ...mewsEnvelope(), ...body, VoucherCodeIds: stateCodeIds }),
        )
        .willRespondWith(204, (b) => b.headers(responseHeaders('mews-connector', 'deleteVoucherCodes', 204)))
        .executeTest(async (server) => {
          const { error, response } = await mewsClient(server.url, { minimal: true }).POST(
            fixtures.deletePath,
            {
              body: stateBody,
            },
          );
          expect(error).toBeUndefined();
          expect(response.status).toBe(204);
          expect(response.headers.get('Request-Id')).toBeTruthy();
        }));
  });

  it.each([
    ['addVoucherCodes', 'codes without the required Value', fixtures.addPath, codesWithoutValues()],
    [
      'deleteVoucherCodes',
      'a body without the required VoucherCodeIds',
      fixtures.deletePath,
      deletionWithoutIds(),
    ],
  ] as const)('%s: rejects %s', (operationId, description, path, body) =>
    pact
      .addInteraction()
      .uponReceiving(`${operationId}: ${description}`)
      .withRequest('POST', path, fixtures.mewsBody(body))
      .willRespondWith(400, fixtures.mewsResponse(operationId, 400))
      .executeTest(async (server) => {
        const { data, error, response } = await mewsClient(server.url).POST(path, {
          body: body as unknown as fixtures.Addition & fixtures.Deletion,
        });
        expect(data).toBeUndefined();
        expect(response.status).toBe(400);
        expect(error?.Message).toBeTruthy();
      }),
  );

  it('deleteVoucherCodes: answers 404 for an unknown code', () => {
    const missing = { ...fixtures.documentedDeletion(), VoucherCodeIds: [missingVoucherCodeId] };
    return pact
      .addInteraction()
      .uponReceiving('deleteVoucherCodes: a code that does not exist')
      .withRequest('POST', fixtures.deletePath, fixtures.mewsBody(missing))
      .willRespondWith(404, fixtures.mewsResponse('deleteVoucherCodes', 404))
      .executeTest(async (server) => {
        const result = await mewsClient(server.url).POST(fixtures.deletePath, { body: missing });
        expect(result.response.status).toBe(404);
        expect(result.error?.Message).toBeTruthy();
        expect(() => unwrap(result)).toThrow(
          expect.objectContaining({ status: 404, requestId: expect.any(String) }),
        );
      });
  });

  it.each(['addVoucherCodes', 'deleteVoucherCodes'])('%s: rejects an invalid access token', (operationId) =>
    invalidCredentialsInteraction(pact, 'mews-connector', operationId),
  );
});

/** The documented codes with their required `Value` left out. */
function codesWithoutValues() {
  const { VoucherCodeParameters, ...rest } = fixtures.documentedAddition();
  return { ...rest, VoucherCodeParameters: VoucherCodeParameters.map(({ Value: _value, ...code }) => code) };
}

/** The documented deletion with its required `VoucherCodeIds` left out. */
function deletionWithoutIds() {
  const { VoucherCodeIds: _ids, ...invalid } = fixtures.documentedDeletion();
  return invalid;
}
