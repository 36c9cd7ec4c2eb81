import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VoucherifySchemas } from '@vouchspec/client';
import { afterAll, describe, expect, it } from 'vitest';
import { successInteraction } from './interactions.js';
import { invalidBodyInteraction, invalidCredentialsInteraction } from './shared-interactions.js';
import {
  appKeys,
  createPact,
  invalidAppKeys,
  invalidAppOptions,
  requestExample,
  responseMatcher,
  states,
  unwrap,
  voucherifyClient,
} from './support.js';

const pact = createPact('voucherify');
const importPath = '/v1/customers/importCSV';
/** The `source_id`s the bulk operations and the import create, in place of the documented CRM ids. */
const contractSourceId = (kind: 'bulk' | 'meta' | 'import', index: number) =>
  `vouchspec-contract-${kind}-${index + 1}`;

/** The documented bulk update, addressed to this suite's customers instead of the documented CRM ids. */
function bulkUpdate(): VoucherifySchemas['CustomerBulkUpdate'][] {
  return requestExample<VoucherifySchemas['CustomerBulkUpdate'][]>('voucherify', 'updateCustomersInBulk').map(
    (update, index) => ({ ...update, source_id: contractSourceId('bulk', index) }),
  );
}

function metadataUpdate(): VoucherifySchemas['CustomerMetadataBulkUpdate'] {
  const example = requestExample<VoucherifySchemas['CustomerMetadataBulkUpdate']>(
    'voucherify',
    'updateCustomersMetadataInBulk',
  );
  return { ...example, source_ids: example.source_ids.map((_, index) => contractSourceId('meta', index)) };
}

/** The documented CSV file, its rows addressed to this suite's customers. */
function importCsv(): string {
  const { file } = requestExample<{ file: string }>(
    'voucherify',
    'importCustomersUsingCsv',
    'multipart/form-data',
  );
  const [header = '', ...rows] = file.trimEnd().split('\n');
  const renamed = rows.map((row, index) => row.replace(/^[^,]*/, contractSourceId('import', index)));
  return `${[header, ...renamed].join('\n')}\n`;
}

/** The `source_id`s in the first column of a CSV file's rows. */
function csvSourceIds(csv: string): string[] {
  return csv
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((row) => row.split(',')[0] ?? '');
}

/** The documented CSV file without its `Source_id` column, which every import needs. */
function csvWithoutSourceIds(): string {
  return importCsv()
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^[^,]*,/, ''))
    .join('\n')
    .concat('\n');
}

/**
 * Pact reads a multipart file part from disk; the client sends the same text. The part's declared type comes
 * from the file name (`.csv` → `text/csv`, compared exactly); the content itself is matched by what it looks
 * like, and Pact detects CSV text as `text/plain`, so that is the type its content is expected to have.
 */
const csvContent = 'text/plain';
const uploadDir = mkdtempSync(join(tmpdir(), 'vouchspec-customers-'));
function uploadFile(name: string, content: string): string {
  const file = join(uploadDir, name);
  writeFileSync(file, content);
  return file;
}

describe('Customer imports and bulk updates', () => {
  afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

  describe('importCustomersUsingCsv', () => {
    it('importCustomersUsingCsv: queues the import of a CSV file', async () => {
      const csv = importCsv();
      await pact
        .addInteraction()
        .given(states.createdCustomersRemoved, { sourceIds: csvSourceIds(csv) })
        .uponReceiving('importCustomersUsingCsv: the documented CSV file')
        .withRequest('POST', importPath, (b) =>
          b.headers(appKeys).multipartBody(csvContent, uploadFile('customers.csv', csv), 'file'),
        )
        .willRespondWith(202, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'importCustomersUsingCsv', 202)),
        )
        .executeTest(async (server) => {
          const queued = await voucherifyClient(server.url)
            .POST(importPath, { body: { file: csv } })
            .then(unwrap);
          expect(queued.async_action_id).toMatch(/^aa_/);
        });
    });

    it('importCustomersUsingCsv: rejects a CSV file without a source_id column', async () => {
      const csv = csvWithoutSourceIds();
      await pact
        .addInteraction()
        .uponReceiving('importCustomersUsingCsv: a CSV file without a Source_id column')
        .withRequest('POST', importPath, (b) =>
          b.headers(appKeys).multipartBody(csvContent, uploadFile('no-source-ids.csv', csv), 'file'),
        )
        .willRespondWith(400, (b) =>
          b.jsonBody(
            responseMatcher('voucherify', 'importCustomersUsingCsv', 400, { include: ['key', 'details'] }),
          ),
        )
        .executeTest(async (server) => {
          const { error, response } = await voucherifyClient(server.url).POST(importPath, {
            body: { file: csv },
          });
          expect(response.status).toBe(400);
          expect(error?.key).toBe('invalid_payload');
          expect(error?.details).toBeTruthy();
        });
    });

    it('importCustomersUsingCsv: rejects invalid application keys', async () => {
      const csv = importCsv();
      await pact
        .addInteraction()
        .uponReceiving('importCustomersUsingCsv: invalid application keys')
        .withRequest('POST', importPath, (b) =>
          b.headers(invalidAppKeys).multipartBody(csvContent, uploadFile('customers.csv', csv), 'file'),
        )
        .willRespondWith(401, (b) =>
          b.jsonBody(responseMatcher('voucherify', 'importCustomersUsingCsv', 401)),
        )
        .executeTest(async (server) => {
          const { response } = await voucherifyClient(server.url, invalidAppOptions).POST(importPath, {
            body: { file: csv },
          });
          expect(response.status).toBe(401);
        });
    });
  });

  it('updateCustomersInBulk: queues the update of several customers', () => {
    const body = bulkUpdate();
    return successInteraction(pact, 'updateCustomersInBulk', {
      given: states.createdCustomersRemoved,
      stateParams: { sourceIds: body.map((update) => update.source_id) },
      description: 'the documented updates of two customers',
      body,
      status: 202,
      check: (queued) => expect(queued.async_action_id).toMatch(/^aa_/),
    });
  });

  it('updateCustomersInBulk: rejects an update without a source_id', () => {
    const [{ source_id: _sourceId, ...first } = { source_id: '' }, ...rest] = bulkUpdate();
    return invalidBodyInteraction(pact, 'voucherify', 'updateCustomersInBulk', {
      description: 'an update without the required source_id',
      body: [first, ...rest],
    });
  });

  it('updateCustomersMetadataInBulk: queues one metadata change for several customers', () => {
    const body = metadataUpdate();
    return successInteraction(pact, 'updateCustomersMetadataInBulk', {
      given: states.createdCustomersRemoved,
      stateParams: { sourceIds: body.source_ids },
      description: 'the documented metadata for three customers',
      body,
      status: 202,
      check: (queued) => expect(queued.async_action_id).toMatch(/^aa_/),
    });
  });

  it('updateCustomersMetadataInBulk: rejects a change without metadata', () => {
    const { metadata: _metadata, ...body } = metadataUpdate();
    return invalidBodyInteraction(pact, 'voucherify', 'updateCustomersMetadataInBulk', {
      description: 'a body without the required metadata',
      body,
    });
  });

  it.each(['updateCustomersInBulk', 'updateCustomersMetadataInBulk'])(
    '%s: rejects invalid application keys',
    (operationId) => invalidCredentialsInteraction(pact, 'voucherify', operationId),
  );
});
