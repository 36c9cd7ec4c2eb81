import { createMewsConnectorClient, type MewsConnectorSchemas } from '@vouchspec/client';
import { describe, expect, it } from 'vitest';
import { invalidCredential, placeholderMewsCredentials, placeholders } from '../../src/credentials.js';
import { createPact } from '../../src/pact.js';
import { requestExample, responseHeaders, responseMatcher } from '../../src/spec-matchers.js';

const pact = createPact('mews-connector');
const path = '/api/connector/v1/voucherCodes/getAll';

/** The documented filter, minus what the client fills in and the narrowing the seeded data does not share. */
function filter() {
  const { ClientToken, AccessToken, Client, EnterpriseIds, VoucherCodeIds, UpdatedUtc, ...rest } =
    requestExample<MewsConnectorSchemas['VoucherCodeFilter']>('mews-connector', 'getAllVoucherCodes');
  return rest;
}

const envelope = (accessToken = placeholders['mews-connector'].AccessToken) => ({
  ClientToken: placeholders['mews-connector'].ClientToken,
  AccessToken: accessToken,
  Client: placeholderMewsCredentials.client,
});

describe('Voucher codes', () => {
  describe('getAllVoucherCodes', () => {
    it('returns the codes of a voucher with a cursor', async () => {
      const body = filter();
      await pact
        .addInteraction()
        .given('voucher codes exist', { VoucherId: body.VoucherIds[0] as string })
        .uponReceiving('a request for the voucher codes of a voucher')
        .withRequest('POST', path, (b) => b.jsonBody({ ...envelope(), ...body }))
        .willRespondWith(200, (b) =>
          b.headers(responseHeaders('mews-connector', 'getAllVoucherCodes', 200)).jsonBody(
            responseMatcher('mews-connector', 'getAllVoucherCodes', 200, {
              include: ['VoucherCodes[].Value', 'VoucherCodes[].CreatedUtc', 'Cursor'],
              nonEmpty: ['VoucherCodes'],
            }),
          ),
        )
        .executeTest(async (server) => {
          const { data, error } = await createMewsConnectorClient({
            ...placeholderMewsCredentials,
            environment: server.url,
          }).POST(path, { body });
          expect(error).toBeUndefined();
          expect(data?.VoucherCodes.length).toBeGreaterThan(0);
        });
    });

    it('answers 401 for an invalid access token', async () => {
      const body = filter();
      await pact
        .addInteraction()
        .uponReceiving('a request for voucher codes with an invalid access token')
        .withRequest('POST', path, (b) => b.jsonBody({ ...envelope(invalidCredential), ...body }))
        .willRespondWith(401, (b) =>
          b
            .headers(responseHeaders('mews-connector', 'getAllVoucherCodes', 401))
            .jsonBody(responseMatcher('mews-connector', 'getAllVoucherCodes', 401)),
        )
        .executeTest(async (server) => {
          const { data, error, response } = await createMewsConnectorClient({
            ...placeholderMewsCredentials,
            accessToken: invalidCredential,
            environment: server.url,
          }).POST(path, { body });
          expect(data).toBeUndefined();
          expect(response.status).toBe(401);
          expect(error?.Message).toBeTruthy();
        });
    });
  });
});
