// @spdf implements SPDF-ENG-003
import { SourceText } from '../text';
import type { Suppression } from './graph';

const MARKER = /spdf-disable-next-line\b[ \t]*([A-Za-z0-9_, \t-]*?)(?:[ \t]+--[ \t]*(.*?))?[ \t]*(?:\*\/|-->)?[ \t]*$/;

/** Finds `spdf-disable-next-line CODE[, CODE] -- reason` comments in any text file. */
export function scanSuppressions(source: SourceText): Suppression[] {
  const out: Suppression[] = [];
  if (!source.text.includes('spdf-disable-next-line')) return out;
  for (let line = 0; line < source.lineCount; line++) {
    const text = source.lineText(line);
    const at = text.indexOf('spdf-disable-next-line');
    if (at < 0) continue;
    const m = MARKER.exec(text.slice(at));
    if (!m) continue;
    const codes = m[1].split(/[\s,]+/).filter(Boolean);
    let target = line + 1;
    while (target < source.lineCount && isCommentOnly(source.lineText(target))) target++;
    out.push({
      file: source.path,
      line,
      targetLine: target,
      codes,
      justification: (m[2] ?? '').trim(),
      range: { start: { line, character: at }, end: { line, character: text.length } },
    });
  }
  return out;
}

/** `scanSuppressions` of a file's text, its lines indexed only when it holds a suppression (most source files hold none). */
export function suppressionsInText(file: string, text: string): Suppression[] {
  return text.includes('spdf-disable-next-line') ? scanSuppressions(new SourceText(file, text)) : [];
}

/** Another suppression, or a test expectation marker (`# ^^^ CODE`), right below a suppression does not consume it. */
function isCommentOnly(line: string): boolean {
  return /^\s*(#|\/\/)\s*(spdf-disable-next-line\b|<?\^+\s+[A-Z]{2}\d{3}\b)/.test(line);
}
