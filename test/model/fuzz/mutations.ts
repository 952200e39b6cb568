import fc from 'fast-check';

/** A change to a model file's text; `touched` is the start of the first line it may have changed. */
export interface Mutated {
  text: string;
  touched: number;
}

export interface Mutation {
  name: string;
  apply(text: string): Mutated;
}

/** Counterexamples print as their names, not as function source. */
export function named<T extends { name: string }>(m: T): T {
  return Object.assign(m, { [fc.toStringMethod]: () => m.name });
}

const lineStart = (text: string, i: number) => text.lastIndexOf('\n', i - 1) + 1;

function lineBounds(text: string, k: number): { start: number; end: number; line: string } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const start = starts[k % starts.length];
  const nl = text.indexOf('\n', start);
  const end = nl === -1 ? text.length : nl + 1;
  return { start, end, line: text.slice(start, nl === -1 ? text.length : nl) };
}

/** Characters that change YAML structure, plus a few ordinary ones. */
const YAML_CHARS = [...':-[]{}"\'&*!|>#%@`,?\t\n\r \\', 'a', '0', '\u00e9', '\u{1F600}'];

const flipChar = fc.record({ pos: fc.nat(), ch: fc.constantFrom(...YAML_CHARS) }).map(({ pos, ch }): Mutation =>
  named({
    name: `flip char ${pos} to ${JSON.stringify(ch)}`,
    apply: (t) => {
      const i = pos % (t.length + 1);
      return { text: t.slice(0, i) + ch + t.slice(i + 1), touched: lineStart(t, i) };
    },
  }),
);

const insertText = fc.record({ pos: fc.nat(), s: fc.string({ unit: fc.constantFrom(...YAML_CHARS), maxLength: 6 }) }).map(({ pos, s }): Mutation =>
  named({
    name: `insert ${JSON.stringify(s)} at ${pos}`,
    apply: (t) => {
      const i = pos % (t.length + 1);
      return { text: t.slice(0, i) + s + t.slice(i), touched: lineStart(t, i) };
    },
  }),
);

const deleteLine = fc.nat().map((k): Mutation =>
  named({
    name: `delete line ${k}`,
    apply: (t) => {
      const b = lineBounds(t, k);
      return { text: t.slice(0, b.start) + t.slice(b.end), touched: b.start };
    },
  }),
);

const INDENTS = ['\t', '\t  ', ' ', '   ', '', '    '];
const reindent = fc.record({ k: fc.nat(), how: fc.constantFrom(...INDENTS, 'drop-one', 'add-one') }).map(({ k, how }): Mutation =>
  named({
    name: `reindent line ${k} with ${JSON.stringify(how)}`,
    apply: (t) => {
      const b = lineBounds(t, k);
      const lead = /^[ \t]*/.exec(b.line)![0];
      const next = how === 'drop-one' ? lead.slice(1) : how === 'add-one' ? `${lead} ` : how + lead.replace(/^ {1,2}/, '');
      return { text: t.slice(0, b.start) + next + t.slice(b.start + lead.length), touched: b.start };
    },
  }),
);

/** Lines with anchors, aliases and merge keys, including cycles and aliases without anchors. */
const ALIAS_LINES = [
  (n: number) => `x${n}: &a${n} { b: *a${n} }`,
  (n: number) => `<<: *a${n}`,
  (n: number) => `- *a${n}`,
  (n: number) => `k${n}: *nosuch${n}`,
  (n: number) => `k${n}: &a${n}\n  <<: *a${n}`,
  (n: number) => `k${n}: &a${n} [x, *a${n}]`,
  (n: number) => `k${n}: &a${n} value`,
  (n: number) => `m${n}: *a${n}`,
  (n: number) => `- &a${n}\n  id: SEC-REQ-9${n}\n  title: *a${n}`,
];

const insertAliasLine = fc.record({ k: fc.nat(), n: fc.integer({ min: 0, max: 2 }), which: fc.nat(ALIAS_LINES.length - 1) }).map(({ k, n, which }): Mutation =>
  named({
    name: `insert alias line ${which} (a${n}) before line ${k}`,
    apply: (t) => {
      const b = lineBounds(t, k);
      const indent = /^[ \t]*(- )?/.exec(b.line)![0].replace('- ', '  ');
      const text = ALIAS_LINES[which](n)
        .split('\n')
        .map((l) => indent + l)
        .join('\n');
      return { text: `${t.slice(0, b.start)}${text}\n${t.slice(b.start)}`, touched: b.start };
    },
  }),
);

const addAnchor = fc.record({ k: fc.nat(), n: fc.integer({ min: 0, max: 2 }) }).map(({ k, n }): Mutation =>
  named({
    name: `anchor &a${n} on line ${k}`,
    apply: (t) => {
      const b = lineBounds(t, k);
      const m = /^([ \t]*(?:- )?[\w-]+:)/.exec(b.line);
      if (!m) return { text: t, touched: t.length };
      const at = b.start + m[1].length;
      return { text: `${t.slice(0, at)} &a${n}${t.slice(at)}`, touched: b.start };
    },
  }),
);

const truncate = fc.nat().map((pos): Mutation =>
  named({
    name: `truncate at ${pos}`,
    apply: (t) => {
      const i = pos % (t.length + 1);
      return { text: t.slice(0, i), touched: lineStart(t, i) };
    },
  }),
);

export const textMutation: fc.Arbitrary<Mutation> = fc.oneof(flipChar, insertText, deleteLine, reindent, insertAliasLine, addAnchor, truncate);

/** Applies mutations in turn; the touched offsets compose because the text before the earliest is unchanged. */
export function applyAll(text: string, mutations: readonly Mutation[]): Mutated {
  let out: Mutated = { text, touched: text.length };
  for (const m of mutations) {
    const next = m.apply(out.text);
    out = { text: next.text, touched: Math.min(out.touched, next.touched) };
  }
  return out;
}
