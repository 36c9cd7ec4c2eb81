import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/voucherify/customer-imports.js';
import { appKeys, useMock } from './helpers.js';

const mock = useMock();

const create = (body: unknown) => mock.call('POST', '/v1/customers', { headers: appKeys, body });
const get = (id: string) => mock.call('GET', `/v1/customers/${id}`, { headers: appKeys });
const bulk = (body: unknown) => mock.call('POST', '/v1/customers/bulk/async', { headers: appKeys, body });
const metadataBulk = (body: unknown) =>
  mock.call('POST', '/v1/customers/metadata/async', { headers: appKeys, body });

/** Uploads a CSV as the form's `file`: a file part by default, or a plain text field. */
async function importCsv(csv: string, as: 'file' | 'field' = 'file') {
  const form = new FormData();
  if (as === 'file') form.append('file', new Blob([csv], { type: 'text/csv' }), 'customers.csv');
  else form.append('file', csv);
  const response = await fetch(`${mock.server.url}/v1/customers/importCSV`, {
    method: 'POST',
    headers: appKeys,
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

/** The async action the mock recorded for an acknowledged job. */
function actionOf(res: { status: number; body: { async_action_id: string } }) {
  expect(res.status).toBe(202);
  expect(res.body.async_action_id).toMatch(/^aa_[A-Za-z0-9]{24}$/);
  return mock.server.state.asyncActions.get(res.body.async_action_id);
}

const activityTypes = (customerId: string) =>
  mock.server.state.activities.findAll('customer', customerId).map(({ activity }) => activity.type);

describe('updateCustomersInBulk', () => {
  it('updates known source_ids, creates the others and records the async action', async () => {
    const known = await create({ source_id: 'crm-1', name: 'Alice', email: 'alice@example.com' });
    const res = await bulk([
      { source_id: 'crm-1', email: 'alice@example.org', metadata: { tier: 'gold' } },
      { source_id: 'crm-2', name: 'Tomasz', address: { city: 'Kraków', country: 'PL' } },
    ]);
    expect(actionOf(res)).toMatchObject({
      type: 'CUSTOMERS_BULK_UPDATE',
      status: 'DONE',
      result: { processed: 2, failed: [] },
    });
    expect((await get('crm-1')).body).toMatchObject({
      id: known.body.id,
      name: 'Alice',
      email: 'alice@example.org',
      metadata: { tier: 'gold' },
    });
    const created = await get('crm-2');
    expect(created.body).toMatchObject({ name: 'Tomasz', address: { city: 'Kraków', country: 'PL' } });
    expect(created.body.id).toMatch(/^cust_/);
    expect(mock.server.state.customers.size).toBe(2);
    expect(activityTypes(known.body.id)).toEqual(['customer.created', 'customer.updated']);
    expect(activityTypes(created.body.id)).toEqual(['customer.created']);
  });

  it('addresses customers by source_id only, ignoring an id in an item', async () => {
    const known = await create({ source_id: 'crm-1' });
    await bulk([{ source_id: 'crm-3', id: known.body.id, name: 'New' }]);
    expect((await get('crm-1')).body).not.toHaveProperty('name');
    expect((await get('crm-3')).body).toMatchObject({ name: 'New' });
  });

  it('rejects an item without source_id and more than 100 items, changing nothing', async () => {
    expect((await bulk([{ source_id: 'crm-1' }, { name: 'No id' }])).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ source_id: `crm-${i}` }));
    expect((await bulk(tooMany)).status).toBe(400);
    expect(mock.server.state.customers.size).toBe(0);
    expect(mock.server.state.asyncActions.size).toBe(0);
  });
});

describe('updateCustomersMetadataInBulk', () => {
  it('merges the metadata into the listed customers and creates missing ones', async () => {
    const known = await create({
      source_id: 'crm-1',
      name: 'Alice',
      metadata: { tier: 'silver', vip: false },
    });
    const untouched = await create({ source_id: 'crm-9', metadata: { tier: 'bronze' } });
    const res = await metadataBulk({ source_ids: ['crm-1', 'crm-2', 'crm-1'], metadata: { tier: 'gold' } });
    expect(actionOf(res)).toMatchObject({
      type: 'CUSTOMERS_METADATA_UPDATE',
      status: 'DONE',
      result: { processed: 2, failed: [] },
    });
    expect((await get('crm-1')).body).toMatchObject({
      id: known.body.id,
      name: 'Alice',
      metadata: { tier: 'gold', vip: false },
    });
    expect((await get('crm-2')).body.metadata).toEqual({ tier: 'gold' });
    expect((await get('crm-9')).body).toEqual(untouched.body);
    expect(activityTypes(known.body.id)).toEqual(['customer.created', 'customer.updated']);
  });

  it('rejects a body without metadata', async () => {
    const res = await metadataBulk({ source_ids: ['crm-1'] });
    expect(res.status).toBe(400);
    expect(mock.server.state.customers.size).toBe(0);
  });
});

describe('importCustomersUsingCsv', () => {
  it("imports the spec's example file with capitalised columns", async () => {
    const csv =
      'Source_id,Name,Email,Phone,Address_City,Address_Country,Metadata_loyalty_tier\n' +
      'crm-000417,Alice Morgan,alice.morgan@example.com,+44 20 7946 0958,London,GB,silver\n' +
      'crm-000981,Tomasz Nowak,tomasz.nowak@example.com,+48 22 123 45 67,Warsaw,PL,bronze\n';
    const res = await importCsv(csv);
    expect(actionOf(res)).toMatchObject({
      type: 'CUSTOMERS_IMPORT_CSV',
      status: 'DONE',
      result: { processed: 2, failed: [] },
    });
    expect((await get('crm-000417')).body).toMatchObject({
      object: 'customer',
      name: 'Alice Morgan',
      email: 'alice.morgan@example.com',
      phone: '+44 20 7946 0958',
      address: { city: 'London', country: 'GB' },
      metadata: { loyalty_tier: 'silver' },
    });
    expect((await get('crm-000981')).body).toMatchObject({ address: { city: 'Warsaw' } });
  });

  it('reads quoted fields, CRLF line ends, dotted and plain column names, and a byte order mark', async () => {
    const csv =
      '\uFEFFsource_id,name,description,address.line_1,city,metadata.note,Favourite colour,birthdate\r\n' +
      'crm-1,"Morgan, Alice","Said ""hi""","221B Baker Street\r\nFlat 2",London,"a,b",green,1990-04-12\r\n';
    expect(actionOf(await importCsv(csv))?.result).toEqual({ processed: 1, failed: [] });
    expect((await get('crm-1')).body).toMatchObject({
      name: 'Morgan, Alice',
      description: 'Said "hi"',
      birthdate: '1990-04-12',
      address: { line_1: '221B Baker Street\r\nFlat 2', city: 'London' },
      metadata: { note: 'a,b', 'Favourite colour': 'green' },
    });
  });

  it('updates the customer of a known source_id and leaves fields of empty cells unchanged', async () => {
    const known = await create({ source_id: 'crm-1', name: 'Alice', email: 'alice@example.com' });
    const res = await importCsv('source_id,name,email\ncrm-1,,alice@example.org\n');
    expect(actionOf(res)?.result.processed).toBe(1);
    expect((await get('crm-1')).body).toMatchObject({
      id: known.body.id,
      name: 'Alice',
      email: 'alice@example.org',
    });
    expect(mock.server.state.customers.size).toBe(1);
    expect(activityTypes(known.body.id)).toEqual(['customer.created', 'customer.updated']);
  });

  it('lists the rows it cannot import, with their numbers, and imports the others', async () => {
    const csv = [
      'source_id,name,birthdate',
      'crm-1,Alice,',
      ',No source id,',
      'crm-3,"Two\nlines",1990-02-30',
      '',
      'crm-4,Too,many,fields',
      'crm-5,Eve,2000-02-29',
    ].join('\n');
    const action = actionOf(await importCsv(csv));
    expect(action).toMatchObject({ status: 'DONE' });
    expect(action?.result).toEqual({
      processed: 2,
      failed: [
        { row: 3, reason: 'source_id is empty' },
        { row: 4, reason: 'birthdate 1990-02-30 is not a date (YYYY-MM-DD)' },
        { row: 6, reason: 'the row has 4 fields where the header has 3' },
      ],
    });
    expect((await get('crm-1')).body.name).toBe('Alice');
    expect((await get('crm-5')).body.birthdate).toBe('2000-02-29');
    expect((await get('crm-3')).status).toBe(404);
    expect(mock.server.state.customers.size).toBe(2);
  });

  it('marks the async action FAILED when no row could be imported', async () => {
    const action = actionOf(await importCsv('source_id,name\n,Nobody\n'));
    expect(action).toMatchObject({ status: 'FAILED', result: { processed: 0 } });
    expect(mock.server.state.customers.size).toBe(0);
  });

  it('accepts a header-only file and a file sent as a text field', async () => {
    expect(actionOf(await importCsv('source_id,name\n'))).toMatchObject({
      status: 'DONE',
      result: { processed: 0, failed: [] },
    });
    expect(actionOf(await importCsv('source_id,name\ncrm-1,Alice', 'field'))?.result.processed).toBe(1);
    expect((await get('crm-1')).body.name).toBe('Alice');
  });

  it.each([
    ['an empty file', '', 'file: the CSV has no header row'],
    ['a blank first line', '\ncrm-1,Alice\n', 'file: the CSV has no header row'],
    [
      'no source_id column',
      'name,email\nAlice,alice@example.com\n',
      'file: the header row has no source_id column',
    ],
    ['a data row instead of a header', 'crm-1,Alice\n', 'file: the header row has no source_id column'],
    ['a column without a name', 'source_id,,name\n', 'file: column 2 of the header row has no name'],
    [
      'two columns for one field',
      'source_id,Address_City,city\n',
      'file: more than one column sets address.city',
    ],
    [
      'a quote that is never closed',
      'source_id,name\ncrm-1,"Alice\n',
      'file: row 2 has a quoted field that is never closed',
    ],
    [
      'text after a closing quote',
      'source_id,name\ncrm-1,"Alice"x\n',
      'file: row 2 has text after a closing quote',
    ],
  ])('answers 400 for %s, importing nothing', async (_, csv, details) => {
    const res = await importCsv(csv);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 400, key: 'invalid_payload', details });
    expect(mock.server.state.customers.size).toBe(0);
    expect(mock.server.state.asyncActions.size).toBe(0);
  });

  it('answers 400 without a file', async () => {
    const form = new FormData();
    form.append('other', 'x');
    const response = await fetch(`${mock.server.url}/v1/customers/importCSV`, {
      method: 'POST',
      headers: appKeys,
      body: form,
    });
    expect(response.status).toBe(400);
  });
});

describe('parseCsv', () => {
  it('splits records on LF, CRLF and CR, keeping empty fields', () => {
    expect(parseCsv('a,b\nc,\r\n,d\re,f')).toEqual([
      ['a', 'b'],
      ['c', ''],
      ['', 'd'],
      ['e', 'f'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"a,b","say ""hi""","x\ny",""\n')).toEqual([['a,b', 'say "hi"', 'x\ny', '']]);
  });

  it('ignores a final line break but keeps a trailing empty field', () => {
    expect(parseCsv('a,b\n')).toEqual([['a', 'b']]);
    expect(parseCsv('a,')).toEqual([['a', '']]);
    expect(parseCsv('')).toEqual([]);
  });
});
