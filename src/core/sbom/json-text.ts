// @spdf implements SPDF-SBOM-READ
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

/** The first object member name written twice in one object of a valid JSON text (names compared after unescaping). */
export function duplicateName(text: string): { name: string; start: number; end: number } | undefined {
  const objects: (Set<string> | undefined)[] = [];
  let expectName = false;
  // Only quotes, brackets and commas matter: the scan jumps from one to the next (white space and literals skipped).
  const structural = /["{}[\],]/g;
  for (let m = structural.exec(text); m; m = structural.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // The closing quote: the next one after an even run of backslashes (the text is valid JSON).
      let j = text.indexOf('"', i + 1);
      for (;;) {
        let k = j - 1;
        while (text.charCodeAt(k) === 0x5c /* \ */) k--;
        if ((j - 1 - k) % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      if (expectName) {
        const raw = text.slice(i, j + 1);
        const name = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const names = objects[objects.length - 1]!;
        if (names.has(name)) return { name: raw, start: i, end: j + 1 };
        names.add(name);
        expectName = false;
      }
      structural.lastIndex = j + 1;
    } else if (c === 0x7b /* { */) {
      objects.push(new Set());
      expectName = true;
    } else if (c === 0x5b /* [ */) objects.push(undefined);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      objects.pop();
      expectName = false;
    } else expectName = objects[objects.length - 1] !== undefined; // a comma
  }
  return undefined;
}
