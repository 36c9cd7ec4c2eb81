/** The world stage: strict mode keeps one world; a malformed X-Vouchspec-World is a 400, on the API and admin. */
import { describe, expect, it } from 'vitest';
import { credentialPolicy } from '../../src/credentials.js';
import { worldChooser } from '../../src/worlds/choose.js';
import { defaultWorldLimits, Worlds } from '../../src/worlds/registry.js';
import { useMock } from '../helpers.js';

describe('worldChooser', () => {
  it('puts every request in the default world in strict mode', () => {
    const worlds = new Worlds(defaultWorldLimits);
    const choose = worldChooser(worlds, credentialPolicy({}));
    expect(choose({ 'x-vouchspec-world': 'suite-a', 'x-app-id': 'team' }, undefined)).toEqual({
      name: 'default',
      state: worlds.default,
    });
  });

  it('picks the named world otherwise, the same state on every call', () => {
    const choose = worldChooser(new Worlds(defaultWorldLimits), credentialPolicy(undefined));
    const first = choose({ 'x-app-id': 'team' }, undefined);
    expect(first.name).toBe('app:team');
    expect(choose({ 'x-app-id': 'team' }, undefined).state).toBe(first.state);
  });
});

describe('a malformed X-Vouchspec-World', () => {
  const mock = useMock();
  const malformed = { 'X-App-Id': 'team', 'X-App-Token': 't', 'X-Vouchspec-World': 'x'.repeat(257) };
  const expected = 'X-Vouchspec-World must be non-empty, printable and at most 256 characters long.';

  it('is a 400 in the vendor body on the API', async () => {
    const res = await mock.call('GET', '/v1/customers', { headers: malformed });
    expect(res).toMatchObject({ status: 400, body: { key: 'invalid_payload', details: expected } });
  });

  it('is a 400 naming the header on the admin endpoints', async () => {
    const res = await mock.call('POST', '/__admin/reset', { headers: malformed });
    expect(res).toMatchObject({ status: 400, body: { error: expected } });
  });
});
