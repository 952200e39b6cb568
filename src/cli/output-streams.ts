// @spdf implements SPDF-CLI-003
import type { Writable } from 'node:stream';

/** The CLI's two output streams, and whether a write to either failed. */
export interface OutputStreams {
  out: (line: string) => void;
  err: (line: string) => void;
  failed: () => boolean;
}

/**
 * Writes lines to stdout and stderr, failing closed: a write that fails (a full disk; a reader that closed the pipe,
 * EPIPE) means the answer did not reach its reader, so `onFail` ends the run with exit 2 and stderr gets one line,
 * whatever the command decided (a PASS nobody received is no PASS). Writes after a failure are dropped.
 */
export function failClosedStreams(stdout: Writable, stderr: Writable, onFail: () => void): OutputStreams {
  let failed = false;
  const fail = (stream: 'stdout' | 'stderr', e: NodeJS.ErrnoException): void => {
    if (failed) return;
    failed = true;
    onFail();
    if (stream === 'stdout') stderr.write(`spdf: cannot write the output (${e.code ?? e.message}): the answer is incomplete, so the run fails (exit 2)\n`);
  };
  stdout.on('error', (e: NodeJS.ErrnoException) => fail('stdout', e));
  stderr.on('error', (e: NodeJS.ErrnoException) => fail('stderr', e));
  return {
    out: (line) => void (failed || stdout.write(line + '\n')),
    err: (line) => void (failed || stderr.write(line + '\n')),
    failed: () => failed,
  };
}
