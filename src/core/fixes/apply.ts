import { SourceText } from '../text';
import type { TextEdit } from '../types';

/**
 * Applies edits to one text. Identical edits are applied once; an edit overlapping an earlier one
 * is skipped and returned, so a later pass (after re-linting) can retry it.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const src = new SourceText('', text);
  const withOffsets = edits.map((e) => ({ e, start: src.offsetAt(e.range.start), end: src.offsetAt(e.range.end) }));
  withOffsets.sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: typeof withOffsets = [];
  const skipped: TextEdit[] = [];
  for (const x of withOffsets) {
    const prev = applied[applied.length - 1];
    if (prev && prev.start === x.start && prev.end === x.end && prev.e.newText === x.e.newText) continue;
    if (prev && x.start < prev.end) skipped.push(x.e);
    else if (prev && x.start === prev.start && x.start === x.end && prev.start === prev.end) skipped.push(x.e);
    else applied.push(x);
  }
  let out = '';
  let at = 0;
  for (const x of applied) {
    out += text.slice(at, x.start) + x.e.newText;
    at = x.end;
  }
  out += text.slice(at);
  return { text: out, applied: applied.map((x) => x.e), skipped };
}
