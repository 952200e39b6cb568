// @spdf implements SPDF-FC-SKIPPED-TESTS
import type { LineIndex } from '../text';
import type { Position } from '../types';
import type { CodeLanguage } from './languages';
import type { CodeFileIndex, CodeProblem, CodeSymbol, CodeTag, SymbolKind } from './model';

/** How a language's test frameworks skip a test whatever the run: markers before its name, a first statement in its body. */
interface SkipMarkers {
  /** Decorators, annotations and attributes (the text from the symbol's start to its name). */
  wrapper?: RegExp;
  /** The first statement of the body (the text after the header). */
  firstStatement?: RegExp;
  /** A name segment the framework never runs (googletest `DISABLED_`). */
  name?: RegExp;
  /** A statement that skips every test of the file (pytest's module-level `pytestmark`). */
  file?: RegExp;
}

const PYTHON_FIRST = /^(?:pytest\.skip|self\.skipTest|unittest\.skip|raise\s+(?:unittest\.)?SkipTest)\b/;
const GOOGLETEST: SkipMarkers = { firstStatement: /^GTEST_SKIP\s*\(/, name: /(?:^|\.)DISABLED_/ };

/** Symbols whose skip marker skips the tests inside them (a test class); a test within a test is a misparse. */
const CONTAINERS: ReadonlySet<SymbolKind> = new Set(['class', 'struct', 'module']);

const JS_TESTS: SkipMarkers = { wrapper: /(?:^|[^\w.$])(?:(?:describe|context|suite|it|test|specify)\s*\.\s*(?:skip|todo)|x(?:describe|it|test))\s*\(/ };

const MARKERS: Partial<Record<CodeLanguage, SkipMarkers>> = {
  javascript: JS_TESTS,
  typescript: JS_TESTS,
  tsx: JS_TESTS,
  python: { wrapper: /@\s*(?:(?:pytest\.mark|unittest)\.)?skip\b/, firstStatement: PYTHON_FIRST, file: /^pytestmark\s*=[^\n]*\bpytest\.mark\.skip\b/m },
  java: { wrapper: /@\s*(?:[\w.]*\.)?(?:Disabled|Ignore)\b/ },
  csharp: { wrapper: /\[[^\]]*(?:\bIgnore\b|\bSkip\s*=)/ },
  rust: { wrapper: /#\[\s*ignore\b/ },
  go: { firstStatement: /^\w+\.Skip(?:Now|f)?\s*\(/ },
  c: GOOGLETEST,
  cpp: GOOGLETEST,
};

/**
 * CL014: each `verifies` tag in a test file on a test that its framework skips in every run (`@pytest.mark.skip`,
 * `@Disabled`, `@Ignore`, `[Fact(Skip = ...)]`, `#[ignore]`, a first statement `t.Skip()` or `GTEST_SKIP()`, a
 * `DISABLED_` googletest name), itself or through its class. A conditional skip (`skipif`, an `if` around
 * `t.Skip()`) may run and is left alone.
 */
export function skippedTestProblems(text: string, lines: LineIndex, index: Pick<CodeFileIndex, 'language' | 'tags' | 'symbols'>, isTestFile: boolean): CodeProblem[] {
  const markers = MARKERS[index.language];
  if (!markers || !isTestFile) return [];
  const offset = (p: Position) => lines.starts[p.line] + p.character;
  const comments = index.language === 'python' ? /#[^\n]*/g : /\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
  // Attributes may stand between a tag and its symbol without being part of it (Rust's `#[ignore]`).
  const skipOf = (s: CodeSymbol, from = offset(s.range.start)) => skipMarker(text, s, markers, offset, Math.min(from, offset(s.range.start)), comments);
  const problems: CodeProblem[] = [];
  const reported = new Set<string>();
  const fileSkip = markers.file?.exec(text)?.[0].trim();
  const byName = groupByName(index.symbols);
  let classSkips: Map<CodeSymbol, string> | undefined;
  for (const tag of index.tags) {
    if (tag.relation !== 'verifies' || tag.symbol === undefined) continue;
    const symbol = tag.symbol === null ? undefined : symbolOf(tag, byName.get(tag.symbol) ?? []);
    if (!symbol && tag.symbol !== null) continue;
    classSkips ??= skipsByClass(index.symbols, (c) => skipOf(c));
    const skip = (symbol && (skipOf(symbol, offset(tag.tagRange.end)) ?? classSkips.get(symbol))) ?? fileSkip;
    const at = `${tag.tagRange.start.line}:${tag.tagRange.start.character}`;
    if (skip === undefined || reported.has(at)) continue;
    reported.add(at);
    problems.push({
      kind: 'verifies-skipped-test',
      message: `${symbol ? `'${symbol.qualifiedName}'` : 'every test of this file'} is skipped in every run (\`${skip}\`): the test verifies nothing; remove the skip or the tag`,
      range: tag.tagRange,
    });
  }
  return problems;
}

function groupByName(symbols: readonly CodeSymbol[]): Map<string, CodeSymbol[]> {
  const byName = new Map<string, CodeSymbol[]>();
  for (const s of symbols) {
    const list = byName.get(s.qualifiedName);
    if (list) list.push(s);
    else byName.set(s.qualifiedName, [s]);
  }
  return byName;
}

/**
 * Each symbol inside a skipped class (struct, module, suite) with that class's marker, in one pass over the symbols
 * in order of their start: the skipped classes around the current symbol are kept on a stack.
 */
function skipsByClass(symbols: readonly CodeSymbol[], skipOf: (s: CodeSymbol) => string | undefined): Map<CodeSymbol, string> {
  const inside = new Map<CodeSymbol, string>();
  const open: { symbol: CodeSymbol; skip: string }[] = [];
  for (const s of symbols) {
    while (open.length && !contains(open[open.length - 1].symbol, s)) open.pop();
    if (open.length) inside.set(s, open[0].skip);
    const skip = CONTAINERS.has(s.kind) ? skipOf(s) : undefined;
    if (skip !== undefined) open.push({ symbol: s, skip });
  }
  return inside;
}

/**
 * The symbol a tag attached to, among those of its name (in order of their start): the first that starts at or
 * after the tag, else the one before it when that contains the tag.
 */
function symbolOf(tag: CodeTag, named: readonly CodeSymbol[]): CodeSymbol | undefined {
  const line = tag.tagRange.start.line;
  let lo = 0;
  let hi = named.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (named[mid].range.start.line >= line) hi = mid;
    else lo = mid + 1;
  }
  if (lo < named.length) return named[lo];
  const before = named[lo - 1];
  return before && before.range.end.line >= line ? before : undefined;
}

function contains(outer: CodeSymbol, inner: CodeSymbol): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.range.start, inner.range.start) && before(inner.range.end, outer.range.end);
}

/** The marker that skips the symbol, as written, or undefined. */
function skipMarker(text: string, symbol: CodeSymbol, markers: SkipMarkers, offset: (p: Position) => number, from: number, comments: RegExp): string | undefined {
  const wrapper = markers.wrapper?.exec(text.slice(from, offset(symbol.nameRange.start)).replace(comments, ''));
  if (wrapper) return wrapper[0].trim();
  const name = markers.name?.exec(symbol.name);
  if (name) return `${name[0].replace(/^\./, '')}...`;
  if (!markers.firstStatement) return undefined;
  const body = firstStatement(text.slice(offset(symbol.nameRange.end), offset(symbol.range.end)));
  const first = body === undefined ? null : markers.firstStatement.exec(body);
  return first ? first[0].replace(/\s*\($/, '()') : undefined;
}

/**
 * The text from the first statement of a body on: after the header (up to the first `{`, or the `:` that ends a
 * Python header line), past blank lines, comments and a docstring.
 */
function firstStatement(afterName: string): string | undefined {
  const open = /\{|:[ \t]*(?:#[^\n]*)?\r?\n/.exec(afterName);
  if (!open) return undefined;
  const rest = afterName.slice(open.index + open[0].length);
  const lead = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|#[^\n]*|"""[\s\S]*?"""|'''[\s\S]*?''')*/.exec(rest);
  return rest.slice(lead ? lead[0].length : 0);
}

/**
 * Whether a `verifies` link's tag is one CL014 reports: its test is skipped in every run (`it.todo`, `@Disabled`, ...).
 * Such a test never passes, whatever a results file says of it: jest-junit writes an `it.todo` test as a <testcase>
 * with no <skipped> child, which reads as passed.
 */
export function skippedInEveryRun(link: { relation: string; range: { start: Position } }, problems: readonly Pick<CodeProblem, 'kind' | 'range'>[] | undefined): boolean {
  if (link.relation !== 'verifies' || !problems) return false;
  const line = link.range.start.line;
  return problems.some((p) => p.kind === 'verifies-skipped-test' && p.range.start.line <= line && line <= p.range.end.line);
}
