import { EXIT_USAGE, UsageError, type Out } from './io';
import { USAGE } from './usage';

/**
 * Runs one command and turns what it throws into the CLI's answer: a usage error (exit 2, with the usage), a file the
 * user named that cannot be read or written (exit 2), else an internal error with its stack (exit 2).
 */
export async function guarded(o: Out, run: () => Promise<number> | number): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      o.err(`spdf: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    // A file the user named that cannot be written or read (a folder, a path through a file, no space) is no bug of ours.
    if (typeof (e as NodeJS.ErrnoException).syscall === 'string' && /^E[A-Z]+$/.test(String((e as NodeJS.ErrnoException).code))) {
      o.err(`spdf: cannot ${(e as NodeJS.ErrnoException).syscall}: ${(e as Error).message}`);
      return EXIT_USAGE;
    }
    o.err(`spdf: internal error: ${(e as Error)?.stack ?? String(e)}`);
    return EXIT_USAGE;
  }
}
