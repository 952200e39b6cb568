// @spdf implements SPDF-CLI-001
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearest } from '../core/suggest';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;
type Config<O extends Options> = { args: string[]; allowPositionals: true; strict: true; tokens: true; options: O & typeof HELP };

/**
 * parseArgs for one command, with `--help`/`-h` on every command and a bound on positionals: an extra path
 * is a usage error, never silently ignored (`spdf check a b` must not pass on `a` alone).
 */
export function parseCommand<const O extends Options>(args: string[], options: O, maxPositionals: number, what = 'path'): ReturnType<typeof parseArgs<Config<O>>> {
  const config: Config<O> = { args, allowPositionals: true, strict: true, tokens: true, options: { ...options, ...HELP } };
  const parsed = parseKnown(config);
  refuseRepeated(parsed.tokens, config.options);
  if (!(parsed.values as { help?: boolean }).help && parsed.positionals.length > maxPositionals)
    throw new UsageError(
      maxPositionals === 0 ? `unexpected argument '${parsed.positionals[0]}'` : `takes at most ${maxPositionals} ${what}${maxPositionals === 1 ? '' : 's'}; got ${parsed.positionals.join(' ')}`,
    );
  return parsed;
}

/**
 * A flag that takes one value, given twice, is a usage error: parseArgs keeps the last one, so
 * `--fail-on-status PARTIAL --fail-on-status SUSPECT` dropped PARTIAL and a PARTIAL item passed the gate.
 */
function refuseRepeated(tokens: ReturnType<typeof parseArgs<Config<Options>>>['tokens'], options: Options): void {
  const seen = new Map<string, string | undefined>();
  for (const t of tokens) {
    if (t.kind !== 'option' || options[t.name]?.type !== 'string' || options[t.name]?.multiple) continue;
    if (seen.has(t.name)) throw new UsageError(`--${t.name} is given twice ('${seen.get(t.name)}', '${t.value}'); give it once${t.name === 'fail-on-status' ? ' with a list (S1,S2)' : ''}`);
    seen.set(t.name, t.value);
  }
}

/** An unknown option is a usage error naming it, with the nearest option of the command. */
function parseKnown<O extends Options>(config: Config<O>): ReturnType<typeof parseArgs<Config<O>>> {
  try {
    return parseArgs(config);
  } catch (e) {
    const option = (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^']+)'/.exec((e as Error).message)?.[1] : undefined;
    if (!option) throw e;
    const names = Object.entries(config.options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
    throw unknownValue('option', option, names, false);
  }
}

/** A value outside its list, the same way for every flag: `unknown --format 'jsno' (did you mean 'json'?) (human, json)`. */
export function unknownValue(what: string, value: string, allowed: readonly string[], listAllowed = true): UsageError {
  const hint = nearest(value, allowed);
  return new UsageError(`unknown ${what} '${value}'${hint ? ` (did you mean '${hint}'?)` : ''}${listAllowed ? ` (${allowed.join(', ')})` : ''}`);
}

/** The one check of `--format` values. */
export function checkFormat(format: string | undefined, allowed: readonly string[]): string {
  if (format === undefined || !allowed.includes(format)) throw unknownValue('--format', String(format), allowed);
  return format;
}
