// @spdf verifies SPDF-FC-EMPTY-EVIDENCE
/**
 * Which evidence bytes hold no text. Windows PowerShell 5 writes UTF-16 with a byte-order mark for `Out-File` and `>`,
 * so a step that printed nothing leaves FF FE 0D 00 0A 00: no evidence, as an empty UTF-8 file is.
 */
import assert from 'node:assert/strict';
import { isBlankText } from '../../src/core/model/evidence-files';

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
