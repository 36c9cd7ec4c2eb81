import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mediaTypeOf, parseBody, readBody } from '../../src/pipeline/body.js';
import { compiled, incoming } from './fixtures.js';

const limits = { maxBodyBytes: 1024, maxJsonDepth: 4 };

describe('mediaTypeOf', () => {
  it('is the lower-case media type without parameters, empty when there is none', () => {
    expect(mediaTypeOf('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaTypeOf(' multipart/form-data ; boundary=x')).toBe('multipart/form-data');
    expect(mediaTypeOf(undefined)).toBe('');
  });
});

describe('readBody', () => {
  const request = (chunks: string[], headers = {}) =>
    incoming('POST', '/v1/customers', headers, Buffer.from(chunks.join('')));

  it('reads the whole body, up to exactly the limit', async () => {
    expect((await readBody(request(['{"a":', '1}']), 1024)).toString()).toBe('{"a":1}');
    expect(await readBody(request(['x'.repeat(8)]), 8)).toHaveLength(8);
  });

  it('refuses with 413 as soon as the Content-Length says the body is too large, without reading it', async () => {
    // A body that never arrives: reading it would never end.
    const silent = Object.assign(new PassThrough(), { headers: { 'content-length': '9' } });
    await expect(readBody(silent as never, 8)).rejects.toMatchObject({
      status: 413,
      message: 'Payload too large',
      details: 'The body exceeds 8 bytes.',
    });
  });

  it('refuses with 413 a chunked body as soon as it grows past the limit, without waiting for its end', async () => {
    const body = new PassThrough();
    const req = Object.assign(body, { headers: { 'transfer-encoding': 'chunked' } });
    body.write('1234');
    body.write('5678');
    body.write('9');
    await expect(readBody(req as never, 8)).rejects.toMatchObject({ status: 413 });
  });
});

describe('parseBody', () => {
  const createCustomer = compiled('voucherify', 'createCustomer');
  const parse = (operation: typeof createCustomer, contentType: string | undefined, raw: string) =>
    parseBody(operation, mediaTypeOf(contentType), contentType, Buffer.from(raw), limits);

  it('parses JSON in the media type the operation accepts', async () => {
    expect(await parse(createCustomer, 'application/json; charset=utf-8', '{"name":"Ada"}')).toEqual({
      name: 'Ada',
    });
  });

  it('answers 400 for a required body left out, and nothing for an optional one', async () => {
    await expect(parse(createCustomer, 'application/json', '')).rejects.toMatchObject({
      status: 400,
      details: 'A request body is required.',
    });
    const consents = compiled('voucherify', 'updateCustomerConsents');
    expect(await parse(consents, undefined, '')).toBeUndefined();
  });

  it('ignores whatever is sent to an operation that takes no body', async () => {
    expect(await parse(compiled('voucherify', 'getCustomer'), 'text/plain', 'anything')).toBeUndefined();
  });

  it('answers 400 naming the accepted media types for any other', async () => {
    await expect(parse(createCustomer, 'text/plain', 'name=Ada')).rejects.toMatchObject({
      status: 400,
      details: 'Content-Type text/plain is not accepted; send application/json.',
    });
    await expect(parse(createCustomer, undefined, '{}')).rejects.toMatchObject({
      details: 'Content-Type (none) is not accepted; send application/json.',
    });
  });

  it('answers 400 with what is wrong for JSON it cannot take (see json.test.ts)', async () => {
    await expect(parse(createCustomer, 'application/json', '{"name":')).rejects.toMatchObject({
      status: 400,
      message: 'Invalid payload',
      details: expect.stringMatching(/^The body is not valid JSON/),
    });
    await expect(parse(createCustomer, 'application/json', '[[[[[]]]]]')).rejects.toMatchObject({
      details: 'The JSON nests deeper than 4 levels of objects and arrays.',
    });
  });

  it('reads multipart bodies into fields and files', async () => {
    const boundary = 'b0undary';
    const body = await parse(
      compiled('voucherify', 'importCustomersUsingCsv'),
      `multipart/form-data; boundary=${boundary}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\n` +
        `Content-Type: text/csv\r\n\r\nsource_id\ncrm-1\n\r\n--${boundary}--\r\n`,
    );
    expect(body).toEqual({
      file: { fileName: 'c.csv', contentType: 'text/csv', content: Buffer.from('source_id\ncrm-1\n') },
    });
  });
});
