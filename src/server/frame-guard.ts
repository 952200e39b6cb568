// @spdf implements SPDF-FC-FRAME
import { Transform } from 'node:stream';

/** Largest message body accepted; a longer Content-Length is garbage (a JS string cannot even hold 512 MiB). */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
const MAX_HEADER_BYTES = 8192;
const END_OF_HEADER = Buffer.from('\r\n\r\n');

/**
 * A pass-through for the client's byte stream that checks the LSP framing (`Content-Length: N\r\n\r\n` + N bytes)
 * and calls `onBad` once on a frame the reader could never get past: a Content-Length that is not a whole number
 * of at most MAX_MESSAGE_BYTES, a missing one, or a header that never ends. Bytes pass on unchanged.
 */
export function frameGuard(onBad: (why: string) => void): Transform {
  let header: Buffer = Buffer.alloc(0);
  let bodyLeft = 0;
  let bad = false;
  const fail = (why: string) => {
    if (!bad) onBad(why);
    bad = true;
  };
  const scan = (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length && !bad) {
      if (bodyLeft > 0) {
        const n = Math.min(bodyLeft, chunk.length - at);
        bodyLeft -= n;
        at += n;
        continue;
      }
      const buf = header.length ? Buffer.concat([header, chunk.subarray(at)]) : chunk.subarray(at);
      const end = buf.indexOf(END_OF_HEADER);
      if (end === -1) {
        header = buf;
        if (header.length > MAX_HEADER_BYTES) fail(`a message header longer than ${MAX_HEADER_BYTES} bytes`);
        return;
      }
      const lines = buf.subarray(0, end).toString('ascii').split('\r\n');
      const rest = buf.subarray(end + END_OF_HEADER.length);
      header = Buffer.alloc(0);
      const lengths = lines.filter((l) => /^content-length\s*:/i.test(l)).map((l) => l.slice(l.indexOf(':') + 1).trim());
      if (lengths.length !== 1) return fail(lengths.length ? 'several Content-Length headers' : 'a message without a Content-Length header');
      if (!/^\d+$/.test(lengths[0]) || Number(lengths[0]) > MAX_MESSAGE_BYTES) return fail(`Content-Length '${lengths[0]}' is not a whole number of at most ${MAX_MESSAGE_BYTES} bytes`);
      bodyLeft = Number(lengths[0]);
      chunk = rest;
      at = 0;
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!bad) scan(chunk);
      done(null, chunk);
    },
  });
}
