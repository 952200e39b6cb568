import { failClosedStreams } from './output-streams';
import { visibleLines } from './visible';

/** Process-facing helpers of the CLI: colour, exit codes, usage errors. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export interface Out {
  out(line: string): void;
  err(line: string): void;
  color: boolean;
}

/** The process's streams; `failed()` tells that a write to one of them failed (the run then ends with exit 2). */
export function processOut(): Out & { failed: () => boolean } {
  const color = !process.env.NO_COLOR && !!process.stdout.isTTY && process.env.TERM !== 'dumb';
  const streams = failClosedStreams(process.stdout, process.stderr, () => (process.exitCode = EXIT_USAGE));
  // stderr only ever carries human text (warnings, notes, errors): nothing in it reaches the terminal raw.
  return { out: streams.out, err: (l) => streams.err(visibleLines(l)), failed: streams.failed, color };
}

const CODES = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4, green: 32 } as const;
export function paint(o: Out, style: keyof typeof CODES, text: string): string {
  return o.color ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text;
}
