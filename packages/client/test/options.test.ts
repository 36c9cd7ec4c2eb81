import { describe, expect, it } from 'vitest';
import { type CommonClientOptions, createMewsConnectorClient, createVoucherifyClient } from '../src/index.js';

const creators = {
  voucherify: (options: CommonClientOptions) =>
    createVoucherifyClient({ baseUrl: 'http://127.0.0.1:1', appId: 'a', appToken: 't', ...options }),
  'mews-connector': (options: CommonClientOptions) =>
    createMewsConnectorClient({ clientToken: 'c', accessToken: 'a', client: 'x', ...options }),
};

/** The error creating a client with these options throws, or undefined when it creates one. */
function creationError(create: (options: CommonClientOptions) => unknown, options: unknown) {
  try {
    create(options as CommonClientOptions);
  } catch (error) {
    return error;
  }
  return undefined;
}

const ms = (name: string, max: number, got: string) =>
  `${name} must be a number of ms from 0 to ${max}, got ${got}`;
const attempts = (got: string) => `retry.attempts must be an integer from 1 to 10, got ${got}`;

const invalid: [options: unknown, error: typeof RangeError | typeof TypeError, message: string][] = [
  [{ retry: { attempts: Number.NaN } }, RangeError, attempts('NaN')],
  [{ retry: { attempts: Number.POSITIVE_INFINITY } }, RangeError, attempts('Infinity')],
  [{ retry: { attempts: 0 } }, RangeError, attempts('0')],
  [{ retry: { attempts: -1 } }, RangeError, attempts('-1')],
  [{ retry: { attempts: 2.5 } }, RangeError, attempts('2.5')],
  [{ retry: { attempts: 11 } }, RangeError, attempts('11')],
  [{ retry: { attempts: '3' } }, TypeError, attempts('"3"')],
  [{ retry: { attempts: null } }, TypeError, attempts('null')],
  [{ timeoutMs: Number.NaN }, RangeError, ms('timeoutMs', 2_147_483_647, 'NaN')],
  [{ timeoutMs: Number.POSITIVE_INFINITY }, RangeError, ms('timeoutMs', 2_147_483_647, 'Infinity')],
  [{ timeoutMs: -1 }, RangeError, ms('timeoutMs', 2_147_483_647, '-1')],
  [{ timeoutMs: 2 ** 31 }, RangeError, ms('timeoutMs', 2_147_483_647, '2147483648')],
  [{ timeoutMs: '500' }, TypeError, ms('timeoutMs', 2_147_483_647, '"500"')],
  [{ retry: { baseDelayMs: Number.NaN } }, RangeError, ms('retry.baseDelayMs', 60_000, 'NaN')],
  [{ retry: { baseDelayMs: -5 } }, RangeError, ms('retry.baseDelayMs', 60_000, '-5')],
  [{ retry: { baseDelayMs: 60_001 } }, RangeError, ms('retry.baseDelayMs', 60_000, '60001')],
  [
    { retry: { maxDelayMs: Number.NEGATIVE_INFINITY } },
    RangeError,
    ms('retry.maxDelayMs', 300_000, '-Infinity'),
  ],
  [{ retry: { maxDelayMs: 300_001 } }, RangeError, ms('retry.maxDelayMs', 300_000, '300001')],
  [{ retry: { maxRetryAfterMs: Number.NaN } }, RangeError, ms('retry.maxRetryAfterMs', 3_600_000, 'NaN')],
  [{ retry: { maxRetryAfterMs: -1 } }, RangeError, ms('retry.maxRetryAfterMs', 3_600_000, '-1')],
  [
    { retry: { maxRetryAfterMs: Number.POSITIVE_INFINITY } },
    RangeError,
    ms('retry.maxRetryAfterMs', 3_600_000, 'Infinity'),
  ],
];

const valid: unknown[] = [
  {},
  { retry: false },
  { timeoutMs: 0 },
  { timeoutMs: 2_147_483_647 },
  { timeoutMs: 0.5 },
  { retry: { attempts: 1 } },
  { retry: { attempts: 10, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 } },
  { retry: { baseDelayMs: 60_000, maxDelayMs: 300_000, maxRetryAfterMs: 3_600_000 } },
  { timeoutMs: undefined, retry: { attempts: undefined } },
];

describe.each(Object.entries(creators))('creating the %s client', (_, create) => {
  it.each(invalid)('rejects %o', (options, type, message) => {
    const error = creationError(create, options);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toBe(message);
  });

  it.each(valid)('accepts %o', (options) => {
    expect(creationError(create, options)).toBeUndefined();
  });
});
