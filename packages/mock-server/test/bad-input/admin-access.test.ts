import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { type AdminAccessOptions, adminAccessDenied } from '../../src/admin/access.js';

interface Case {
  name: string;
  method?: string;
  headers: IncomingHttpHeaders;
  options?: AdminAccessOptions;
}

const json = { 'content-type': 'application/json', 'content-length': '2' };

const allowed: Case[] = [
  { name: 'an IPv4 loopback address with a port', headers: { host: '127.0.0.1:4010' } },
  { name: 'localhost with a port', headers: { host: 'localhost:4010' } },
  { name: 'localhost in capitals, with a trailing dot', headers: { host: 'LocalHost.:4010' } },
  { name: 'a bracketed IPv6 address with a port', headers: { host: '[::1]:4010' } },
  { name: 'a name under .localhost', headers: { host: 'api.localhost' } },
  { name: 'a LAN IPv4 address without a port', headers: { host: '10.1.2.3' } },
  {
    name: 'a custom name that allowedHosts lists (with a port there)',
    headers: { host: 'Mock.Internal:4010' },
    options: { allowedHosts: ['mock.internal:9999'] },
  },
  {
    name: 'a same-origin Origin',
    method: 'POST',
    headers: { host: '127.0.0.1:4010', origin: 'http://127.0.0.1:4010', ...json },
  },
  {
    name: 'a same-origin Origin on the default port',
    headers: { host: 'localhost:80', origin: 'http://LOCALHOST' },
  },
  {
    name: 'Sec-Fetch-Site same-origin and none',
    headers: { host: 'localhost:4010', 'sec-fetch-site': 'same-origin' },
  },
  {
    name: 'Sec-Fetch-Site none (typed in the address bar)',
    headers: { host: 'localhost', 'sec-fetch-site': 'none' },
  },
  {
    name: 'a POST of JSON with parameters',
    method: 'POST',
    headers: {
      host: '127.0.0.1:4010',
      'content-type': 'application/json; charset=utf-8',
      'content-length': '9',
    },
  },
  {
    name: 'a POST without a body',
    method: 'POST',
    headers: { host: '127.0.0.1:4010', 'content-length': '0' },
  },
  { name: 'a GET without a body or Content-Type', method: 'GET', headers: { host: '127.0.0.1:4010' } },
];

const refused: (Case & { reason: RegExp })[] = [
  { name: 'no Host', headers: {}, reason: /Host header .* has none/ },
  { name: 'an empty Host', headers: { host: ' ' }, reason: /Host header/ },
  {
    name: 'a rebinding name',
    headers: { host: 'attacker.example:4010' },
    reason:
      /^Host "attacker\.example:4010" is not an IP address or localhost.*--admin-host attacker\.example on the command line or the adminHosts option of startMockServer\.$/,
  },
  {
    name: 'a rebinding name that allowedHosts does not list',
    headers: { host: 'attacker.example' },
    options: { allowedHosts: ['mock.internal'] },
    reason: /^Host "attacker\.example" is not an IP address or localhost/,
  },
  {
    name: 'a name that only looks like localhost',
    headers: { host: 'localhost.attacker.example' },
    reason: /Host "localhost\.attacker\.example"/,
  },
  {
    name: 'a malformed Host',
    headers: { host: 'user@127.0.0.1' },
    reason: /Host "user@127\.0\.0\.1" is not a valid/,
  },
  { name: 'a malformed port', headers: { host: 'localhost:http' }, reason: /not a valid host\[:port\]/ },
  {
    name: 'a foreign Origin',
    method: 'POST',
    headers: { host: '127.0.0.1:4010', origin: 'https://attacker.example', ...json },
    reason: /^Origin "https:\/\/attacker\.example" is not the mock's own origin \(Host "127\.0\.0\.1:4010"\)/,
  },
  {
    name: 'an Origin of another port on the same host',
    headers: { host: 'localhost:4010', origin: 'http://localhost:3000' },
    reason: /Origin "http:\/\/localhost:3000"/,
  },
  { name: 'Origin: null', headers: { host: 'localhost:4010', origin: 'null' }, reason: /^Origin "null"/ },
  {
    name: 'Sec-Fetch-Site: cross-site',
    headers: { host: 'localhost:4010', 'sec-fetch-site': 'cross-site' },
    reason: /^Sec-Fetch-Site "cross-site"/,
  },
  {
    name: 'Sec-Fetch-Site: same-site (another port of localhost)',
    headers: { host: 'localhost:4010', 'sec-fetch-site': 'same-site' },
    reason: /^Sec-Fetch-Site "same-site"/,
  },
  {
    name: 'a POST with a text/plain body',
    method: 'POST',
    headers: { host: '127.0.0.1:4010', 'content-type': 'text/plain;charset=UTF-8', 'content-length': '17' },
    reason:
      /^POST with Content-Type "text\/plain;charset=UTF-8" is refused .* Content-Type: application\/json\.$/,
  },
  {
    name: 'a POST of a urlencoded form',
    method: 'post',
    headers: {
      host: '127.0.0.1:4010',
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': '3',
    },
    reason: /^POST with Content-Type "application\/x-www-form-urlencoded"/,
  },
  {
    name: 'a chunked POST without a Content-Type',
    method: 'POST',
    headers: { host: '127.0.0.1:4010', 'transfer-encoding': 'chunked' },
    reason: /^POST with Content-Type "\(none\)"/,
  },
];

describe('adminAccessDenied', () => {
  it.each(allowed)('allows $name', ({ method = 'GET', headers, options }) => {
    expect(adminAccessDenied(method, headers, options)).toBeUndefined();
  });

  it.each(refused)('refuses $name', ({ method = 'GET', headers, options, reason }) => {
    expect(adminAccessDenied(method, headers, options)).toMatch(reason);
  });
});
