// @spdf implements SPDF-SBOM-READ
import { duplicateName } from '../json-duplicate-name';
import type { SbomProblem } from './types';

/**
 * JSON.parse with the failure turned into a positioned problem (V8 names the offset; a truncated text ends at its end).
 * A name written twice in one object is a problem too: JSON.parse keeps the last value, other readers the first or
 * either, so a second `"components"` or `"state"` would silently decide what the document says.
 */
export function parseJsonText(text: string): { value: unknown } | { problem: SbomProblem } {
  try {
    const value = JSON.parse(text) as unknown;
    const dup = duplicateName(text);
    if (dup)
      return {
        problem: {
          message: `not valid JSON for an SBOM or VEX: the name ${dup.name} is written twice in one object (JSON readers disagree on which value counts); the file was not read`,
          start: dup.start,
          end: dup.end,
        },
      };
    return { value };
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    const m = /position (\d+)/.exec(message);
    const at = m ? Math.min(Number(m[1]), text.length) : text.length;
    return { problem: { message: `not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`, start: at, end: Math.min(at + 1, text.length) } };
  }
}

/**
 * Finds where values sit in the text without a second parser: documents list their elements in order, so a
 * forward search for the JSON (or XML) spelling of a key value from the previous hit finds each one.
 */
export class TextLocator {
  private cursor = 0;
  constructor(
    readonly text: string,
    private readonly quote: (s: string) => string[] = (s) => [JSON.stringify(s)],
  ) {}

  /** The span of the first spelling of `value` at or after the cursor (then anywhere), advancing the cursor. */
  next(value: string | undefined): { start: number; end: number } | undefined {
    if (!value) return undefined;
    for (const q of this.quote(value)) {
      let at = this.text.indexOf(q, this.cursor);
      if (at < 0) at = this.text.indexOf(q);
      if (at >= 0) {
        this.cursor = at + q.length;
        return { start: at, end: at + q.length };
      }
    }
    return undefined;
  }

  /** The span of a key (`"key"`) at or after `from`, for document-level positions. */
  key(key: string, from = 0): { start: number; end: number } | undefined {
    const q = JSON.stringify(key);
    const at = this.text.indexOf(q, from);
    return at < 0 ? undefined : { start: at, end: at + q.length };
  }
}

/** Best-effort offset of a JSON pointer: each property name searched forward from the previous one. */
export function pointerOffset(text: string, pointer: string, from = 0): { start: number; end: number } {
  let at = from;
  let span = { start: from, end: from };
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(key)) continue;
    const q = JSON.stringify(key);
    const hit = text.indexOf(q, at);
    if (hit < 0) break;
    span = { start: hit, end: hit + q.length };
    at = hit + q.length;
  }
  return span;
}

export const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);
