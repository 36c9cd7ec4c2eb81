/**
 * What the bulk customer operations share apart from the customer store: reading an imported CSV file into
 * customer updates, and the async action records they answer with.
 */
import type { VoucherifySchemas } from '@vouchspec/spec/types';
import { HttpError, type MockResponse } from '../http.js';
import { voucherifyId } from '../ids.js';
import type { UploadedFile } from '../multipart.js';
import type { AsyncActionRecord, MockState } from '../state.js';
import { timestamp } from './resource-helpers.js';

type CustomerBulkUpdate = VoucherifySchemas['CustomerBulkUpdate'];
type JobResult = AsyncActionRecord['result'];

/** Where a CSV column's values go: a profile field, an address field or a metadata key. */
interface Column {
  target: 'profile' | 'address' | 'metadata';
  key: string;
}

const profileColumns = ['source_id', 'name', 'email', 'phone', 'description', 'birthdate', 'birthday'];
const addressColumns = ['city', 'state', 'line_1', 'line_2', 'country', 'postal_code'];

function csvError(problem: string): HttpError {
  return new HttpError(400, 'Invalid payload', `file: ${problem}`);
}

/**
 * Splits CSV text into records of fields (RFC 4180): records end at LF or CRLF, and a field in double quotes
 * may hold commas, line breaks and doubled quotes. Broken quoting leaves the records unknown, so it is a 400.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (atFieldStart && char === '"') {
      const close = closingQuote(text, i + 1, records.length + 1);
      field = text.slice(i + 1, close).replaceAll('""', '"');
      i = close;
      if (i + 1 < text.length && !',\r\n'.includes(text[i + 1] as string))
        throw csvError(`row ${records.length + 1} has text after a closing quote`);
      atFieldStart = false;
    } else if (char === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      records.push([...record, field]);
      record = [];
      field = '';
      atFieldStart = true;
    } else {
      field += char;
      atFieldStart = false;
    }
  }
  if (!atFieldStart || record.length > 0) records.push([...record, field]);
  return records;
}

/** The index of the quote that closes a quoted field opened just before `from`, skipping doubled quotes. */
function closingQuote(text: string, from: number, row: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] !== '"') return i;
    i++;
  }
  throw csvError(`row ${row} has a quoted field that is never closed`);
}

/**
 * Maps a header cell to a customer field, ignoring case: `Name`; `Address_City`, `address.city` or `city`;
 * `Metadata_tier` or `metadata.tier`. Any other column becomes a metadata key of that name, as the spec says.
 */
function toColumn(name: string): Column {
  const lower = name.toLowerCase();
  if (profileColumns.includes(lower)) return { target: 'profile', key: lower };
  const address = /^address[._](.+)$/.exec(lower)?.[1] ?? lower;
  if (addressColumns.includes(address)) return { target: 'address', key: address };
  return { target: 'metadata', key: /^metadata[._](.+)$/i.exec(name)?.[1] ?? name };
}

/** The columns of the header row, which must name each field once and include `source_id`. */
function readHeader(header: string[] | undefined): Column[] {
  const names = (header ?? []).map((name) => name.trim());
  if (names.every((name) => name === '')) throw csvError('the CSV has no header row');
  const blank = names.indexOf('');
  if (blank >= 0) throw csvError(`column ${blank + 1} of the header row has no name`);
  const columns = names.map(toColumn);
  const targets = columns.map(({ target, key }) => `${target === 'profile' ? '' : `${target}.`}${key}`);
  const repeated = targets.find((target, index) => targets.indexOf(target) !== index);
  if (repeated !== undefined) throw csvError(`more than one column sets ${repeated}`);
  if (!targets.includes('source_id')) throw csvError('the header row has no source_id column');
  return columns;
}

/** Whether a value is a real calendar date written `YYYY-MM-DD`, as the spec's `format: date` requires. */
function isDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value)
  );
}

/** A data row as a customer update, or why it cannot be imported. Empty cells leave their field unset. */
function rowToCustomer(columns: Column[], fields: string[]): CustomerBulkUpdate | string {
  if (fields.length !== columns.length)
    return `the row has ${fields.length} fields where the header has ${columns.length}`;
  const values: Record<Column['target'], Record<string, string>> = { profile: {}, address: {}, metadata: {} };
  columns.forEach(({ target, key }, index) => {
    const value = fields[index];
    // A computed key is always data, even `__proto__`, where assignment would set the prototype.
    if (value) values[target] = { ...values[target], [key]: value };
  });
  const { source_id, ...profile } = values.profile;
  if (!source_id) return 'source_id is empty';
  const badDate = ['birthdate', 'birthday'].find((field) => profile[field] && !isDate(profile[field]));
  if (badDate) return `${badDate} ${profile[badDate]} is not a date (YYYY-MM-DD)`;
  const present = (group: Record<string, string>) => Object.keys(group).length > 0;
  return {
    ...profile,
    source_id,
    ...(present(values.address) ? { address: values.address } : {}),
    ...(present(values.metadata) ? { metadata: values.metadata } : {}),
  };
}

/**
 * The customer updates in an imported CSV file (sent as a file part or a plain text field), in file order.
 * A row that cannot be imported is reported with its number (the header is row 1; a line break inside quotes
 * does not start a row) and does not stop the others.
 */
export function readCustomerCsv(file: string | UploadedFile) {
  const text = typeof file === 'string' ? file : file.content.toString('utf8');
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const columns = readHeader(header);
  const customers: CustomerBulkUpdate[] = [];
  const failed: JobResult['failed'] = [];
  rows.forEach((fields, index) => {
    if (fields.length === 1 && fields[0] === '') return; // a blank line
    const customer = rowToCustomer(columns, fields);
    if (typeof customer === 'string') failed.push({ row: index + 2, reason: customer });
    else customers.push(customer);
  });
  return { customers, failed };
}

/** Keeps the record of a job the mock has already run, and acknowledges it as the API does. */
export function asyncAction(
  state: MockState,
  type: AsyncActionRecord['type'],
  result: JobResult,
): MockResponse {
  const record: AsyncActionRecord = {
    id: voucherifyId('aa'),
    type,
    status: result.processed === 0 && result.failed.length > 0 ? 'FAILED' : 'DONE',
    created_at: timestamp(),
    result,
  };
  state.asyncActions.set(record.id, record);
  const body: VoucherifySchemas['AsyncAction'] = { async_action_id: record.id };
  return { status: 202, body };
}
