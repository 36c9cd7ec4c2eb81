import { describe, expect, it } from 'vitest';
import { describeListening, type ListeningDescription } from '../../src/listening.js';

/** What is bound and how to reach it: the URL itself unless said otherwise. */
const at = (url: string, where = url) => ({ url, where });

const loopback: [string, ListeningDescription][] = [
  ['127.0.0.1', at('http://127.0.0.1:4010')],
  ['127.8.9.10', at('http://127.8.9.10:4010')],
  ['localhost', at('http://localhost:4010')],
  ['::1', at('http://[::1]:4010')],
  ['[::1]', at('http://[::1]:4010')],
  ['::ffff:127.0.0.1', at('http://[::ffff:127.0.0.1]:4010')],
];

const exposed: [string, Omit<ListeningDescription, 'warning'>, string][] = [
  [
    '0.0.0.0',
    at(
      'http://127.0.0.1:4010',
      'every IPv4 interface (0.0.0.0:4010), from this machine http://127.0.0.1:4010',
    ),
    'Listening on every IPv4 interface,',
  ],
  [
    '::',
    at('http://[::1]:4010', 'every IPv6 and IPv4 interface ([::]:4010), from this machine http://[::1]:4010'),
    'Listening on every interface,',
  ],
  [
    '0:0:0:0:0:0:0:0',
    at(
      'http://[::1]:4010',
      'every IPv6 and IPv4 interface ([0:0:0:0:0:0:0:0]:4010), from this machine http://[::1]:4010',
    ),
    'Listening on every interface,',
  ],
  [
    '',
    at('http://127.0.0.1:4010', 'every interface (no host given), from this machine http://127.0.0.1:4010'),
    'Listening on every interface,',
  ],
  [
    '192.168.1.20',
    at('http://192.168.1.20:4010'),
    'Listening on 192.168.1.20, which is not a loopback address,',
  ],
  ['fd00::20', at('http://[fd00::20]:4010'), 'Listening on fd00::20, which is not a loopback address,'],
  ['fe80::1%eth0', at('http://[fe80::1%25eth0]:4010'), 'Listening on fe80::1%eth0,'],
  [
    'mock.lan',
    at('http://mock.lan:4010', 'http://mock.lan:4010 (the address "mock.lan" resolves to)'),
    'Listening on the address "mock.lan" resolves to, which is not known to be loopback,',
  ],
];

describe('describeListening', () => {
  it.each(loopback)('describes %s as loopback, without a warning', (host, expected) => {
    expect(describeListening(host, 4010)).toEqual(expected);
  });

  it.each(exposed)('warns when bound to %s', (host, expected, opening) => {
    const { warning, ...rest } = describeListening(host, 4010);
    expect(rest).toEqual(expected);
    expect(warning).toMatch(new RegExp(`^${opening.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(warning).toContain('so other machines can reach this mock');
    expect(warning).toContain('public placeholder credentials');
    expect(warning).toContain('admin endpoints can read and reset all data');
    expect(warning).toContain('anyone on the network can use an IP address');
    expect(warning).toMatch(/bind 127\.0\.0\.1 unless that is intended\.$/);
    expect(warning).not.toContain('\n');
  });
});
