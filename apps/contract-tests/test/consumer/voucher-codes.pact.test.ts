import { describe, expect, it } from 'vitest';
import { invalidCredentialsInteraction } from './shared-interactions.js';
import { createPact, fromProviderState, mewsClient, unwrap } from './support.js';
import * as fixtures from './voucher-code-fixtures.js';

// Adding and deleting codes: voucher-code-changes.pact.test.ts.
const pact = createPact('mews-connector');

describe('Voucher codes', () => {
  it('getAllVoucherCodes: lists the codes of a voucher', () => {
    const body = fixtures.documentedFilter();
    return fixtures
      .onVoucherWithTwoCodes(pact, 'getAllVoucherCodes: the codes of a voucher')
      .withRequest('POST', fixtures.getAllPath, fixtures.mewsBody(body))
      .willRespondWith(200, fixtures.mewsResponse('getAllVoucherCodes', 200, fixtures.listedCodes))
      .executeTest(async (server) => {
        const { VoucherCodes: codes } = await mewsClient(server.url)
          .POST(fixtures.getAllPath, { body })
          .then(unwrap);
        expect(codes.length).toBeGreaterThan(0);
        for (const code of codes) {
          expect(code.VoucherId).toBe(fixtures.voucherId);
          expect(code.Value).toBeTruthy();
        }
      });
  });

  it('getAllVoucherCodes: narrows the codes to the ids asked for', () => {
    const body = { ...fixtures.documentedFilter(), VoucherCodeIds: [fixtures.exampleCodeId] };
    const stateCodeId = fromProviderState('${voucherCodeId}', fixtures.exampleCodeId);
    return fixtures
      .onVoucherWithTwoCodes(pact, 'getAllVoucherCodes: one code of a voucher, by its id')
      .withRequest('POST', fixtures.getAllPath, fixtures.mewsBody({ ...body, VoucherCodeIds: [stateCodeId] }))
      .willRespondWith(
        200,
        fixtures.mewsResponse('getAllVoucherCodes', 200, {
          include: ['VoucherCodes[].Value'],
          nonEmpty: ['VoucherCodes'],
        }),
      )
      .executeTest(async (server) => {
        const data = await mewsClient(server.url).POST(fixtures.getAllPath, { body }).then(unwrap);
        expect(data.VoucherCodes.length).toBeGreaterThan(0);
        expect(data.VoucherCodes.every((code) => code.Id === fixtures.exampleCodeId)).toBe(true);
      });
  });

  it('getAllVoucherCodes: continues after the cursor of the previous page', () => {
    // A cursor is the id of the last code of a page; the provider state asks the server for a real one.
    const body = {
      ...fixtures.documentedFilter(),
      Limitation: { Count: 1, Cursor: fixtures.otherExampleCodeId },
    };
    const stateCursor = fromProviderState('${firstPageCursor}', fixtures.otherExampleCodeId);
    return fixtures
      .onVoucherWithTwoCodes(pact, 'getAllVoucherCodes: the page after a cursor')
      .withRequest(
        'POST',
        fixtures.getAllPath,
        fixtures.mewsBody({ ...body, Limitation: { Count: 1, Cursor: stateCursor } }),
      )
      .willRespondWith(
        200,
        fixtures.mewsResponse('getAllVoucherCodes', 200, { include: ['Cursor'], nonEmpty: ['VoucherCodes'] }),
      )
      .executeTest(async (server) => {
        const data = await mewsClient(server.url).POST(fixtures.getAllPath, { body }).then(unwrap);
        expect(data.VoucherCodes).toHaveLength(1);
        expect(data.VoucherCodes[0]?.Id).not.toBe(body.Limitation.Cursor);
        expect(data.Cursor).toEqual(expect.any(String));
      });
  });

  it('getAllVoucherCodes: rejects a change window longer than three months', () => {
    const { StartUtc } = fixtures.exampleWindow;
    const end = new Date(StartUtc);
    end.setUTCMonth(end.getUTCMonth() + 4);
    const body = {
      ...fixtures.documentedFilter(),
      UpdatedUtc: { StartUtc, EndUtc: end.toISOString().replace('.000Z', 'Z') },
    };
    return pact
      .addInteraction()
      .uponReceiving('getAllVoucherCodes: an UpdatedUtc interval of four months')
      .withRequest('POST', fixtures.getAllPath, fixtures.mewsBody(body))
      .willRespondWith(400, fixtures.mewsResponse('getAllVoucherCodes', 400))
      .executeTest(async (server) => {
        const { data, error, response } = await mewsClient(server.url).POST(fixtures.getAllPath, { body });
        expect(data).toBeUndefined();
        expect(response.status).toBe(400);
        expect(error?.Message).toBeTruthy();
      });
  });

  it('getAllVoucherCodes: rejects an invalid access token', () =>
    invalidCredentialsInteraction(pact, 'mews-connector', 'getAllVoucherCodes'));
});
