// @spdf implements SPDF-CLI-001
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;
type Config<O extends Options> = { args: string[]; allowPositionals: true; strict: true; options: O & typeof HELP };

/**
 * parseArgs for one command, with `--help`/`-h` on every command and a bound on positionals: an extra path
 * is a usage error, never silently ignored (`spdf check a b` must not pass on `a` alone).
 */
export function parseCommand<const O extends Options>(args: string[], options: O, maxPositionals: number, what = 'path'): ReturnType<typeof parseArgs<Config<O>>> {
  const config: Config<O> = { args, allowPositionals: true, strict: true, options: { ...options, ...HELP } };
  const parsed = parseArgs(config);
  if (!(parsed.values as { help?: boolean }).help && parsed.positionals.length > maxPositionals)
    throw new UsageError(
      maxPositionals === 0 ? `unexpected argument '${parsed.positionals[0]}'` : `takes at most ${maxPositionals} ${what}${maxPositionals === 1 ? '' : 's'}; got ${parsed.positionals.join(' ')}`,
    );
  return parsed;
}

/** The one check of `--format` values: `unknown --format 'x' (a, b, c)`. */
export function checkFormat(format: string | undefined, allowed: readonly string[]): string {
  if (format === undefined || !allowed.includes(format)) throw new UsageError(`unknown --format '${format}' (${allowed.join(', ')})`);
  return format;
}
