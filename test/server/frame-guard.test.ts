// @spdf verifies SPDF-FC-FRAME
import assert from 'node:assert/strict';
import { frameGuard, MAX_MESSAGE_BYTES } from '../../src/server/frame-guard';

const frame = (body: string, header = `Content-Length: ${Buffer.byteLength(body)}`) => `${header}\r\n\r\n${body}`;

/** Feeds `input` in chunks of `size` bytes; returns the complaints and the bytes passed on. */
async function feed(input: string, size: number): Promise<{ bad: string[]; out: Buffer }> {
  const bad: string[] = [];
  const guard = frameGuard((why) => bad.push(why));
  const parts: Buffer[] = [];
  guard.on('data', (d: Buffer) => parts.push(d));
  const bytes = Buffer.from(input);
  for (let i = 0; i < bytes.length; i += size) guard.write(bytes.subarray(i, i + size));
  guard.end();
  await new Promise((resolve) => guard.on('end', resolve));
  return { bad, out: Buffer.concat(parts) };
}

describe('LSP frame guard', () => {
  it('passes well-formed frames through unchanged, however they are split', async () => {
    const input = frame('{"jsonrpc":"2.0","id":1,"method":"initialize"}') + frame('', 'Content-Length: 0\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8') + frame('{"x":"é中"}');
    for (const size of [1, 2, 7, 64, 100000]) {
      const r = await feed(input, size);
      assert.deepEqual(r.bad, [], `chunks of ${size}`);
      assert.equal(r.out.toString(), input);
    }
  });

  for (const [what, input] of [
    ['a garbage Content-Length', frame('{}', 'Content-Length: abc')],
    ['a Content-Length with trailing junk', frame('{}', 'Content-Length: 2abc')],
    ['a negative Content-Length', frame('{}', 'Content-Length: -5')],
    ['an absurd Content-Length', frame('{}', `Content-Length: ${MAX_MESSAGE_BYTES + 1}`)],
    ['no Content-Length', frame('{}', 'Content-Type: x')],
    ['two Content-Lengths', frame('{}', 'Content-Length: 2\r\nContent-Length: 2')],
    ['a header that never ends', 'Content-Length: 2' + ' '.repeat(10000)],
    ['garbage after a good frame', frame('{}') + frame('{}', 'Content-Length: x')],
  ])
    it(`reports ${what} once`, async () => {
      const { bad } = await feed(input, 3);
      assert.equal(bad.length, 1, JSON.stringify(bad));
    });
});
