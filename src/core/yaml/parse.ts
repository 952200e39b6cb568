// @spdf implements SPDF-FC-LOAD
import { parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Document } from 'yaml';
import type { YAlias, YMap, YNode, YPair, YScalar, YSeq } from './ynode';
import { scalarText } from '../scalar-text';
import { parseYamlFast } from './fast-parse';
import { countBelow } from '../sorted';

export interface YamlLimits {
  /** Largest nesting depth accepted; deeper content is cut off with a problem. */
  maxDepth: number;
  /** Most alias references accepted in one file. */
  maxAliases: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxDepth: 64, maxAliases: 1000 };

export interface YamlProblem {
  message: string;
  start: number;
  end: number;
}

export interface ParsedYaml {
  /** One root per YAML document in the stream. */
  roots: (YNode | null)[];
  problems: YamlProblem[];
}

/**
 * Parses YAML text into YNodes, never throwing: syntax errors become problems and a partial tree. Files in the
 * plain subset models are written in take the fast path (`./fast-parse`), which builds the same tree; every
 * other file takes the reference path.
 */
export function parseYaml(text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): ParsedYaml {
  const input = withoutLoneCr(text);
  const fast = parseYamlFast(input, limits.maxDepth);
  return fast ? { roots: [fast], problems: [] } : parseNormalized(text, input, limits);
}

/** Old Mac line ends: the parsers know only \n and \r\n; one character for another keeps every offset. */
function withoutLoneCr(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The reference path (the `yaml` package and a converter) alone: what the fast path is tested against. */
export function parseYamlReference(text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): ParsedYaml {
  return parseNormalized(text, withoutLoneCr(text), limits);
}

/**
 * The `yaml` package recovers from syntax errors differently around \r\n than around \n, so the reference path reads
 * \r\n as \n (a CRLF file then loads exactly like its LF text) and moves every offset back to the text as written.
 */
function parseNormalized(text: string, input: string, limits: YamlLimits): ParsedYaml {
  if (!input.includes('\r\n')) return parseLf(text, input, limits);
  const crs: number[] = [];
  const lf = input.replace(/\r\n/g, (_m, at: number) => (crs.push(at - crs.length), '\n'));
  const parsed = parseLf(lf, lf, limits);
  const toText = (offset: number) => Math.min(offset + countBelow(crs.length, (i) => crs[i] < offset), text.length);
  for (const p of parsed.problems) [p.start, p.end] = [toText(p.start), toText(p.end)];
  const moved = new Set<YNode>();
  const move = (n: YNode | null): void => {
    if (!n || moved.has(n)) return;
    moved.add(n);
    [n.start, n.end] = [toText(n.start), toText(n.end)];
    if (n.kind === 'map') n.pairs.forEach((pair) => [pair.key, pair.value].forEach(move));
    else if (n.kind === 'seq') n.items.forEach(move);
    else if (n.kind === 'alias') move(n.target);
  };
  parsed.roots.forEach(move);
  return parsed;
}

function parseLf(text: string, input: string, limits: YamlLimits): ParsedYaml {
  const problems: YamlProblem[] = [];
  const roots: (YNode | null)[] = [];
  let docs: Document.Parsed[];
  try {
    const all = parseAllDocuments(input, { uniqueKeys: true, prettyErrors: false, strict: true });
    docs = Array.from(all);
  } catch (e) {
    problems.push({ message: `YAML parser failed: ${(e as Error).message}`, start: 0, end: 0 });
    return { roots, problems };
  }
  for (const doc of docs) {
    // The parser may point one past the end of the text (an unclosed collection).
    const add = (e: { pos: [number, number] }, message: string) => {
      const start = Math.min(e.pos[0], text.length);
      problems.push({ message, start, end: Math.min(Math.max(e.pos[1], start), text.length) });
    };
    for (const e of doc.errors) add(e, cleanMessage(e.message));
    // A tag the schema cannot resolve (`!foo`, `!!float x`) is a warning there and its node keeps the plain value:
    // read as if untagged, a value the author marked as something else would pass unnoticed.
    for (const w of doc.warnings) if (UNDERSTOOD_ONLY_WITH_TAG.has(w.code)) add(w, `${cleanMessage(w.message)}; the value is not read as written (remove the tag)`);
    const conv = new Converter(limits, problems);
    roots.push(doc.contents ? conv.node(doc.contents, 0) : null);
  }
  return { roots, problems };
}

/** Warnings of the yaml package after which a node's value is not what its tag says. */
const UNDERSTOOD_ONLY_WITH_TAG = new Set(['TAG_RESOLVE_FAILED', 'BAD_COLLECTION_TYPE']);

/** The yaml package appends a code excerpt after a blank line; a finding shows its own range instead. */
function cleanMessage(message: string): string {
  const cut = message.indexOf(':\n');
  return (cut > 0 ? message.slice(0, cut) : message.split('\n')[0]).trim();
}

class Converter {
  private readonly anchors = new Map<string, YNode>();
  /** Collections still being converted: an alias to one of them would make the tree cyclic. */
  private readonly open = new Set<YNode>();
  private aliases = 0;
  private depthReported = false;

  constructor(
    private readonly limits: YamlLimits,
    private readonly problems: YamlProblem[],
  ) {}

  node(n: YamlNode, depth: number): YNode | null {
    // valueEnd, not nodeEnd: the latter runs on over trailing comments and the line break.
    const [start, end] = n.range ?? [0, 0, 0];
    if (depth > this.limits.maxDepth) {
      if (!this.depthReported) this.problems.push({ message: `nesting deeper than ${this.limits.maxDepth} levels; the deeper content is ignored`, start, end: start + 1 });
      this.depthReported = true;
      return null;
    }
    let out: YNode | null = null;
    if (isScalar(n)) {
      const v = n.value;
      const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : typeof v === 'bigint' ? Number(v) : scalarText(v);
      out = { kind: 'scalar', start, end, value } satisfies YScalar;
    } else if (isMap(n)) {
      const pairs: YPair[] = [];
      const map: YMap = { kind: 'map', start, end, pairs };
      if (n.anchor) this.anchors.set(n.anchor, map);
      this.open.add(map);
      for (const item of n.items) {
        if (!isPair(item)) continue;
        const key = item.key as YamlNode | null;
        if (!key || !isScalar(key)) {
          const r = key?.range ?? [start, start, start];
          this.problems.push({ message: 'only plain scalar keys are supported here', start: r[0], end: r[1] });
          continue;
        }
        const k = this.node(key, depth + 1) as YScalar;
        pairs.push({ key: k, value: item.value ? this.node(item.value as YamlNode, depth + 1) : null });
      }
      this.open.delete(map);
      return map;
    } else if (isSeq(n)) {
      const items: (YNode | null)[] = [];
      const seq: YSeq = { kind: 'seq', start, end, items };
      if (n.anchor) this.anchors.set(n.anchor, seq);
      this.open.add(seq);
      for (const item of n.items) items.push(item ? this.node(item as YamlNode, depth + 1) : null);
      this.open.delete(seq);
      return seq;
    } else if (isAlias(n)) {
      if (++this.aliases > this.limits.maxAliases) {
        if (this.aliases === this.limits.maxAliases + 1)
          this.problems.push({ message: `more than ${this.limits.maxAliases} aliases in one file (alias limit); further aliases are ignored`, start, end: n.range![1] });
        return null;
      }
      const end = n.range![1];
      const target = this.anchors.get(n.source);
      if (!target) {
        this.problems.push({ message: `alias *${n.source} has no anchor &${n.source} before it in this document; it is read as empty`, start, end });
        return null;
      }
      if (this.open.has(target)) {
        this.problems.push({ message: `alias *${n.source} refers to the node &${n.source} that contains it (a cycle); it is read as empty`, start, end });
        return null;
      }
      out = { kind: 'alias', start, end, target } satisfies YAlias;
    }
    if (out && n.anchor) this.anchors.set(n.anchor, out);
    return out;
  }
}
