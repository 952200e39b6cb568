import fc from 'fast-check';

/**
 * fast-check arbitraries for YAML documents inside the fast path's subset (block maps and sequences, one-line
 * plain/quoted scalars and flow collections, comments, blank lines, CRLF and lone CR) and mutations that move
 * them just outside it.
 */

/** Plain scalars valid in block context, many of them looking like numbers, booleans, nulls or dates. */
const PLAIN = [
  'a',
  'id',
  'SEC-REQ-001',
  'The pump shall stop',
  'x:y',
  'a#b',
  'http://host/p?q=1',
  'é',
  '😀 astral 𝄞',
  'Ω-7',
  'a [b] {c}',
  'a, b',
  '-x',
  '?x',
  ':x',
  "it's",
  'say "hi"',
  'v1.2',
  '0.1.2',
  '1',
  '-0',
  '+12',
  '007',
  '0o17',
  '0o8',
  '0x1F',
  '0xg',
  '1e3',
  '1.5e-3',
  '-1E+2',
  '.5',
  '5.',
  '1.0',
  '.inf',
  '-.Inf',
  '+.INF',
  '.NaN',
  '.nan',
  '.NAN',
  '~',
  'null',
  'Null',
  'NULL',
  'nul',
  'true',
  'True',
  'TRUE',
  'tRue',
  'false',
  'FALSE',
  'yes',
  'No',
  'on',
  '2024-01-01',
  '2034-12',
  '2024-01-01T10:00:00Z',
  '1_000',
  '12345678901234567890',
  '0b101',
  '=',
  '<<x',
  'a\\b',
  'tab\\t',
];
/** Plain scalars valid inside flow collections too. */
const FLOW_PLAIN = PLAIN.filter((p) => !/[,[\]{}:#]/.test(p) && !/^[?:]/.test(p));

const word = fc.constantFrom(...PLAIN);
const flowWord = fc.constantFrom(...FLOW_PLAIN);
const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', "'", '\\', '#', ':', '-', 'é', '😀', '0', '.'), maxLength: 12 });
const doubleQuoted = fc.oneof(
  text.map((t) => JSON.stringify(t)),
  fc.constantFrom('"\\x41\\u263a\\U0001F600"', '"\\e\\N\\_\\0\\a\\/ \\ "', '"a\\tb\\u2028\\x07"', '""', '"1"', '"true"', '"null"'),
);
const singleQuoted = text.filter((t) => !t.includes('\n')).map((t) => `'${t.replace(/'/g, "''")}'`);
const blockScalar = fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: doubleQuoted }, { weight: 1, arbitrary: singleQuoted });
const flowScalar = fc.oneof({ weight: 4, arbitrary: flowWord }, { weight: 1, arbitrary: doubleQuoted }, { weight: 1, arbitrary: singleQuoted });

/** Keys with what they resolve to, so that a mapping never repeats one. */
const KEYS: [string, string][] = [
  ...['id', 'title', 'text', 'a', 'b', 'key with space', 'k-1', 'x.y', 'x:y', 'é', '😀'].map((k): [string, string] => [k, `s:${k}`]),
  ['"id"', 's:id'],
  ["'a'", 's:a'],
  ['"q\\"x"', 's:q"x'],
  ['1', 'n:1'],
  ['"1"', 's:1'],
  ['true', 'b:true'],
  ['null', 'null'],
  ['~', 'null'],
  ['a  ', 's:a'],
];
const keys = (max: number, pool = KEYS) => fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: max, selector: ([, v]) => v }).map((ks) => ks.map(([k]) => k));

const flowSeq: fc.Arbitrary<string> = fc.letrec<{ seq: string; item: string }>((tie) => ({
  seq: fc
    .array(tie('item'), { maxLength: 3 })
    .chain((items) => fc.tuple(fc.constantFrom('', ' ', '  '), fc.boolean()).map(([sp, comma]) => `[${sp}${items.join(`${sp},${sp} `)}${comma && items.length ? ',' : ''}${sp}]`)),
  item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, flowScalar, flowScalar, tie('seq')),
})).seq;
const FLOW_KEYS = KEYS.filter(([k]) => !/[,[\]{}:#]/.test(k));
const flowMap = keys(3, FLOW_KEYS).chain((ks) => fc.tuple(...ks.map(() => fc.oneof(flowScalar, flowSeq))).map((vs) => `{${ks.map((k, i) => `${k.trimEnd()}: ${vs[i]}`).join(', ')}}`));

type Node = { t: 'inline'; text: string } | { t: 'empty' } | { t: 'block'; header: string; lines: string[] } | { t: 'map'; pairs: [string, Node][] } | { t: 'seq'; items: Node[] };

/** Block scalars: content lines that look like comments, keys and items, blank lines inside and after. */
const BLOCK_LINES = ['The pump shall stop', '# not a comment', 'key: value', '- item', 'x  ', '"q"', '😀 é', '[a, b]'];
const block = fc
  .tuple(
    fc.constantFrom('>', '|', '>-', '|-', '> # folded', '|-  # kept'),
    fc.constantFrom(...BLOCK_LINES),
    fc.array(fc.constantFrom(...BLOCK_LINES, '', '', '  more indented'), { maxLength: 5 }),
    fc.array(fc.constant(''), { maxLength: 2 }),
  )
  .map(([header, first, rest, trailing]): Node => ({ t: 'block', header, lines: [first, ...rest.filter((l) => header[0] === '|' || !l.startsWith(' ')), ...trailing] }));

const inline = fc.oneof({ weight: 6, arbitrary: blockScalar }, { weight: 1, arbitrary: flowSeq }, { weight: 1, arbitrary: flowMap }).map((text): Node => ({ t: 'inline', text }));
const nodes = fc.letrec<{ node: Node; map: Node; seq: Node }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, inline, inline, block, fc.constant<Node>({ t: 'empty' }), tie('map'), tie('seq')),
  map: keys(4).chain((ks) => fc.tuple(...ks.map(() => tie('node'))).map((vs): Node => ({ t: 'map', pairs: ks.map((k, i) => [k, vs[i]]) }))),
  seq: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items): Node => ({ t: 'seq', items })),
}));

interface Style {
  unit: number;
  dashSpaces: number;
  comment: () => string;
}

/** Marks the lines of a block scalar: no comment or blank line may be inserted among or right after them. */
const IN_BLOCK = '\u0001';

function blockLines(node: Node & { t: 'block' }, indent: number, unit: number): string[] {
  return node.lines.map((l) => IN_BLOCK + (l ? ' '.repeat(indent + unit) + l : ''));
}

function render(node: Node, indent: number, style: Style, out: string[], lead: string): void {
  const pad = ' '.repeat(indent);
  if (node.t === 'map')
    node.pairs.forEach(([k, v], i) => {
      const head = (i === 0 ? lead : pad) + k + ':';
      if (v.t === 'inline') out.push(`${head} ${v.text}${style.comment()}`);
      else if (v.t === 'block') out.push(`${head} ${v.header}`, ...blockLines(v, indent, style.unit));
      else if (v.t === 'empty') out.push(head + style.comment());
      else {
        out.push(head + style.comment());
        render(v, indent + style.unit, style, out, ' '.repeat(indent + style.unit));
      }
    });
  else if (node.t === 'seq')
    node.items.forEach((v, i) => {
      const dash = `${i === 0 ? lead : pad}-`;
      const inner = indent + 1 + style.dashSpaces;
      if (v.t === 'inline') out.push(`${dash}${' '.repeat(style.dashSpaces)}${v.text}${style.comment()}`);
      else if (v.t === 'block') out.push(`${dash}${' '.repeat(style.dashSpaces)}${v.header}`, ...blockLines(v, indent, style.unit));
      else if (v.t === 'empty') out.push(dash + style.comment());
      else if (v.t === 'map') render(v, inner, style, out, dash + ' '.repeat(style.dashSpaces));
      else {
        out.push(dash + style.comment());
        render(v, indent + style.unit, style, out, ' '.repeat(indent + style.unit));
      }
    });
}

const comment = fc.oneof(fc.constant(''), fc.constant(''), fc.constantFrom(' # c', '   #', ' #: x # y', '  ', ' '));

/** A document of the subset: a block map or sequence at the root, comments, blank lines and line ends mixed in. */
export const subsetDocument: fc.Arbitrary<string> = fc
  .record({
    root: fc.oneof(nodes.map, nodes.seq),
    unit: fc.integer({ min: 1, max: 4 }),
    dashSpaces: fc.integer({ min: 1, max: 3 }),
    comments: fc.array(comment, { minLength: 1, maxLength: 8 }),
    trivia: fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '   ', '#', '# note', ' # x: y', '      # deep', '  #', '\u00a0# nbsp is content')), { maxLength: 4 }),
    eol: fc.constantFrom('\n', '\n', '\r\n', '\r', 'mixed'),
    finalEol: fc.boolean(),
  })
  .map(({ root, unit, dashSpaces, comments, trivia, eol, finalEol }) => {
    let c = 0;
    const lines: string[] = [];
    render(root, 0, { unit, dashSpaces, comment: () => comments[c++ % comments.length] }, lines, '');
    for (const [n, line] of trivia) {
      const at = n % (lines.length + 1);
      if (!line.includes('\u00a0') && !lines[at]?.startsWith(IN_BLOCK) && !lines[at - 1]?.startsWith(IN_BLOCK)) lines.splice(at, 0, line);
    }
    const ends = ['\n', '\r\n', '\r'];
    return lines.map((l, i) => l.replace(IN_BLOCK, '') + (i === lines.length - 1 && !finalEol ? '' : eol === 'mixed' ? ends[i % 3] : eol)).join('');
  });

const NASTY = [
  ' ',
  '#',
  ':',
  '-',
  '\t',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  '?',
  '\n',
  '\r',
  '%',
  '@',
  '`',
  '\\',
  '~',
  '\ufeff',
  '\u2028',
  '\u0085',
  '\u00a0',
  '\u3000',
  '😀',
  '---\n',
  '...\n',
  ': ',
  ' #',
  '- ',
  '<<: ',
];

/** Mutations that move a subset document just outside (or keep it inside) the subset. */
export const nearSubsetDocument: fc.Arbitrary<string> = fc
  .tuple(subsetDocument, fc.array(fc.tuple(fc.constantFrom('insert', 'delete', 'duplicate-line', 'indent', 'dedent'), fc.nat(), fc.constantFrom(...NASTY)), { minLength: 1, maxLength: 3 }))
  .map(([doc, edits]) => {
    let d = doc;
    for (const [kind, at, s] of edits) {
      const i = d.length ? at % d.length : 0;
      const lineStart = d.lastIndexOf('\n', i - 1) + 1;
      const lineEnd = d.indexOf('\n', i) < 0 ? d.length : d.indexOf('\n', i) + 1;
      if (kind === 'insert') d = d.slice(0, i) + s + d.slice(i);
      else if (kind === 'delete') d = d.slice(0, i) + d.slice(i + 1);
      else if (kind === 'duplicate-line') d = d.slice(0, lineEnd) + d.slice(lineStart, lineEnd) + d.slice(lineEnd);
      else if (kind === 'indent') d = `${d.slice(0, lineStart)} ${d.slice(lineStart)}`;
      else if (d[lineStart] === ' ') d = d.slice(0, lineStart) + d.slice(lineStart + 1);
    }
    return d;
  });

/** Nested mappings and sequences `depth` levels deep, for the depth limit. */
export function nested(depth: number, seqEvery: number): string {
  let out = '';
  for (let d = 0; d < depth; d++) out += d % seqEvery === seqEvery - 1 ? `${' '.repeat(d)}-\n` : `${' '.repeat(d)}k${d}:\n`;
  return `${out}${' '.repeat(depth)}leaf: 1\n`;
}
