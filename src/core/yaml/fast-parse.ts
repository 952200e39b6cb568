// @spdf implements SPDF-FC-LOAD
import type { YMap, YNode, YPair, YScalar, YScalarValue, YSeq } from './ynode';
import { readBlockScalar } from './block-scalar';
import { corePlainValue, doubleQuotedValue } from './core-scalar';
import { ChildStack } from './child-stack';
import { KeySet } from './key-set';
import { StringPool } from './string-pool';

/**
 * A fast reader for the plain subset of YAML that models are written in: one document whose root is a block
 * mapping or sequence, block mappings and sequences indented with spaces, single-line plain and quoted scalars,
 * single-line flow collections of those, comments and blank lines. It builds exactly the tree (values and
 * offsets) the reference path (`yaml` + converter) builds, and gives up (returns undefined) on anything else:
 * any syntax error, and every feature outside the subset (tags, anchors, aliases, block scalars, multi-line
 * scalars, explicit keys, directives, document markers, tabs, duplicate keys, nesting beyond the limit), so the
 * caller parses those files with the reference path. `test/yaml/fast-parse.test.ts` compares both.
 */
export function parseYamlFast(input: string, maxDepth: number): YNode | undefined {
  if (UNSUPPORTED_TEXT.test(input)) return undefined;
  try {
    return new FastParser(input, maxDepth).document();
  } catch (e) {
    if (e === UNSUPPORTED) return undefined;
    throw e;
  }
}

/** Tabs, a byte-order mark, control and Unicode line-break characters, document markers and directives. */
const UNSUPPORTED_TEXT = /[\t\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]|^(?:---|\.\.\.|%)/m;

const UNSUPPORTED = new Error('outside the fast YAML subset');
const NONE: never[] = []; // a block collection's children wait on the parser's stacks until it closes

function unsupported(): never {
  throw UNSUPPORTED;
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DQUOTE = 34;
const SQUOTE = 39;

/** Characters that cannot start a plain scalar in this subset (YAML indicators). */
const NOT_PLAIN_START = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
const FLOW_STOP = new Set([...',[]{}#:'].map((c) => c.charCodeAt(0)));

class FastParser {
  // The current line: its start, indentation, first content offset, content end (before \r\n) and next line.
  private ls = 0;
  private ind = 0;
  private cs = 0;
  private le = 0;
  private nl = 0;
  private eof = false;
  /** Set by skipTrivia: where the comment lines deeper than the collection extend the last value, or -1. */
  private ext = -1;
  /** Deepest indentation of a comment left pending after the last value (a comment-only item), or -1. */
  private trailComment = -1;
  private anyComment = false;
  private shallowComment = false; // set by skipTrivia: it passed a comment at or left of the collection's column
  /** Where the pending blank and comment lines end. */
  private trailEnd = 0;
  /** range[2] of the node just finished: what the parent's range ends at when that node is its last. */
  private lastEnd = 0;
  private readonly pool = new StringPool();
  private readonly pairs = new ChildStack<YPair>();
  private readonly items = new ChildStack<YNode | null>();

  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
  ) {}

  document(): YNode {
    this.readLine(0);
    if (this.kind() !== 'content') this.skipTrivia(-1);
    if (this.eof || this.ind !== 0) unsupported();
    const node = this.blockNode(0, -1);
    if (!this.eof) unsupported();
    return node;
  }

  private readLine(at: number): void {
    const s = this.s;
    this.ls = at;
    let p = at;
    while (s.charCodeAt(p) === SPACE) p++;
    this.ind = p - at;
    this.cs = p;
    const nl = s.indexOf('\n', p);
    const end = nl < 0 ? s.length : nl;
    this.le = end > p && s.charCodeAt(end - 1) === 13 ? end - 1 : end;
    this.nl = nl < 0 ? s.length : nl + 1;
  }

  private kind(): 'blank' | 'comment' | 'content' {
    if (this.cs >= this.le) return 'blank';
    return this.s.charCodeAt(this.cs) === HASH ? 'comment' : 'content';
  }

  /**
   * Moves to the next content line (or the end), recording what the blank and comment lines in between do to
   * the ranges: comment lines deeper than `indent` (the innermost collection) before any other comment extend
   * the last value; the rest form a pending comment-only item.
   */
  private skipTrivia(indent: number, afterBlockScalar = false): void {
    this.ext = -1;
    this.trailComment = -1;
    this.anyComment = false;
    this.shallowComment = false;
    let stopped = false;
    for (;;) {
      if (this.nl >= this.s.length) {
        this.eof = true;
        this.trailEnd = this.s.length;
        return;
      }
      this.readLine(this.nl);
      const k = this.kind();
      if (k === 'content') {
        this.trailEnd = this.cs;
        return;
      }
      if (k === 'comment') {
        this.anyComment = true;
        // After a block scalar, a comment indented into the collection's content is left to the reference path.
        if (afterBlockScalar && this.ind > indent) unsupported();
        if (this.ind <= indent) this.shallowComment = true;
        if (!stopped && this.ind > indent) this.ext = this.nl;
        else {
          stopped = true;
          if (this.ind > this.trailComment) this.trailComment = this.ind;
        }
      }
    }
  }

  /** A block node starting at the current content line, inside a collection indented `parentIndent`. */
  private blockNode(depth: number, parentIndent: number, afterShallowComment = false): YNode {
    const p = this.cs;
    if (this.isSeqDash(p)) return this.seq(p, depth);
    const key = this.key(p, depth + 1);
    if (key) return this.map(p, key, depth);
    // `key:`, a comment left of its column, a scalar: the reference may join it with the next line into one key.
    if (parentIndent < 0 || afterShallowComment) unsupported();
    const node = this.inline(p, depth);
    this.lineEnd(node.end);
    this.afterValue(parentIndent, this.nl);
    return node;
  }

  /** After a value that ends its line: the next content line must not continue it; sets lastEnd. */
  private afterValue(indent: number, end: number): void {
    this.skipTrivia(indent);
    if (!this.eof && this.ind > indent) unsupported();
    this.lastEnd = this.ext >= 0 ? this.ext : end;
  }

  private map(start: number, firstKey: YScalar, depth: number): YMap {
    if (depth > this.maxDepth) unsupported();
    const indent = start - this.ls;
    const base = this.pairs.size;
    const map: YMap = { kind: 'map', start, end: 0, pairs: NONE };
    const seen = new KeySet(this.pairs, base);
    let key: YScalar | null = firstKey;
    for (;;) {
      if (!key || !seen.add(key.value) || key.value === '<<') unsupported();
      const value = this.value(this.afterKey, indent, depth + 1, true, false);
      this.pairs.push({ key, value });
      if (this.eof || this.ind < indent) return this.close(map, indent, base);
      if (this.ind !== indent) unsupported();
      key = this.key(this.cs, depth + 1);
    }
  }

  private seq(start: number, depth: number): YSeq {
    if (depth > this.maxDepth) unsupported();
    const indent = start - this.ls;
    const base = this.items.size;
    const seq: YSeq = { kind: 'seq', start, end: 0, items: NONE };
    // Comment lines left pending before a `-` belong to that item: an empty one then ends after its trailing lines.
    let commentBefore = false;
    for (;;) {
      let p = this.cs + 1;
      while (this.s.charCodeAt(p) === SPACE) p++;
      if (p < this.le && this.isSeqDash(p)) unsupported();
      const key = p < this.le ? this.key(p, depth + 2) : null;
      this.items.push(key ? this.map(p, key, depth + 1) : this.value(p, indent, depth + 1, false, commentBefore));
      if (this.eof || this.ind < indent) return this.close(seq, indent, base);
      if (this.ind !== indent || !this.isSeqDash(this.cs)) unsupported();
      commentBefore = this.trailComment >= 0;
    }
  }

  /** Ends a block collection whose last value just ended; a pending comment at or beyond its indent stays in it. */
  private close<T extends YMap | YSeq>(node: T, indent: number, base: number): T {
    node.end = this.lastEnd;
    if (node.kind === 'map') node.pairs = this.pairs.take(base);
    else node.items = this.items.take(base);
    if (indent > 0 && this.trailComment >= indent) {
      this.lastEnd = this.trailEnd;
      this.trailComment = -1;
    }
    return node;
  }

  /** The value of a map pair or sequence item whose content may start at `p` on the current line. */
  private value(p: number, indent: number, depth: number, inMap: boolean, commentBefore: boolean): YNode {
    const s = this.s;
    while (s.charCodeAt(p) === SPACE) p++;
    const c = s.charCodeAt(p);
    if (p < this.le && (c === 124 || c === 62)) return this.blockScalar(p, indent, depth);
    if (p < this.le && c !== HASH) {
      const node = this.inline(p, depth);
      this.lineEnd(node.end);
      this.afterValue(indent, this.nl);
      return node;
    }
    const sameLineComment = p < this.le;
    this.skipTrivia(indent);
    if (!this.eof && this.ind > indent) return this.blockNode(depth, indent, this.shallowComment);
    // `key:` over a sequence at the key's own indentation.
    if (inMap && !this.eof && this.ind === indent && this.isSeqDash(this.cs)) unsupported();
    if (depth > this.maxDepth) unsupported();
    // An empty value keeps the blank and comment lines after it (they never move to an outer collection).
    this.lastEnd = sameLineComment || commentBefore || this.anyComment ? this.trailEnd : p;
    this.trailComment = -1;
    return { kind: 'scalar', start: p, end: p, value: null };
  }

  private blockScalar(p: number, indent: number, depth: number): YScalar {
    const block = depth > this.maxDepth ? undefined : readBlockScalar(this.s, p, indent);
    if (!block) unsupported();
    this.nl = block.end;
    this.skipTrivia(indent, true);
    if (!this.eof && this.ind > indent) unsupported();
    this.lastEnd = block.end;
    return { kind: 'scalar', start: p, end: block.end, value: block.value };
  }

  private afterKey = 0;

  /** A mapping key (plain or quoted, one line, followed by `: ` or `:` at the line end) at p, or null. */
  private key(p: number, depth: number): YScalar | null {
    const s = this.s;
    const le = this.le;
    const c = s.charCodeAt(p);
    let end: number;
    let value: string | number | boolean | null;
    let q: number;
    if (c === DQUOTE || c === SQUOTE) {
      end = this.quotedEnd(p);
      if (end < 0) return null;
      q = end;
      while (s.charCodeAt(q) === SPACE) q++;
      if (s.charCodeAt(q) !== COLON || (q + 1 < le && s.charCodeAt(q + 1) !== SPACE)) return null;
      value = this.quotedValue(p, end);
    } else {
      if (!this.plainStart(p)) return null;
      q = -1;
      for (let i = p; i < le; i++) {
        const ch = s.charCodeAt(i);
        if (ch === COLON && (i + 1 === le || s.charCodeAt(i + 1) === SPACE)) {
          q = i;
          break;
        }
        if (ch === HASH && s.charCodeAt(i - 1) === SPACE) return null;
      }
      if (q < 0) return null;
      end = q;
      while (s.charCodeAt(end - 1) === SPACE) end--;
      value = this.pool.take(corePlainValue(s.slice(p, end)));
    }
    if (q - p > 1000 || depth > this.maxDepth) unsupported();
    this.afterKey = q + 1;
    return { kind: 'scalar', start: p, end, value };
  }

  private plainStart(p: number): boolean {
    const c = this.s.charCodeAt(p);
    if (!NOT_PLAIN_START.has(c)) return true;
    if (c !== DASH && c !== COLON && c !== 63) return false;
    const next = this.s.charCodeAt(p + 1);
    return p + 1 < this.le && next !== SPACE;
  }

  private isSeqDash(p: number): boolean {
    return this.s.charCodeAt(p) === DASH && (p + 1 === this.le || this.s.charCodeAt(p + 1) === SPACE);
  }

  /** Only spaces and a comment may follow a value on its line. */
  private lineEnd(p: number): void {
    const s = this.s;
    const from = p;
    while (s.charCodeAt(p) === SPACE) p++;
    if (p < this.le && (s.charCodeAt(p) !== HASH || p === from)) unsupported();
  }

  /** A scalar or flow collection that starts at p and ends on this line. */
  private inline(p: number, depth: number): YNode {
    if (depth > this.maxDepth) unsupported();
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(p);
    if (c === 91 || c === 123) return this.flow(p, depth);
    if (!this.plainStart(p)) unsupported();
    let end = this.le;
    for (let i = p; i < this.le; i++) {
      const ch = s.charCodeAt(i);
      if (ch === COLON && (i + 1 === this.le || s.charCodeAt(i + 1) === SPACE)) unsupported();
      if (ch === HASH && s.charCodeAt(i - 1) === SPACE) {
        end = i;
        break;
      }
    }
    while (s.charCodeAt(end - 1) === SPACE) end--;
    return { kind: 'scalar', start: p, end, value: this.pool.take(corePlainValue(s.slice(p, end))) };
  }

  private quotedValue(p: number, end: number): YScalarValue {
    return this.pool.take(this.s.charCodeAt(p) === DQUOTE ? (doubleQuotedValue(this.s.slice(p + 1, end - 1)) ?? unsupported()) : this.s.slice(p + 1, end - 1).replace(/''/g, "'"));
  }

  private quoted(p: number): YScalar {
    const end = this.quotedEnd(p);
    if (end < 0) unsupported();
    return { kind: 'scalar', start: p, end, value: this.quotedValue(p, end) };
  }

  /** The offset after the closing quote of the quoted scalar at p, or -1 when it does not close on this line. */
  private quotedEnd(p: number): number {
    const s = this.s;
    const q = s.charCodeAt(p);
    for (let i = p + 1; i < this.le; i++) {
      const ch = s.charCodeAt(i);
      if (q === DQUOTE && ch === 92) i++;
      else if (ch === q) {
        if (q === SQUOTE && s.charCodeAt(i + 1) === SQUOTE) i++;
        else return i + 1;
      }
    }
    return -1;
  }

  /** A flow sequence or mapping that closes on this line, with scalars and flow collections inside. */
  private flow(p: number, depth: number): YMap | YSeq {
    const s = this.s;
    const isMap = s.charCodeAt(p) === 123;
    const close = isMap ? 125 : 93;
    const base = isMap ? this.pairs.size : this.items.size;
    const seen = isMap ? new KeySet(this.pairs, base) : undefined;
    let i = p + 1;
    for (;;) {
      while (s.charCodeAt(i) === SPACE) i++;
      if (i >= this.le) unsupported();
      if (s.charCodeAt(i) === close) break;
      const first = this.flowItem(i, depth + 1);
      i = first.end;
      while (s.charCodeAt(i) === SPACE) i++;
      if (isMap) {
        if (first.kind !== 'scalar' || s.charCodeAt(i) !== COLON || s.charCodeAt(i + 1) !== SPACE) unsupported();
        if (!seen!.add(first.value) || first.value === '<<') unsupported();
        i += 2;
        while (s.charCodeAt(i) === SPACE) i++;
        const c = s.charCodeAt(i);
        if (i >= this.le || c === 44 || c === close) unsupported();
        const value = this.flowItem(i, depth + 1);
        this.pairs.push({ key: first, value });
        i = value.end;
        while (s.charCodeAt(i) === SPACE) i++;
      } else this.items.push(first);
      const c = s.charCodeAt(i);
      if (c === close) break;
      if (c !== 44) unsupported();
      i++;
    }
    const end = i + 1;
    return isMap ? { kind: 'map', start: p, end, pairs: this.pairs.take(base) } : { kind: 'seq', start: p, end, items: this.items.take(base) };
  }

  private flowItem(p: number, depth: number): YNode {
    if (depth > this.maxDepth) unsupported();
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(p);
    if (c === 91 || c === 123) return this.flow(p, depth);
    if (NOT_PLAIN_START.has(c) && !(c === DASH && p + 1 < this.le && !FLOW_STOP.has(s.charCodeAt(p + 1)) && s.charCodeAt(p + 1) !== SPACE)) unsupported();
    let end = p;
    while (end < this.le && !FLOW_STOP.has(s.charCodeAt(end))) end++;
    if (s.charCodeAt(end) === COLON || s.charCodeAt(end) === HASH) {
      // `key: value` in a flow mapping; a colon anywhere else, or a `#`, is left to the reference parser.
      if (s.charCodeAt(end) === HASH || s.charCodeAt(end + 1) !== SPACE) unsupported();
    }
    while (s.charCodeAt(end - 1) === SPACE) end--;
    if (end === p) unsupported();
    return { kind: 'scalar', start: p, end, value: this.pool.take(corePlainValue(s.slice(p, end))) };
  }
}
