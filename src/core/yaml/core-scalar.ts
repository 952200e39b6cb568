// @spdf implements SPDF-FC-LOAD
import { isScalar, Schema, type ScalarTag } from 'yaml';
import type { YScalarValue } from './ynode';

/** The `yaml` package's own core-schema tags that resolve plain scalars, in the order its composer tries them. */
const CORE_PLAIN_TAGS = new Schema({ schema: 'core' }).tags.filter((tag): tag is ScalarTag & { test: RegExp } => tag.default === true && 'test' in tag && tag.test instanceof RegExp);
const IGNORE_ERROR = () => undefined;

/**
 * The value of an untagged plain scalar under the YAML 1.2 core schema, resolved by the same tags the reference
 * parser uses, so that the fast path and the reference parser agree on every plain scalar.
 */
export function corePlainValue(text: string): YScalarValue {
  const c = text.charCodeAt(0);
  // Only these first characters can start a non-string: digits + - . ~ n N t T f F (and the empty scalar).
  if (text.length > 0 && !(c >= 48 && c <= 57) && c !== 43 && c !== 45 && c !== 46 && c !== 126 && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return text;
  // A letter or `~` starts only null and the booleans (`false` is the longest): `The pump ...` is a string.
  if (text.length > 5 && c >= 65) return text;
  if (text.length > SHORT) return resolvePlain(text);
  // Short scalars repeat (keys such as `title`, small numbers): each is resolved once.
  let value = SHORT_VALUES.get(text);
  if (value === undefined) {
    value = resolvePlain(text);
    if (SHORT_VALUES.size < MAX_SHORT_VALUES) SHORT_VALUES.set(text, value);
  }
  return value;
}

const SHORT = 8;
const MAX_SHORT_VALUES = 4096;
const SHORT_VALUES = new Map<string, YScalarValue>();

function resolvePlain(text: string): YScalarValue {
  const tag = CORE_PLAIN_TAGS.find((t) => t.test.test(text));
  if (!tag) return text;
  const value: unknown = tag.resolve(text, IGNORE_ERROR, {});
  const plain = isScalar(value) ? value.value : value;
  return plain === null || typeof plain === 'number' || typeof plain === 'boolean' || typeof plain === 'string' ? plain : text;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
const HEX = /^[0-9a-fA-F]+$/;

/** The value of a one-line double-quoted scalar's text between the quotes, or undefined for an escape `yaml` rejects. */
export function doubleQuotedValue(raw: string): string | undefined {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = raw[++i];
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const length = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const hex = raw.substr(i + 1, length);
    if (length === 0 || hex.length !== length || !HEX.test(hex)) return undefined;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) return undefined;
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}
