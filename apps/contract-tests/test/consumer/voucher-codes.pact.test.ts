import type { MewsConnectorSchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { invalidCredentialsInteraction } from './shared-interactions.js';
import {
  createPact,
  fromProviderState,
  mewsClient,
  mewsEnvelope,
  requestExample,
  responseHeaders,
  responseMatcher,
  states,
  unwrap,
} from './support.js';

const pact = createPact('mews-connector');
const getAllPath = '/api/connector/v1/voucherCodes/getAll';
const addPath = '/api/connector/v1/voucherCodes/add';
const deletePath = '/api/connector/v1/voucherCodes/delete';
/** An id no server has: voucher codes are UUIDs, and this one is reserved for the tests. */
const missingVoucherCodeId = '00000000-0000-4000-8000-00000000c0de';

type Filter = MewsConnectorSchemas['VoucherCodeFilter'];
type Addition = MewsConnectorSchemas['VoucherCodeAddition'];
type Deletion = MewsConnectorSchemas['VoucherCodeDeletion'];

/**
 * The documented filter without what the client adds (credentials) and without the narrowing the provider
 * state's codes do not share: the example's properties belong to a portfolio and its change window is past.
 */
function documentedFilter() {
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
function documentedAddition() {
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
function documentedDeletion() {
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
const [voucherId] = documentedFilter().VoucherIds;
/** Documented code ids, for the consumer side of ids that the provider state generates. */
const [exampleCodeId, otherExampleCodeId] = filterExample.VoucherCodeIds ?? [];
/** The documented change window, which the 400 interaction stretches past three months. */
const exampleWindow = filterExample.UpdatedUtc;
if (!voucherId || !exampleCodeId || !otherExampleCodeId || !exampleWindow)
  throw new Error('the documented filter lacks a voucher, two voucher codes or a change window');
const voucher = { VoucherId: voucherId };

describe('Voucher codes', () => {
  describe('getAllVoucherCodes', () => {
    it('getAllVoucherCodes: lists the codes of a voucher', async () => {
      const body = documentedFilter();
      await pact
        .addInteraction()
        .given(states.mewsVoucher, voucher)
        .given(states.mewsVoucherWithCodes, voucher)
        .uponReceiving('getAllVoucherCodes: the codes of a voucher')
        .withRequest('POST', getAllPath, (b) => b.jsonBody({ ...mewsEnvelope(), ...body }))
        .willRespondWith(200, (b) =>
          b.headers(responseHeaders('mews-connector', 'getAllVoucherCodes', 200)).jsonBody(
            responseMatcher('mews-connector', 'getAllVoucherCodes', 200, {
              include: ['VoucherCodes[].Value', 'VoucherCodes[].CreatedUtc'],
              nonEmpty: ['VoucherCodes'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const data = await mewsClient(server.url).POST(getAllPath, { body }).then(unwrap);
          expect(data.VoucherCodes.length).toBeGreaterThan(0);
          for (const code of data.VoucherCodes) {
            expect(code.VoucherId).toBe(voucherId);
            expect(code.Value).toBeTruthy();
          }
        });
    });

    it('getAllVoucherCodes: narrows the codes to the ids asked for', async () => {
      const body = { ...documentedFilter(), VoucherCodeIds: [exampleCodeId] };
      await pact
        .addInteraction()
        .given(states.mewsVoucher, voucher)
        .given(states.mewsVoucherWithCodes, voucher)
        .uponReceiving('getAllVoucherCodes: one code of a voucher, by its id')
        .withRequest('POST', getAllPath, (b) =>
          b.jsonBody({
            ...mewsEnvelope(),
            ...body,
            VoucherCodeIds: [fromProviderState('${voucherCodeId}', exampleCodeId)],
          }),
        )
        .willRespondWith(200, (b) =>
          b.headers(responseHeaders('mews-connector', 'getAllVoucherCodes', 200)).jsonBody(
            responseMatcher('mews-connector', 'getAllVoucherCodes', 200, {
              include: ['VoucherCodes[].Value'],
              nonEmpty: ['VoucherCodes'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const data = await mewsClient(server.url).POST(getAllPath, { body }).then(unwrap);
          expect(data.VoucherCodes.length).toBeGreaterThan(0);
          expect(data.VoucherCodes.every((code) => code.Id === exampleCodeId)).toBe(true);
        });
    });

    it('getAllVoucherCodes: continues after the cursor of the previous page', async () => {
      // A cursor is the id of the last code of a page; the provider state asks the server for a real one.
      const body = { ...documentedFilter(), Limitation: { Count: 1, Cursor: otherExampleCodeId } };
      await pact
        .addInteraction()
        .given(states.mewsVoucher, voucher)
        .given(states.mewsVoucherWithCodes, voucher)
        .uponReceiving('getAllVoucherCodes: the page after a cursor')
        .withRequest('POST', getAllPath, (b) =>
          b.jsonBody({
            ...mewsEnvelope(),
            ...body,
            Limitation: { Count: 1, Cursor: fromProviderState('${firstPageCursor}', otherExampleCodeId) },
          }),
        )
        .willRespondWith(200, (b) =>
          b.headers(responseHeaders('mews-connector', 'getAllVoucherCodes', 200)).jsonBody(
            responseMatcher('mews-connector', 'getAllVoucherCodes', 200, {
              include: ['Cursor'],
              nonEmpty: ['VoucherCodes'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const data = await mewsClient(server.url).POST(getAllPath, { body }).then(unwrap);
          expect(data.VoucherCodes).toHaveLength(1);
          expect(data.VoucherCodes[0]?.Id).not.toBe(body.Limitation.Cursor);
          expect(data.Cursor).toEqual(expect.any(String));
        });
    });

    it('getAllVoucherCodes: rejects a change window longer than three months', async () => {
      const { StartUtc } = exampleWindow;
      const end = new Date(StartUtc);
      end.setUTCMonth(end.getUTCMonth() + 4);
      const body = {
        ...documentedFilter(),
        UpdatedUtc: { StartUtc, EndUtc: end.toISOString().replace('.000Z', 'Z') },
      };
      await pact
        .addInteraction()
        .uponReceiving('getAllVoucherCodes: an UpdatedUtc interval of four months')
        .withRequest('POST', getAllPath, (b) => b.jsonBody({ ...mewsEnvelope(), ...body }))
        .willRespondWith(400, (b) =>
          b
            .headers(responseHeaders('mews-connector', 'getAllVoucherCodes', 400))
            .jsonBody(responseMatcher('mews-connector', 'getAllVoucherCodes', 400)),
        )
        .executeTest(async (server) => {
          const { data, error, response } = await mewsClient(server.url).POST(getAllPath, { body });
          expect(data).toBeUndefined();
          expect(response.status).toBe(400);
          expect(error?.Message).toBeTruthy();
        });
    });

    it('getAllVoucherCodes: rejects an invalid access token', () =>
      invalidCredentialsInteraction(pact, 'mews-connector', 'getAllVoucherCodes'));
  });

  describe('addVoucherCodes', () => {
    it('addVoucherCodes: adds the documented codes', async () => {
      const body = documentedAddition();
      const voucherIds = [...new Set(body.VoucherCodeParameters.map((code) => code.VoucherId))];
      const values = body.VoucherCodeParameters.map((code) => code.Value);
      let interaction = pact.addInteraction();
      for (const VoucherId of voucherIds) interaction = interaction.given(states.mewsVoucher, { VoucherId });
      await interaction
        .given(states.addedMewsCodesRemoved, {
          VoucherIds: voucherIds,
          Values: values,
        })
        .uponReceiving('addVoucherCodes: the documented codes')
        .withRequest('POST', addPath, (b) => b.jsonBody({ ...mewsEnvelope(), ...body }))
        .willRespondWith(200, (b) =>
          b.headers(responseHeaders('mews-connector', 'addVoucherCodes', 200)).jsonBody(
            responseMatcher('mews-connector', 'addVoucherCodes', 200, {
              include: ['VoucherCodes[].Value', 'VoucherCodes[].CreatedUtc'],
              nonEmpty: ['VoucherCodes'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const data = await mewsClient(server.url).POST(addPath, { body }).then(unwrap);
          expect(data.VoucherCodes.length).toBeGreaterThan(0);
          for (const code of data.VoucherCodes) {
            expect(values).toContain(code.Value);
            expect(code.ActivityState).toBe('Active');
          }
        });
    });

    it('addVoucherCodes: rejects a code without its value', async () => {
      const { VoucherCodeParameters, ...rest } = documentedAddition();
      const body = {
        ...rest,
        VoucherCodeParameters: VoucherCodeParameters.map(({ Value: _value, ...code }) => code),
      };
      await pact
        .addInteraction()
        .uponReceiving('addVoucherCodes: codes without the required Value')
        .withRequest('POST', addPath, (b) => b.jsonBody({ ...mewsEnvelope(), ...body }))
        .willRespondWith(400, (b) =>
          b
            .headers(responseHeaders('mews-connector', 'addVoucherCodes', 400))
            .jsonBody(responseMatcher('mews-connector', 'addVoucherCodes', 400)),
        )
        .executeTest(async (server) => {
          const { data, error, response } = await mewsClient(server.url).POST(addPath, {
            body: body as unknown as Addition,
          });
          expect(data).toBeUndefined();
          expect(response.status).toBe(400);
          expect(error?.Message).toBeTruthy();
        });
    });

    it('addVoucherCodes: rejects a code the voucher already has', async () => {
      const [documented] = documentedAddition().VoucherCodeParameters;
      if (!documented) throw new Error('the documented addition has no codes');
      const code = { ...documented, VoucherId: voucherId };
      const body = { VoucherCodeParameters: [code] };
      await pact
        .addInteraction()
        .given(states.mewsVoucher, voucher)
        .given(states.mewsVoucherWithCodes, voucher)
        .uponReceiving('addVoucherCodes: a value the voucher already has a code for')
        .withRequest('POST', addPath, (b) =>
          b.jsonBody({
            ...mewsEnvelope(),
            VoucherCodeParameters: [
              { ...code, Value: fromProviderState('${voucherCodeValue}', documented.Value) },
            ],
          }),
        )
        .willRespondWith(409, (b) =>
          b
            .headers(responseHeaders('mews-connector', 'addVoucherCodes', 409))
            .jsonBody(responseMatcher('mews-connector', 'addVoucherCodes', 409)),
        )
        .executeTest(async (server) => {
          const result = await mewsClient(server.url).POST(addPath, { body });
          expect(result.response.status).toBe(409);
          expect(result.error?.Message).toBeTruthy();
          expect(() => unwrap(result)).toThrow(
            expect.objectContaining({ status: 409, requestId: expect.any(String) }),
          );
        });
    });

    it('addVoucherCodes: rejects an invalid access token', () =>
      invalidCredentialsInteraction(pact, 'mews-connector', 'addVoucherCodes'));
  });

  describe('deleteVoucherCodes', () => {
    const body = documentedDeletion();
    /** The documented ids on the consumer side; the provider state's codes on the provider side. */
    const stateCodeIds = [
      fromProviderState('${voucherCodeId}', exampleCodeId),
      fromProviderState('${otherVoucherCodeId}', otherExampleCodeId),
    ];
    const stateBody = { ...body, VoucherCodeIds: [exampleCodeId, otherExampleCodeId] };

    it('deleteVoucherCodes: deletes codes of a voucher', async () => {
      await pact
        .addInteraction()
        .given(states.mewsVoucher, voucher)
        .given(states.mewsVoucherWithCodes, voucher)
        .uponReceiving('deleteVoucherCodes: two existing codes')
        .withRequest('POST', deletePath, (b) =>
          b.jsonBody({ ...mewsEnvelope(), ...body, VoucherCodeIds: stateCodeIds }),
        )
        .willRespondWith(200, (b) =>
          b
            .headers(responseHeaders('mews-connector', 'deleteVoucherCodes', 200))
            .jsonBody(responseMatcher('mews-connector', 'deleteVoucherCodes', 200)),
        )
        .executeTest(async (server) => {
          const data = await mewsClient(server.url).POST(deletePath, { body: stateBody }).then(unwrap);
          expect(data).toEqual({});
        });
    });

    it('deleteVoucherCodes: answers 204 when asked for a minimal response', async () => {
      await pact
        .addInteraction()
        .given(states.mewsVoucher, voucher)
        .given(states.mewsVoucherWithCodes, voucher)
        .uponReceiving('deleteVoucherCodes: two existing codes with Prefer return=minimal')
        .withRequest('POST', deletePath, (b) =>
          b
            .headers({ Prefer: 'return=minimal' })
            .jsonBody({ ...mewsEnvelope(), ...body, VoucherCodeIds: stateCodeIds }),
        )
        .willRespondWith(204, (b) => b.headers(responseHeaders('mews-connector', 'deleteVoucherCodes', 204)))
        .executeTest(async (server) => {
          const { error, response } = await mewsClient(server.url, { minimal: true }).POST(deletePath, {
            body: stateBody,
          });
          expect(error).toBeUndefined();
          expect(response.status).toBe(204);
          expect(response.headers.get('Request-Id')).toBeTruthy();
        });
    });

    it('deleteVoucherCodes: rejects a body without code ids', async () => {
      const { VoucherCodeIds: _ids, ...invalid } = body;
      await pact
        .addInteraction()
        .uponReceiving('deleteVoucherCodes: a body without the required VoucherCodeIds')
        .withRequest('POST', deletePath, (b) => b.jsonBody({ ...mewsEnvelope(), ...invalid }))
        .willRespondWith(400, (b) =>
          b
            .headers(responseHeaders('mews-connector', 'deleteVoucherCodes', 400))
            .jsonBody(responseMatcher('mews-connector', 'deleteVoucherCodes', 400)),
        )
        .executeTest(async (server) => {
          const { data, error, response } = await mewsClient(server.url).POST(deletePath, {
            body: invalid as Deletion,
          });
          expect(data).toBeUndefined();
          expect(response.status).toBe(400);
          expect(error?.Message).toBeTruthy();
        });
    });

    it('deleteVoucherCodes: answers 404 for an unknown code', async () => {
      const missing = { ...body, VoucherCodeIds: [missingVoucherCodeId] };
      await pact
        .addInteraction()
        .uponReceiving('deleteVoucherCodes: a code that does not exist')
        .withRequest('POST', deletePath, (b) => b.jsonBody({ ...mewsEnvelope(), ...missing }))
        .willRespondWith(404, (b) =>
          b
            .headers(responseHeaders('mews-connector', 'deleteVoucherCodes', 404))
            .jsonBody(responseMatcher('mews-connector', 'deleteVoucherCodes', 404)),
        )
        .executeTest(async (server) => {
          const result = await mewsClient(server.url).POST(deletePath, { body: missing });
          expect(result.response.status).toBe(404);
          expect(result.error?.Message).toBeTruthy();
          expect(() => unwrap(result)).toThrow(
            expect.objectContaining({ status: 404, requestId: expect.any(String) }),
          );
        });
    });

    it('deleteVoucherCodes: rejects an invalid access token', () =>
      invalidCredentialsInteraction(pact, 'mews-connector', 'deleteVoucherCodes'));
  });
});
