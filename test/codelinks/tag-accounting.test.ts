import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CodeLanguage } from '../../src/core/codelinks/languages';
import { type CodeFileIndex, UNREAD_TAG_KINDS } from '../../src/core/codelinks/model';
import type { TagSyntaxOptions } from '../../src/core/codelinks/tag-syntaxes';
import type { Range } from '../../src/core/types';
import { indexText } from './fixture-harness';

/**
 * The "accounted for" invariant: every tag-like text in a comment ends as a link (or an orphan tag, which CL002
 * reports), a LOBSTER exclusion, or a tag problem (CL008), each at the position where the tag-like text starts.
 * Source files are generated with valid, malformed and partial tags in comments at random places, in files with
 * and without syntax errors; occurrences are counted with a scanner written here, independent of the product's.
 * `SPDF_FUZZ_RUNS=N` runs N files per language (default 40).
 */
const RUNS = Number(process.env.SPDF_FUZZ_RUNS ?? 40);
const OPTIONS: TagSyntaxOptions = {
  syntaxes: ['spdf', 'oft', 'strictdoc', 'lobster', 'bare'],
  bareIdPatterns: ['BARE-\\d+'],
  tagPatterns: [{ pattern: 'Covers:[ ]*(?P<ids>R-\\d+(?:,[ ]*R-\\d+)*)', relation: 'implements' }],
  callTags: [{ names: ['REQUIREMENT'] }],
};

/** Arguments of generated `REQUIREMENT(...)` calls in code: readable, empty, computed, missing. */
const CALL_ARGUMENTS = ['"R-1"', '"R-1, R-2"', '""', 'R_1', '"R-" "1"', '', '"R-1", 2', 'f("R-1")'];

/** Pieces of comment text; joined at random they give valid, malformed and partial tags and plain prose. */
const FRAGMENTS = [
  '@spdf',
  '@spdf implements R-1',
  '@spdf verifies R-1, R-2',
  '@spdf implement R-3',
  '@spdf Implements',
  '@spdf hazard',
  'implements',
  'mitigates',
  'verify',
  'R-1',
  'R-22',
  'BARE-7',
  'BARE-',
  ',',
  ', ',
  ':',
  ';',
  '-',
  '(',
  ')',
  '@',
  'spdf',
  '[impl->req~R-3~2]',
  '[utest->req~R-4~1]',
  '[foo->req~R-1~1]',
  '[impl->req~R-5]',
  '[impl->',
  '[ impl ~x~1 -> req~R-6~3 ]',
  '[',
  ']',
  '->',
  '~',
  '~1',
  'req',
  'impl',
  '@relation(R-4, scope=function)',
  '@relation(R-4, scope=method)',
  '@relation(R-5, scope=range_start)',
  '@relation(R-5, scope=range_end)',
  '@relation(skip, scope=range_start)',
  '@relation(skip, scope=range_end)',
  '@relation(',
  '@relation(R-6',
  'scope=class',
  'role=test',
  'lobster-trace: R-7',
  'lobster-trace:',
  'lobster-exclude: not traced',
  'lobster-exclude:',
  'note',
  'TODO check',
  'see the design',
  'Covers:',
  'Covers: R-8',
  'Covers: R-8, R-9',
  'Covers R-1',
];

/** Characters of tag syntax, for near-misses no list of fragments thinks of. */
const noise = fc.string({ unit: fc.constantFrom(...'@spdf[]->~1R(),:= \timplesobtrBARE_'.split('')), maxLength: 14 });

const payload = fc
  .array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...FRAGMENTS), weight: 4 }, { arbitrary: noise, weight: 1 }), fc.constantFrom('', ' ', '  ')), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) =>
    parts
      .map(([f, sep]) => f + sep)
      .join('')
      .trimEnd(),
  );

type Comment = { style: number; lines: string[] };
const comment = fc.record({ style: fc.nat(2), lines: fc.array(payload, { minLength: 1, maxLength: 3 }) });

interface Item {
  kind: 'comment' | 'function' | 'class' | 'macro' | 'broken' | 'call';
  above?: Comment;
  inner?: Comment;
  trailing?: string;
  variant: number;
}

const item: fc.Arbitrary<Item> = fc.record(
  {
    kind: fc.constantFrom('comment', 'function', 'function', 'class', 'macro', 'broken', 'call'),
    above: comment,
    inner: comment,
    trailing: payload,
    variant: fc.nat(7),
  },
  { requiredKeys: ['kind', 'variant'] },
);

/** Builds source text and remembers where each comment body starts: the regions the test scanner reads. */
class SourceBuilder {
  text = '';
  regions: { start: number; text: string }[] = [];
  /** Where each configured call written in code starts. */
  calls: number[] = [];

  call(argument: string): this {
    this.calls.push(this.text.length);
    this.text += `REQUIREMENT(${argument});`;
    return this;
  }

  code(s: string): this {
    this.text += s;
    return this;
  }

  body(s: string): this {
    this.regions.push({ start: this.text.length, text: s });
    this.text += s;
    return this;
  }
}

interface LanguageShape {
  language: CodeLanguage;
  file: string;
  comment(b: SourceBuilder, c: Comment, indent: string): void;
  trailing(b: SourceBuilder, text: string): void;
  item(b: SourceBuilder, it: Item, n: number): void;
}

function cStyleComment(b: SourceBuilder, c: Comment, indent: string): void {
  if (c.style === 0) {
    for (const line of c.lines) b.code(`${indent}// `).body(line).code('\n');
    return;
  }
  b.code(`${indent}${c.style === 1 ? '/* ' : '/** '}`)
    .body(c.lines.join(`\n${indent} * `))
    .code(' */\n');
}

const C_BROKEN = ['int broken(int x {\n', 'x = ;\n', '}\n', 'char *s = "unterminated\n', 'struct { int a\n', 'int f(void) { return 1 +; }\n'];
const TS_BROKEN = ['function broken(x: number {\n', 'const = ;\n', '}\n', 'let s = "unterminated\n', 'class {\n', 'if (x {\n'];
const PY_BROKEN = ['def broken(x:\n', 'x = (\n', ')\n', '  return 1\n', 'class :\n', 'x = [1,\n'];

const C_SHAPE: LanguageShape = {
  language: 'c',
  file: 'gen.c',
  comment: cStyleComment,
  trailing: (b, text) => b.code(' // ').body(text),
  item(b, it, n) {
    if (it.above) this.comment(b, it.above, '');
    switch (it.kind) {
      case 'function':
      case 'class':
        b.code(it.kind === 'class' ? `struct s${n} {\n` : `int f${n}(int x) {\n`);
        if (it.inner) this.comment(b, it.inner, '  ');
        b.code(it.kind === 'class' ? '  int a;' : '  return x;');
        if (it.trailing) this.trailing(b, it.trailing);
        b.code(it.kind === 'class' ? '\n};\n' : '\n}\n');
        break;
      case 'macro':
        b.code(`#define M${n} ${n}`);
        if (it.trailing) this.trailing(b, it.trailing);
        b.code('\n');
        break;
      case 'broken':
        b.code(C_BROKEN[it.variant % C_BROKEN.length]);
        break;
      case 'call':
        b.code(`void t${n}(void) {\n  `)
          .call(CALL_ARGUMENTS[it.variant % CALL_ARGUMENTS.length])
          .code('\n}\n');
        break;
      default:
        break;
    }
    b.code('\n');
  },
};

const CPP_SHAPE: LanguageShape = { ...C_SHAPE, language: 'cpp', file: 'gen.cpp' };

const TS_SHAPE: LanguageShape = {
  language: 'typescript',
  file: 'gen.ts',
  comment: cStyleComment,
  trailing: (b, text) => b.code(' // ').body(text),
  item(b, it, n) {
    if (it.above) this.comment(b, it.above, '');
    switch (it.kind) {
      case 'function':
      case 'macro':
        b.code(it.kind === 'macro' ? `export const f${n} = (x: number): number => {\n` : `export function f${n}(x: number): number {\n`);
        if (it.inner) this.comment(b, it.inner, '  ');
        b.code('  return x;');
        if (it.trailing) this.trailing(b, it.trailing);
        b.code(it.kind === 'macro' ? '\n};\n' : '\n}\n');
        break;
      case 'class':
        b.code(`class C${n} {\n`);
        if (it.inner) this.comment(b, it.inner, '  ');
        b.code('  run(): number {\n    return 1;');
        if (it.trailing) this.trailing(b, it.trailing);
        b.code('\n  }\n}\n');
        break;
      case 'broken':
        b.code(TS_BROKEN[it.variant % TS_BROKEN.length]);
        break;
      default:
        break;
    }
    b.code('\n');
  },
};

const PY_SHAPE: LanguageShape = {
  language: 'python',
  file: 'gen.py',
  comment(b, c, indent) {
    if (c.style === 2) {
      b.code(`${indent}"""`)
        .body(c.lines.join(`\n${indent}`))
        .code('"""\n');
      return;
    }
    for (const line of c.lines) b.code(`${indent}# `).body(line).code('\n');
  },
  trailing: (b, text) => b.code('  # ').body(text),
  item(b, it, n) {
    if (it.above && it.above.style !== 2) this.comment(b, it.above, '');
    switch (it.kind) {
      case 'function':
      case 'macro':
        b.code(`def f${n}(x):\n`);
        if (it.inner) this.comment(b, it.inner, '    ');
        b.code('    return x');
        if (it.trailing) this.trailing(b, it.trailing);
        b.code('\n');
        break;
      case 'class':
        b.code(`class C${n}:\n`);
        if (it.inner) this.comment(b, it.inner, '    ');
        b.code('    def run(self):\n        return 1');
        if (it.trailing) this.trailing(b, it.trailing);
        b.code('\n');
        break;
      case 'broken':
        b.code(PY_BROKEN[it.variant % PY_BROKEN.length]);
        break;
      default:
        break;
    }
    b.code('\n\n');
  },
};

/**
 * Offsets where a tag-like text starts, read by hand: `@spdf` not followed by a word character, `[` type
 * (`~name~rev`)? `->`, `@relation(`, `lobster-trace:` / `lobster-exclude:`, the bare pattern `BARE-digits` and the
 * tag pattern `Covers: R-digits`.
 */
const isWord = (ch: string | undefined) => !!ch && /[A-Za-z0-9_]/.test(ch);
const isSpace = (ch: string | undefined) => !!ch && /\s/.test(ch);

function tagLikeStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const rest = text.slice(i);
    if (rest.startsWith('@spdf') && !isWord(text[i + 5])) starts.push(i);
    else if (rest.startsWith('@relation(') || rest.startsWith('lobster-trace:') || rest.startsWith('lobster-exclude:')) starts.push(i);
    else if (/^BARE-[0-9]/.test(rest) || /^Covers: *R-[0-9]/.test(rest)) starts.push(i);
    else if (text[i] === '[' && oftArrowAfter(text, i + 1)) starts.push(i);
  }
  return [...starts, ...idsAfterLists(text)];
}

/**
 * Where an ID of the same family (`R-2` after `R-1`: the same text before the trailing number) stands right after an
 * `@spdf <relation>` or `lobster-trace:` ID list, joined by another separator than a comma (spaces, `;`, `/`, `&`,
 * `|`, `+`, `and`, `or`): the list ends before it, so it is a tag-like text of its own (CL008).
 */
function idsAfterLists(text: string): number[] {
  const id = String.raw`[A-Za-z0-9_](?:[\w.\-]*\w)?`;
  const list = new RegExp(String.raw`(?:@spdf(?!\w)[ \t]*(?:implements|verifies|mitigates|hazard)(?![A-Za-z-])|lobster-trace:)[ \t]*(${id}(?:[ \t]*,[ \t]*${id})*)`, 'g');
  const after = new RegExp(String.raw`(?:[ \t]*(?:[;/&|+][ \t]*|(?:and|or)[ \t]+)|[ \t]*)(${id})`, 'y');
  const stem = (x: string) => /^(.*\D)\d+$/.exec(x)?.[1];
  const out: number[] = [];
  for (let m = list.exec(text); m; m = list.exec(text)) {
    after.lastIndex = m.index + m[0].length;
    const next = after.exec(text);
    const stems = m[1].split(',').map((x) => stem(x.trim()));
    if (next && stem(next[1]) !== undefined && stems.includes(stem(next[1]))) out.push(after.lastIndex - next[1].length);
    // A marker may stand inside the text just read as an ID (`R-7lobster-trace: R-8`): the scanners find it there too.
    list.lastIndex = m.index + 1;
  }
  return out;
}

/** After `[`: spaces, an artifact type, optionally `~name~revision`, spaces, then `->`. */
function oftArrowAfter(text: string, from: number): boolean {
  let j = from;
  while (isSpace(text[j])) j++;
  if (!/[A-Za-z]/.test(text[j] ?? '')) return false;
  while (isWord(text[j])) j++;
  const afterType = j;
  const tryArrow = (k: number) => {
    while (isSpace(text[k])) k++;
    return text.startsWith('->', k);
  };
  if (text[j] === '~') {
    let k = j + 1;
    const nameStart = k;
    while (k < text.length && !/[\]~\s]/.test(text[k])) k++;
    if (k > nameStart && text[k] === '~' && /[0-9]/.test(text[k + 1] ?? '')) {
      k++;
      while (/[0-9]/.test(text[k] ?? '')) k++;
      if (tryArrow(k)) return true;
    }
  }
  return tryArrow(afterType);
}

function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

/** [start, end) of every outcome: tags (links and orphans), exclusions, and problems for unread tags. */
function outcomes(index: CodeFileIndex, text: string): [number, number][] {
  const span = (r: Range): [number, number] => [offsetOf(text, r.start.line, r.start.character), offsetOf(text, r.end.line, r.end.character)];
  return [...index.tags.map((t) => span(t.tagRange)), ...index.exclusions.map((e) => span(e.range)), ...index.problems.filter((p) => UNREAD_TAG_KINDS.has(p.kind)).map((p) => span(p.range))];
}

const totals = { files: 0, occurrences: 0, links: 0, orphans: 0, exclusions: 0, findings: 0, syntaxErrorFiles: 0 };

async function checkAccounted(shape: LanguageShape, items: Item[], top: Comment | undefined): Promise<void> {
  const b = new SourceBuilder();
  if (top) shape.comment(b, top, '');
  items.forEach((it, n) => shape.item(b, it, n));
  const text = b.text;
  const expected = new Set([...b.regions.flatMap((r) => tagLikeStarts(r.text).map((o) => r.start + o)), ...b.calls]);
  const index = await indexText(shape.file, text, OPTIONS, shape.language);
  assert.deepEqual(
    index.problems.filter((p) => p.kind === 'internal'),
    [],
    'the file was indexed',
  );
  const spans = outcomes(index, text);
  const where = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split('\n').length;
    return `${line}:${o - before.lastIndexOf('\n')} ${JSON.stringify(text.slice(o, text.indexOf('\n', o)))}`;
  };
  for (const o of expected)
    assert.ok(
      spans.some(([s, e]) => o >= s && o < e),
      `tag-like text at ${where(o)} vanished\n${text}`,
    );
  for (const [s] of spans) assert.ok(expected.has(s), `outcome at ${where(s)} is no tag-like text in a comment\n${text}`);
  totals.files++;
  totals.occurrences += expected.size;
  totals.links += index.links.length;
  totals.orphans += index.orphanTags.length;
  totals.exclusions += index.exclusions.length;
  totals.findings += index.problems.filter((p) => UNREAD_TAG_KINDS.has(p.kind)).length;
  if (index.problems.some((p) => p.kind === 'syntax-error')) totals.syntaxErrorFiles++;
}

describe('every tag-like text is accounted for (property, fast-check)', function () {
  this.timeout(600_000);
  after(() => {
    if (process.env.SPDF_FUZZ_RUNS) console.log(`    tag accounting: ${JSON.stringify(totals)}`);
  });
  for (const shape of [C_SHAPE, CPP_SHAPE, PY_SHAPE, TS_SHAPE]) {
    it(`${shape.language}: links + exclusions + tag findings cover the tag-like texts, nothing else`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(item, { maxLength: 8 }), fc.option(comment, { nil: undefined }), (items, top) => checkAccounted(shape, items, top)),
        { numRuns: RUNS },
      );
    });
  }
});
