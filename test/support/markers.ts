/**
 * Expectation markers inside fixtures, rust-analyzer style: a comment line (`#` or `//`) holding
 * carets and a rule code marks the span of the nearest preceding non-marker line:
 *
 *     controls: [CTRL-404]
 *   #             ^^^^^^^^ TM002
 *
 * A `<` before the carets pins the span to column 0 (`# <^ TM009`), which a comment cannot reach.
 */
export interface Expectation {
  file: string;
  line: number;
  start: number;
  length: number;
  code: string;
}

const MARKER = /^(\s*(?:#|\/\/|--|;)\s*)(<?)(\^+)\s+([A-Z]{2}\d{3})\s*$/;

export function isMarkerLine(line: string): boolean {
  return MARKER.test(line);
}

export function parseMarkers(file: string, text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const out: Expectation[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (!m) {
      target = i;
      return;
    }
    const start = m[2] ? 0 : m[1].length;
    out.push({ file, line: target, start, length: m[3].length, code: m[4] });
  });
  return out;
}

export interface FoundSpan {
  file: string;
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Compares findings with markers; returns human-readable mismatches (empty when they agree). */
export function diffExpectations(expected: Expectation[], found: FoundSpan[]): string[] {
  const key = (e: Expectation) => `${e.file}:${e.line + 1}:${e.start + 1} ${e.code} (${e.length})`;
  const remaining = [...expected];
  const problems: string[] = [];
  for (const f of found) {
    const width = f.range.start.line === f.range.end.line ? f.range.end.character - f.range.start.character : -1;
    const i = remaining.findIndex(
      (e) => e.file === f.file && e.code === f.code && e.line === f.range.start.line && e.start === f.range.start.character && (width === -1 || e.length === width || (width === 0 && e.length === 1)),
    );
    if (i >= 0) remaining.splice(i, 1);
    else problems.push(`unexpected ${f.code} at ${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} (width ${width})`);
  }
  for (const e of remaining) problems.push(`missing ${key(e)}`);
  return problems;
}
