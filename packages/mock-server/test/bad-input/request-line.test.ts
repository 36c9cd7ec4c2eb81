import { describe, expect, it } from 'vitest';
import { readRequestLine } from '../../src/node-errors.js';

describe('readRequestLine', () => {
  it.each([
    ['no packet', undefined, undefined],
    ['an empty packet', Buffer.alloc(0), undefined],
    [
      'a whole request',
      Buffer.from('FOO /v1/customers?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n'),
      { method: 'FOO', path: '/v1/customers' },
    ],
    [
      'a request line cut short',
      Buffer.from('GET /api/connector/v1/vou'),
      { method: 'GET', path: '/api/connector/v1/vou' },
    ],
    ['only a method', Buffer.from('GET'), { method: 'GET', path: undefined }],
    [
      'an absolute-form target',
      Buffer.from('GET http://127.0.0.1:4010/v1/customers HTTP/1.1\r\n'),
      { method: 'GET', path: '/v1/customers' },
    ],
    ['an asterisk target', Buffer.from('OPTIONS * HTTP/1.1\r\n'), { method: 'OPTIONS', path: undefined }],
    [
      'control bytes escaped',
      Buffer.from('GET /a\tb\x00c HTTP/1.1\r\n', 'latin1'),
      { method: 'GET', path: '/a%09b%00c' },
    ],
    [
      'the middle of a header block',
      Buffer.from('aaaaaaaaaaaaaaaaaaaa\r\nHost: x\r\n'),
      { method: 'aaaaaaaaaaaaaaaaaaaa', path: undefined },
    ],
    ['binary', Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0xff, 0x20, 0x2f]), undefined],
  ])('reads %s', (_name, packet, expected) => {
    expect(readRequestLine(packet)).toEqual(expected);
  });
});
