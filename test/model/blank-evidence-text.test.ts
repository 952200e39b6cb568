// @spdf verifies SPDF-FC-EMPTY-EVIDENCE
/**
 * Which evidence bytes hold no text. Windows PowerShell 5 writes UTF-16 with a byte-order mark for `Out-File` and `>`,
 * so a step that printed nothing leaves FF FE 0D 00 0A 00: no evidence, as an empty UTF-8 file is.
 */
import assert from 'node:assert/strict';
import type { Host } from '../../src/core/host';
import { BLANK_PROBE_BYTES, EMPTY_EVIDENCE, evidenceFileGap, isBlankText } from '../../src/core/model/evidence-files';

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(utf16le(text).map((_, i, b) => b[i ^ 1]));

describe('isBlankText: evidence bytes that hold no text', () => {
  for (const [name, bytes, blank] of [
    ['0 bytes', Buffer.alloc(0), true],
    ['UTF-8 white space', Buffer.from(' \t\r\n'), true],
    ['a UTF-8 byte-order mark and a newline', Buffer.from('\ufeff\n'), true],
    ['UTF-8 text', Buffer.from('TC-001 passed\n'), false],
    ['a UTF-16LE mark only', utf16le(''), true],
    ['UTF-16LE CRLF (PowerShell 5 Out-File of nothing)', utf16le('\r\n'), true],
    ['UTF-16LE spaces and tabs', utf16le(' \t \n'), true],
    ['UTF-16BE CRLF', utf16be('\r\n'), true],
    ['UTF-16LE text', utf16le('TC-001 passed\r\n'), false],
    ['UTF-16BE text', utf16be('ok'), false],
    ['UTF-16LE a non-ASCII letter (U+0A20: low byte is a space)', utf16le('\u0a20'), false],
    ['UTF-16LE white space and one stray byte', Buffer.concat([utf16le('\r\n'), Buffer.from([0x20])]), false],
    ['UTF-16LE NUL characters', utf16le('\0\0'), false],
  ] as const) {
    it(`${name}: ${blank ? 'blank' : 'text'}`, () => assert.equal(isBlankText(bytes), blank));
  }
});

/** A host over one file that counts the bytes handed out, to see a file with text early is not read to its end. */
function countingHost(bytes: Uint8Array, withPrefix: boolean): Host & { given: number } {
  const host = {
    given: 0,
    listFiles: () => Promise.resolve(['e.log']),
    statSize: () => Promise.resolve(bytes.length),
    readFile: () => {
      host.given += bytes.length;
      return Promise.resolve(bytes);
    },
    ...(withPrefix
      ? {
          readPrefix: (_: string, n: number) => {
            host.given += Math.min(n, bytes.length);
            return Promise.resolve(bytes.subarray(0, n));
          },
        }
      : {}),
  };
  return host;
}

describe('evidenceFileGap: a file of any length', () => {
  const long = BLANK_PROBE_BYTES * 50;
  for (const [name, bytes, blank, readAll] of [
    ['white space longer than the first read', Buffer.from('\n'.repeat(long)), true, true],
    ['UTF-16LE white space longer than the first read', utf16le('\r\n'.repeat(long)), true, true],
    ['white space, then text after the first read', Buffer.from('\n'.repeat(long) + 'ok'), false, true],
    ['text at once, then megabytes', Buffer.from('ok' + ' '.repeat(long)), false, false],
    ['white space within the first read', Buffer.from(' \n'), true, true],
  ] as const)
    for (const withPrefix of [true, false])
      it(`${name}${withPrefix ? '' : ' (a host without prefix reads)'}: ${blank ? 'blank' : 'text'}`, async () => {
        const host = countingHost(bytes, withPrefix);
        assert.equal(await evidenceFileGap(host, 'e.log'), blank ? EMPTY_EVIDENCE : undefined);
        if (withPrefix && !readAll) assert.equal(host.given, BLANK_PROBE_BYTES);
      });

  // Fails closed: a listed file that cannot be read shows no result, so it is no evidence (it once counted as evidence).
  const hosts: [string, Omit<Host, 'listFiles'>, string | undefined][] = [
    ['unreadable (EACCES)', { statSize: () => Promise.resolve(10), readFile: () => Promise.reject(Object.assign(new Error('permission denied'), { code: 'EACCES' })) }, 'could not be read (EACCES)'],
    [
      'unreadable past its first read',
      { statSize: () => Promise.resolve(BLANK_PROBE_BYTES * 4), readPrefix: () => Promise.reject(new Error('I/O error')), readFile: () => Promise.reject(new Error('I/O error')) },
      'could not be read (I/O error)',
    ],
    [
      'gone since the listing (no size)',
      { statSize: () => Promise.resolve(undefined), readFile: () => Promise.reject(new Error('ENOENT')) },
      'could not be read (it is gone, or its size could not be read)',
    ],
    ['a host that cannot size files: not known', { readFile: () => Promise.resolve(new Uint8Array()) }, undefined],
  ];
  for (const [name, host, gap] of hosts)
    it(`${name}: ${gap ?? 'no gap'}`, async () => {
      assert.equal(await evidenceFileGap({ listFiles: () => Promise.resolve([]), ...host }, 'e.log'), gap);
    });
});
