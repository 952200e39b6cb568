import type { ImportedItem, ImportNote, ParsedDocument, SourcePos } from './types';

interface Token {
  kind: 'id' | 'str' | 'num' | 'punct' | 'bad';
  text: string;
  value: string;
  line: number;
  col: number;
}

function dedent(s: string): string {
  const lines = s.split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0).trimEnd()).join('\n');
}

/** TRLC tokens: identifiers, numbers, "strings", '''strings''' and """strings""", punctuation; comments skipped. */
function tokenize(text: string): { tokens: Token[]; error?: { line: number; col: number; message: string } } {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const advanceLines = (from: number, to: number) => {
    for (let k = from; k < to; k++)
      if (text[k] === '\n') {
        line += 1;
        lineStart = k + 1;
      }
  };
  while (i < text.length) {
    const c = text[i];
    const col = i - lineStart + 1;
    const startLine = line;
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r') {
      advanceLines(i, i + 1);
      i++;
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { tokens, error: { line, col, message: "comment '/*' is never closed" } };
      advanceLines(i, end + 2);
      i = end + 2;
    } else if (text.startsWith("'''", i) || text.startsWith('"""', i)) {
      const quote = text.slice(i, i + 3);
      const end = text.indexOf(quote, i + 3);
      if (end < 0) return { tokens, error: { line, col, message: `string ${quote} is never closed` } };
      tokens.push({ kind: 'str', text: text.slice(i, end + 3), value: dedent(text.slice(i + 3, end)), line: startLine, col });
      advanceLines(i, end + 3);
      i = end + 3;
    } else if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j++];
      }
      if (text[j] !== '"') return { tokens, error: { line, col, message: 'string " is never closed on its line' } };
      tokens.push({ kind: 'str', text: text.slice(i, j + 1), value, line, col });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 256))!;
      tokens.push({ kind: 'id', text: m[0], value: m[0], line, col });
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9][0-9_]*(?:\.[0-9]+)?/.exec(text.slice(i, i + 64))!;
      tokens.push({ kind: 'num', text: m[0], value: m[0], line, col });
      i += m[0].length;
    } else if ('{}[](),.=;-:'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, value: c, line, col });
      i++;
    } else {
      tokens.push({ kind: 'bad', text: c, value: c, line, col });
      i++;
    }
  }
  return { tokens };
}

class SyntaxError_ extends Error {
  constructor(
    readonly token: Token | undefined,
    message: string,
  ) {
    super(message);
  }
}

type Value = { kind: 'str'; value: string } | { kind: 'ref'; value: string; token: Token } | { kind: 'list'; items: Value[] } | { kind: 'other'; text: string };

/**
 * LOBSTER's requirements in TRLC: `package P`, `import Q`, records `Type Name { field = value ... }`, optionally
 * inside `section "..." { }`. Each record becomes requirement `P.Name` with its `description` as text and
 * `derived_from` as relations. A record that cannot be read is reported and skipped; reading goes on after it.
 */
export function parseTrlc(file: string, text: string): ParsedDocument {
  const items: ImportedItem[] = [];
  const notes: ImportNote[] = [];
  const pos = (t: { line: number; col: number } | undefined): SourcePos => (t ? { file, line: t.line, col: t.col } : { file, line: text.split('\n').length, col: 1 });
  const { tokens, error } = tokenize(text.replace(/\r\n?/g, '\n'));
  const eof: Token | undefined = undefined;
  let i = 0;
  const peek = (k = 0): Token | undefined => tokens[i + k];
  const is = (v: string, k = 0) => peek(k)?.kind !== 'str' && peek(k)?.value === v;
  const expect = (v: string): Token => {
    const t = peek();
    if (!t || t.kind === 'str' || t.value !== v) throw new SyntaxError_(t ?? eof, `expected '${v}'${t ? `, found '${t.text}'` : ' before the end of the file'}`);
    i++;
    return t;
  };
  const ident = (): Token => {
    const t = peek();
    if (t?.kind !== 'id') throw new SyntaxError_(t, `expected a name${t ? `, found '${t.text}'` : ' before the end of the file'}`);
    i++;
    return t;
  };
  const qualified = (): { name: string; first: Token } => {
    const first = ident();
    let name = first.value;
    while (is('.') && peek(1)?.kind === 'id') {
      i++;
      name += '.' + ident().value;
    }
    return { name, first };
  };
  const value = (): Value => {
    const t = peek();
    if (!t) throw new SyntaxError_(t, 'expected a value before the end of the file');
    if (t.kind === 'str') return (i++, { kind: 'str', value: t.value });
    if (t.kind === 'num' || is('-')) {
      if (is('-')) i++;
      const n = peek();
      if (n?.kind !== 'num') throw new SyntaxError_(n, 'expected a number');
      i++;
      return { kind: 'other', text: `${t.kind === 'num' ? '' : '-'}${n.text}` };
    }
    if (t.kind === 'id') {
      const q = qualified();
      return { kind: 'ref', value: q.name, token: q.first };
    }
    for (const [open, close] of [
      ['[', ']'],
      ['(', ')'],
    ] as const)
      if (is(open)) {
        i++;
        const list: Value[] = [];
        while (!is(close)) {
          list.push(value());
          if (!is(close)) expect(',');
        }
        i++;
        return open === '[' ? { kind: 'list', items: list } : { kind: 'other', text: '(tuple)' };
      }
    throw new SyntaxError_(t, `expected a value, found '${t.text}'`);
  };
  const render = (v: Value): string =>
    v.kind === 'list' ? `[${v.items.map(render).join(', ')}]` : v.kind === 'str' ? JSON.stringify(v.value.length > 40 ? v.value.slice(0, 40) + '...' : v.value) : v.kind === 'ref' ? v.value : v.text;
  /** After an error inside a record: skip to the `}` that closes it. */
  const recover = (depthAtStart: number) => {
    let depth = depthAtStart;
    while (i < tokens.length) {
      const t = tokens[i++];
      if (t.kind !== 'punct') continue;
      if (t.value === '{') depth++;
      if (t.value === '}' && --depth <= 0) return;
    }
  };
  /** After an error before a record's `{`: go on at the first token of a later line. */
  const skipLine = (start: Token) => {
    const errorLine = Math.max(start.line, peek()?.line ?? start.line);
    while (i < tokens.length && (tokens[i].line <= errorLine || tokens[i - 1]?.line === tokens[i].line)) i++;
  };
  let pkg = '';
  try {
    expect('package');
    pkg = ident().value;
    while (is('import')) {
      i++;
      ident();
    }
  } catch (e) {
    if (!(e instanceof SyntaxError_)) throw e;
    notes.push({ pos: pos(e.token), kind: 'error', message: `${e.message} (a .trlc file starts with 'package NAME'); nothing in this file imported` });
    return { items, notes };
  }
  let sectionDepth = 0;
  while (i < tokens.length) {
    if (is('section') && peek(1)?.kind === 'str' && is('{', 2)) {
      i += 3;
      sectionDepth++;
      continue;
    }
    if (is('}') && sectionDepth > 0) {
      i++;
      sectionDepth--;
      continue;
    }
    const start = peek()!;
    let opened = false;
    try {
      const type = qualified().name;
      const name = ident();
      expect('{');
      opened = true;
      const fields = new Map<string, { v: Value; t: Token }>();
      while (!is('}')) {
        const f = ident();
        expect('=');
        fields.set(f.value, { v: value(), t: f });
        if (is(';')) i++;
      }
      i++;
      const id = `${pkg}.${name.value}`;
      const item: ImportedItem = { id, element: type, title: name.value, derivedFrom: [], children: [], lost: [], pos: pos(name) };
      const desc = fields.get('description')?.v;
      if (desc?.kind === 'str') item.text = desc.value;
      else item.lost.push(desc ? `description is not a string (${render(desc)}); not kept` : 'no description in the source');
      const title = fields.get('title')?.v;
      if (title?.kind === 'str' && title.value.trim()) item.title = title.value.trim();
      const derived = fields.get('derived_from');
      if (derived) {
        const refs = derived.v.kind === 'list' ? derived.v.items : [derived.v];
        for (const r of refs)
          if (r.kind === 'ref') item.derivedFrom.push({ id: r.value.includes('.') ? r.value : `${pkg}.${r.value}`, pos: pos(r.token), via: 'derived_from' });
          else notes.push({ pos: pos(derived.t), kind: 'lost', subject: 'relation', message: `${id}: derived_from entry ${render(r)} is not a record reference; not kept` });
      }
      for (const [k, { v }] of fields) if (!['description', 'derived_from', 'title'].includes(k)) item.lost.push(`field ${k} = ${render(v)} not kept`);
      items.push(item);
    } catch (e) {
      if (!(e instanceof SyntaxError_)) throw e;
      notes.push({ pos: pos(e.token), kind: 'error', message: `${e.message}; the record starting at ${start.line}:${start.col} is not imported` });
      if (opened) recover(1);
      else skipLine(start);
    }
  }
  if (sectionDepth > 0) notes.push({ pos: pos(undefined), kind: 'error', message: `${sectionDepth} section(s) never closed with '}'` });
  if (error) notes.push({ pos: { file, line: error.line, col: error.col }, kind: 'error', message: `${error.message}; the rest of the file is not imported` });
  return { items, notes };
}
