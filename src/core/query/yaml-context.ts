/**
 * Where the cursor stands in a YAML model file, computed from indentation alone so that it works on
 * half-typed text that the parser rejects. Steps are mapping keys and `[]` for a block or flow list.
 */
export interface YamlCursor {
  /** Key path of the container (key position) or of the value (value position). */
  path: string[];
  position: 'key' | 'value';
  /** Text typed so far of the word under completion. */
  prefix: string;
  /** Column where that word starts (the replacement range runs from here to the cursor). */
  prefixStart: number;
  /** Keys already present in the mapping the cursor is in (key position only). */
  siblings: string[];
}

interface Frame {
  col: number;
  key?: string;
  seq?: boolean;
  /** Line where the frame opened (to find sibling keys). */
  line: number;
}

const KEY_RE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:'"{}[\],&*!|>%@`][^:#]*?)\s*:(?:\s+|$)/;

function unquote(k: string): string {
  if (k.startsWith('"') || k.startsWith("'")) return k.slice(1, -1);
  return k.trim();
}

/** Applies one line to the frame stack; returns the column where the line's own content (after dashes) starts. */
function applyLine(stack: Frame[], raw: string, lineNo: number, state: { blockCol: number }): { contentCol: number; rest: string; dashes: number } | undefined {
  const indent = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (state.blockCol >= 0) {
    if (trimmed === '' || indent > state.blockCol) return undefined;
    state.blockCol = -1;
  }
  if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...') return undefined;
  let col = indent;
  let rest = raw.slice(indent);
  let dashes = 0;
  for (;;) {
    const m = /^-(\s+|$)/.exec(rest);
    if (!m) break;
    dashes++;
    while (stack.length && (stack[stack.length - 1].col > col || (stack[stack.length - 1].col === col && !stack[stack.length - 1].seq && !isParentKeyOfCompactSeq(stack, col)))) stack.pop();
    const top = stack[stack.length - 1];
    if (!(top && top.seq && top.col === col)) stack.push({ col, seq: true, line: lineNo });
    col += m[0].length;
    rest = rest.slice(m[0].length);
    if (m[1] === '') break;
  }
  const km = KEY_RE.exec(rest);
  if (km) {
    while (stack.length && stack[stack.length - 1].col >= col && !(stack[stack.length - 1].seq && stack[stack.length - 1].col < col)) stack.pop();
    stack.push({ col, key: unquote(km[1]), line: lineNo });
    const value = rest.slice(km[0].length).trim();
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(value)) state.blockCol = col;
  }
  return { contentCol: col, rest, dashes };
}

/** A key at `col` whose value is a compact list (`key:` then `- item` at the same column). */
function isParentKeyOfCompactSeq(stack: Frame[], col: number): boolean {
  const top = stack[stack.length - 1];
  return !!top && top.col === col && !!top.key && !top.seq;
}

function pathOf(stack: Frame[]): string[] {
  return stack.map((f) => (f.seq ? '[]' : f.key!));
}

/** The cursor context at (line, character) of `text`. */
export function yamlCursor(text: string, line: number, character: number): YamlCursor {
  const lines = text.split(/\r?\n/);
  const stack: Frame[] = [];
  const state = { blockCol: -1 };
  for (let i = 0; i < line && i < lines.length; i++) applyLine(stack, lines[i], i, state);
  const full = lines[line] ?? '';
  const before = full.slice(0, character);
  const indent = before.length - before.trimStart().length;
  // Dashes on the current line open list items.
  let col = indent;
  let rest = before.slice(indent);
  let dashes = 0;
  for (;;) {
    const m = /^-\s+/.exec(rest);
    if (!m) break;
    dashes++;
    while (stack.length && (stack[stack.length - 1].col > col || (stack[stack.length - 1].col === col && !stack[stack.length - 1].seq && !isParentKeyOfCompactSeq(stack, col)))) stack.pop();
    const top = stack[stack.length - 1];
    if (!(top && top.seq && top.col === col)) stack.push({ col, seq: true, line });
    col += m[0].length;
    rest = rest.slice(m[0].length);
  }
  const km = KEY_RE.exec(rest);
  if (km) {
    while (stack.length && stack[stack.length - 1].col >= col && !(stack[stack.length - 1].seq && stack[stack.length - 1].col < col)) stack.pop();
    const key = unquote(km[1]);
    const valueText = rest.slice(km[0].length);
    const valueCol = col + km[0].length;
    const path = [...pathOf(stack), key];
    const flow = /^\[([^\]]*)$/.exec(valueText);
    if (flow) {
      const lastSep = Math.max(valueText.lastIndexOf(','), valueText.lastIndexOf('['));
      const word = valueText.slice(lastSep + 1).replace(/^\s+/, '');
      return { path: [...path, '[]'], position: 'value', prefix: word.replace(/^["']/, ''), prefixStart: valueCol + valueText.length - word.length + (/^["']/.test(word) ? 1 : 0), siblings: [] };
    }
    const word = valueText.replace(/^["']/, '');
    return { path, position: 'value', prefix: word, prefixStart: valueCol + (valueText.length - word.length), siblings: [] };
  }
  if (dashes > 0) {
    while (stack.length && stack[stack.length - 1].col > col - 2 && !stack[stack.length - 1].seq) stack.pop();
    const word = rest.replace(/^["']/, '');
    // `- partial`: either a scalar list element, or the first key of a mapping element; the caller decides by the schema.
    return { path: pathOf(stack), position: 'value', prefix: word, prefixStart: col + (rest.length - word.length), siblings: [] };
  }
  // Key position: the container is the frame that holds keys at this column.
  while (stack.length && stack[stack.length - 1].col >= col && !(stack[stack.length - 1].seq && stack[stack.length - 1].col < col)) stack.pop();
  const siblings = siblingKeys(lines, line, col, state.blockCol >= 0);
  return { path: pathOf(stack), position: 'key', prefix: rest, prefixStart: col, siblings };
}

/** Keys at column `col` in the same mapping block as `line` (scanning up and down until the indentation drops). */
function siblingKeys(lines: string[], line: number, col: number, _inBlock: boolean): string[] {
  const out: string[] = [];
  const scan = (from: number, step: number) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const raw = lines[i];
      const t = raw.trim();
      if (t === '' || t.startsWith('#')) continue;
      const indent = raw.length - raw.trimStart().length;
      const dashCol = /^(\s*)-\s+/.exec(raw);
      if (dashCol && dashCol[0].length === col) {
        const km = KEY_RE.exec(raw.slice(col));
        if (km) out.push(unquote(km[1]));
        return; // the item starts here
      }
      if (indent < col) return;
      if (indent === col) {
        const km = KEY_RE.exec(raw.slice(col));
        if (km) out.push(unquote(km[1]));
      }
    }
  };
  scan(line - 1, -1);
  scan(line + 1, 1);
  return out;
}
