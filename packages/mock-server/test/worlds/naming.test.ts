/** The world-naming rule: which world a request's headers (or Mews body) address. */
import { describe, expect, it } from 'vitest';
import { defaultCredentials } from '../../src/credentials.js';
import { isWellFormedCredential, worldNameOf } from '../../src/worlds/naming.js';

const nameOf = (headers: Record<string, string>, body?: unknown) =>
  worldNameOf(headers, body, defaultCredentials);

describe('worldNameOf', () => {
  it('takes X-Vouchspec-World first, whatever credentials come with it', () => {
    expect(nameOf({ 'x-vouchspec-world': 'suite-a', 'x-app-id': 'team' })).toBe('suite-a');
    expect(nameOf({ 'x-vouchspec-world': 'suite-a', 'x-management-id': 'other' })).toBe('suite-a');
  });

  it('else the identifier half of a credential, never its token', () => {
    expect(nameOf({ 'x-app-id': 'team', 'x-app-token': 'secret' })).toBe('app:team');
    expect(nameOf({ 'x-management-id': 'ops', 'x-management-token': 'secret' })).toBe('management:ops');
    expect(nameOf({ 'x-app-id': 'team', 'x-management-id': 'ops' })).toBe('app:team');
  });

  it('names OAuth and Mews worlds by a digest, so the token itself never shows', () => {
    const oauth = nameOf({ authorization: 'Bearer secret-oauth-token' });
    expect(oauth).toMatch(/^oauth:[0-9a-f]{16}$/);
    expect(nameOf({ authorization: 'Bearer secret-oauth-token' })).toBe(oauth);
    expect(nameOf({ authorization: 'Bearer another-token' })).not.toBe(oauth);
    const mews = nameOf({}, { ClientToken: 'client', AccessToken: 'secret-access-token' });
    expect(mews).toMatch(/^mews:[0-9a-f]{16}$/);
    expect(String(mews)).not.toContain('secret');
  });

  it('puts every placeholder credential, and a request naming none, in the default world', () => {
    const keys = defaultCredentials.voucherify;
    expect(nameOf({ 'x-app-id': keys['X-App-Id'] })).toBe('default');
    expect(nameOf({ 'x-management-id': keys['X-Management-Id'] })).toBe('default');
    expect(nameOf({ authorization: `Bearer ${keys['X-Voucherify-OAuth']}` })).toBe('default');
    expect(nameOf({}, { AccessToken: defaultCredentials['mews-connector'].AccessToken })).toBe('default');
    expect(nameOf({})).toBe('default');
  });

  it('refuses a malformed X-Vouchspec-World, naming the header', () => {
    for (const name of ['', 'a\nb', 'x'.repeat(257)])
      expect(nameOf({ 'x-vouchspec-world': name })).toEqual({ malformed: 'X-Vouchspec-World' });
  });
});

describe('isWellFormedCredential', () => {
  it('takes non-empty printable strings of up to 256 characters', () => {
    expect(['k', 'ключ', 'x'.repeat(256)].every(isWellFormedCredential)).toBe(true);
    expect(['', 'x'.repeat(257), 'a\tb', 'a\u007fb', 7, undefined].some(isWellFormedCredential)).toBe(false);
    // The convention that lets a suite test refused keys against any mock.
    expect(['invalid-credential', 'INVALID', 'invalidKey'].some(isWellFormedCredential)).toBe(false);
    expect(['not-invalid', 'valid'].every(isWellFormedCredential)).toBe(true);
  });
});
