// @spdf implements SPDF-FC-CACHE
import type { CodeFileIndex, CodeLink, CodeSymbol, CodeTag } from '../../core/codelinks/model';
import type { Position, Range } from '../../core/types';
import { encodeStream, LAST, LAST_BASE, LEAD, LEAD_BASE } from './number-stream';
import { type FilePositions, watchPositions } from './watched-positions';

/**
 * A file's index for the code-index cache: strings once in a table, symbols, tags and links as one stream of
 * integers (JSON.parse reads number arrays far faster than objects with keys), written as text (`encodeStream`:
 * JSON.parse reads one string faster still, and the stream then takes a byte a number, not an array slot). Only
 * objects whose keys, key order and value types are exactly what the decoder rebuilds are packed; any other object
 * stays as it was (plain), so decoding gives back an index equal to the original, key order included.
 * Layout: [file, language, strings, number stream, plain objects, orphanTags, exclusions, problems, suppressions?]
 */
export type CompactIndex = [string, string, string[], string, unknown[], unknown, unknown, unknown, unknown?];

const INDEX_KEYS = ['file', 'language', 'symbols', 'tags', 'links', 'orphanTags', 'exclusions', 'problems', 'suppressions'];
const SYMBOL_KEYS = ['name', 'qualifiedName', 'kind', 'range', 'nameRange', 'docRanges'];
const SYMBOL_TAIL = ['declarationOnly', 'codeHash'];
const TAG_KEYS = ['syntax', 'id', 'idRange', 'relation', 'tagRange'];
const TAG_TAIL = ['revision', 'artifactType', 'scope', 'written', 'above', 'symbol'];
const LINK_KEYS = ['id', 'relation', 'file', 'symbol', 'range', 'symbolRange', 'syntax', 'codeHash'];
const LINK_TAIL = ['symbolKind', 'revision', 'lines'];

const PLAIN = 0;
const PACKED = 1;
const NULL = -1;
/** A link mask bit: the link's range is the `idRange` object of a tag of the same index (written as that tag's position). */
const TAG_ID_RANGE = 8;

/**
 * The largest number the stream (number-stream.ts) holds: larger ones (none in an index) keep their item plain. The bound keeps the decoder in 32-bit integer
 * arithmetic: its numbers are then small integers to V8, and the objects built from them keep integer fields (a
 * decoder in float arithmetic made V8 widen every range's fields to doubles, a boxed number each).
 */
const MAX_PACKED = 2 ** 31 - 2;

const sameKeys = (o: object, keys: readonly string[]) => {
  const own = Object.keys(o);
  return own.length === keys.length && own.every((k, i) => k === keys[i]);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A number the stream holds: an integer from 0 to MAX_PACKED (not -0, which JSON would give back as 0). */
const isInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_PACKED && !Object.is(v, -0);
/** A `{ line, character }` of integers: its own keys are read without listing them (this runs for every range packed). */
function isPosition(p: unknown): boolean {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return false;
  let n = 0;
  for (const k in p) {
    if (!Object.hasOwn(p, k) || k !== (n === 0 ? 'line' : 'character') || n++ > 1) return false;
  }
  return n === 2 && isInt((p as Position).line) && isInt((p as Position).character);
}
function isRange(r: unknown): r is Range {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return false;
  let n = 0;
  for (const k in r) {
    if (!Object.hasOwn(r, k) || k !== (n === 0 ? 'start' : 'end') || n++ > 1) return false;
  }
  return n === 2 && isPosition((r as Range).start) && isPosition((r as Range).end);
}

/**
 * The keys an object has when it holds `head` and those of `tail` it has (in that order), or undefined: its own
 * enumerable keys must be `head` followed by some of `tail` in `tail`'s order. Runs for every item packed, so it
 * reads the keys once and builds nothing.
 */
function tailMask(o: Record<string, unknown>, head: readonly string[], tail: readonly string[]): number | undefined {
  const own = Object.keys(o);
  if (own.length < head.length) return undefined;
  for (let i = 0; i < head.length; i++) if (own[i] !== head[i]) return undefined;
  let mask = 0;
  let bit = 0;
  for (let i = head.length; i < own.length; i++) {
    while (bit < tail.length && tail[bit] !== own[i]) bit++;
    if (bit === tail.length) return undefined;
    mask |= 1 << bit++;
  }
  return mask;
}

const isOptionalString = (mask: number, bit: number, value: unknown) => !(mask & bit) || typeof value === 'string';

class Packer {
  readonly strings: string[] = [];
  readonly numbers: number[] = [];
  readonly plain: unknown[] = [];
  private readonly ids = new Map<string, number>();
  /** The `idRange` objects of the tags packed so far, by the tag's position: a link made from a tag holds the same object. */
  private readonly tagIdRanges = new Map<Range, number>();

  str(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.push(s) - 1;
      this.ids.set(s, id);
    }
    return id;
  }

  range(r: Range): void {
    this.numbers.push(r.start.line, r.start.character, r.end.line, r.end.character);
  }

  list<T>(items: readonly T[], pack: (item: T, position: number) => boolean): void {
    this.numbers.push(items.length);
    for (let position = 0; position < items.length; position++) {
      const item = items[position];
      const at = this.numbers.length;
      this.numbers.push(PACKED);
      if (!pack(item, position)) {
        this.numbers.length = at;
        this.numbers.push(PLAIN, this.plain.push(item) - 1);
      }
    }
  }

  symbol(s: CodeSymbol): boolean {
    const o = s as unknown as Record<string, unknown>;
    const mask = isObject(o) ? tailMask(o, SYMBOL_KEYS, SYMBOL_TAIL) : undefined;
    if (mask === undefined || typeof s.name !== 'string' || typeof s.qualifiedName !== 'string' || typeof s.kind !== 'string') return false;
    if (!isRange(s.range) || !isRange(s.nameRange) || !Array.isArray(s.docRanges) || !s.docRanges.every(isRange)) return false;
    if (mask & 1 && s.declarationOnly !== true) return false;
    if (mask & 2 && typeof s.codeHash !== 'string') return false;
    this.numbers.push(mask, this.str(s.name), this.str(s.qualifiedName), this.str(s.kind));
    this.range(s.range);
    this.range(s.nameRange);
    this.numbers.push(s.docRanges.length);
    for (const r of s.docRanges) this.range(r);
    if (mask & 2) this.numbers.push(this.str(s.codeHash!));
    return true;
  }

  tag(t: CodeTag, position: number): boolean {
    const o = t as unknown as Record<string, unknown>;
    const mask = isObject(o) ? tailMask(o, TAG_KEYS, TAG_TAIL) : undefined;
    if (mask === undefined || typeof t.syntax !== 'string' || typeof t.id !== 'string' || typeof t.relation !== 'string') return false;
    if (!isRange(t.idRange) || !isRange(t.tagRange)) return false;
    if (mask & 1 && !isInt(t.revision)) return false;
    if (!isOptionalString(mask, 2, t.artifactType) || !isOptionalString(mask, 4, t.scope) || !isOptionalString(mask, 8, t.written) || !isOptionalString(mask, 16, t.above)) return false;
    if (mask & 32 && t.symbol !== null && typeof t.symbol !== 'string') return false;
    this.numbers.push(mask, this.str(t.syntax), this.str(t.id));
    this.range(t.idRange);
    this.numbers.push(this.str(t.relation));
    this.range(t.tagRange);
    if (mask & 1) this.numbers.push(t.revision!);
    if (mask & 2) this.numbers.push(this.str(t.artifactType!));
    if (mask & 4) this.numbers.push(this.str(t.scope!));
    if (mask & 8) this.numbers.push(this.str(t.written!));
    if (mask & 16) this.numbers.push(this.str(t.above!));
    if (mask & 32) this.numbers.push(t.symbol === null ? NULL : this.str(t.symbol!));
    this.tagIdRanges.set(t.idRange, position);
    return true;
  }

  link(l: CodeLink): boolean {
    const o = l as unknown as Record<string, unknown>;
    const mask = isObject(o) ? tailMask(o, LINK_KEYS, LINK_TAIL) : undefined;
    if (mask === undefined || typeof l.id !== 'string' || typeof l.relation !== 'string' || typeof l.file !== 'string') return false;
    if ((l.symbol !== null && typeof l.symbol !== 'string') || !isRange(l.range) || !isRange(l.symbolRange)) return false;
    if (typeof l.syntax !== 'string' || typeof l.codeHash !== 'string') return false;
    if (mask & 1 && typeof l.symbolKind !== 'string') return false;
    if (mask & 2 && !isInt(l.revision)) return false;
    const lines = l.lines as unknown;
    if (mask & 4 && !(isObject(lines) && sameKeys(lines, ['start', 'end']) && isInt(lines.start) && isInt(lines.end))) return false;
    const tag = this.tagIdRanges.get(l.range);
    this.numbers.push(tag === undefined ? mask : mask | TAG_ID_RANGE, this.str(l.id), this.str(l.relation), this.str(l.file), l.symbol === null ? NULL : this.str(l.symbol));
    if (tag === undefined) this.range(l.range);
    else this.numbers.push(tag);
    this.range(l.symbolRange);
    this.numbers.push(this.str(l.syntax), this.str(l.codeHash));
    if (mask & 1) this.numbers.push(this.str(l.symbolKind!));
    if (mask & 2) this.numbers.push(l.revision!);
    if (mask & 4) this.numbers.push(l.lines!.start, l.lines!.end);
    return true;
  }
}

/** The packed form of an index, or the index itself when its top level is not the usual shape. */
export function packIndex(index: CodeFileIndex): CompactIndex | CodeFileIndex {
  if (!isObject(index) || !(sameKeys(index, INDEX_KEYS) || sameKeys(index, INDEX_KEYS.slice(0, 8))) || typeof index.file !== 'string' || typeof index.language !== 'string') return index;
  if (![index.symbols, index.tags, index.links].every(Array.isArray)) return index;
  const p = new Packer();
  p.list(index.symbols, (s) => p.symbol(s));
  p.list(index.tags, (t, position) => p.tag(t, position));
  p.list(index.links, (l) => p.link(l));
  const packed: CompactIndex = [index.file, index.language, p.strings, encodeStream(p.numbers), p.plain, index.orphanTags, index.exclusions, index.problems];
  if ('suppressions' in index) packed[8] = index.suppressions;
  return packed;
}

/**
 * Reads a packed index back; throws when the stream's length does not fit (the caller counts that as a miss). While
 * the whole-result cache records, every position of the index notes the file when first read (watched-positions.ts):
 * the ranges of symbols, tags and links, and the lists kept plain (orphan tags, exclusions, problems, suppressions,
 * items not packed) as soon as one that is not empty is read.
 */
export function unpackIndex(packed: CompactIndex): CodeFileIndex {
  const [file, language, S, n, plain, orphanTags, exclusions, problems, suppressions] = packed;
  if (!Array.isArray(S) || typeof n !== 'string' || !Array.isArray(plain)) throw new Error('not a packed index');
  const w = typeof file === 'string' ? watchPositions(file) : undefined;
  if (w && plain.length) w.note();
  const r = new Reader(S, n, plain, 0, w);
  // Symbols are decoded when first read: a check whose code rules answered from their per-file cache reads only
  // the tags and links of unchanged files. Skipping them reads the same stream positions without building objects.
  const symbolsAt = r.at;
  r.list(() => r.skipSymbol(), true);
  const tags = r.list(() => r.tag());
  const links = r.list(() => r.link(tags));
  if (r.at !== n.length) throw new Error('trailing data');
  let symbols: CodeSymbol[] | undefined;
  const readSymbols = (): CodeSymbol[] => {
    if (!symbols) {
      const s = new Reader(S, n, plain, symbolsAt, w);
      symbols = s.list(() => s.symbol());
    }
    return symbols;
  };
  if (w) {
    // The lists kept plain note the file when one that is not empty is read.
    const seen = <T>(list: T): T => ((!Array.isArray(list) || list.length) && w.note(), list);
    const watched = {
      file,
      language,
      get symbols(): CodeSymbol[] {
        return readSymbols();
      },
      set symbols(value: CodeSymbol[]) {
        symbols = value;
      },
      tags,
      links,
      get orphanTags() {
        return seen(orphanTags);
      },
      get exclusions() {
        return seen(exclusions);
      },
      get problems() {
        return seen(problems);
      },
    };
    return (packed.length > 8 ? Object.defineProperty(watched, 'suppressions', { get: () => seen(suppressions), enumerable: true, configurable: true }) : watched) as unknown as CodeFileIndex;
  }
  return {
    file,
    language,
    get symbols(): CodeSymbol[] {
      return readSymbols();
    },
    set symbols(value: CodeSymbol[]) {
      symbols = value;
    },
    tags,
    links,
    orphanTags,
    exclusions,
    problems,
    ...(packed.length > 8 ? { suppressions } : {}),
  } as CodeFileIndex;
}

/**
 * A cursor over a packed stream. The shard is sealed (SHA-256) and written by this very build, so the stream is
 * trusted to be well-formed; checks per value halved the speed. Only its length is checked (by the caller): a
 * stream cut short reads past its end (NaN, as 0) and so ends beyond it.
 */
class Reader {
  constructor(
    private readonly S: string[],
    private readonly n: string,
    private readonly plain: unknown[],
    public at = 0,
    /** While the result cache records: the file's positions, noted when read. */
    private readonly w?: FilePositions,
  ) {}

  num(): number {
    let c = this.n.charCodeAt(this.at++);
    let u = 0;
    while (c >= LEAD) {
      u = (u * LEAD_BASE + (c - LEAD)) | 0;
      c = this.n.charCodeAt(this.at++);
    }
    return (u * LAST_BASE + (c - LAST) - 1) | 0;
  }
  /** Moves past `count` numbers. */
  skip(count: number): void {
    for (let i = 0; i < count; i++) while (this.n.charCodeAt(this.at++) >= LEAD);
  }
  /** Whether the next number is NULL (a lone last digit 0); if so, moves past it. */
  isNull(): boolean {
    if (this.n.charCodeAt(this.at) !== LAST + NULL + 1) return false;
    this.at++;
    return true;
  }
  str(): string {
    return this.S[this.num()];
  }
  range(): Range {
    const start = { line: this.num(), character: this.num() };
    const end = { line: this.num(), character: this.num() };
    return this.w ? this.w.watched({ start, end }) : { start, end };
  }
  list<T>(read: () => T, skip = false): T[] {
    const count = this.num();
    const out: T[] = skip ? [] : new Array<T>(count);
    for (let i = 0; i < count; i++) {
      if (this.num() !== PACKED) {
        if (skip) this.skip(1);
        else out[i] = this.plain[this.num()] as T;
      } else if (skip) read();
      else out[i] = read();
    }
    return out;
  }

  /** Moves past one packed symbol. */
  skipSymbol(): void {
    const mask = this.num();
    this.skip(3 + 8);
    const docRanges = this.num();
    this.skip(4 * docRanges + (mask & 2 ? 1 : 0));
  }
  symbol(): CodeSymbol {
    const mask = this.num();
    const s: CodeSymbol = { name: this.str(), qualifiedName: this.str(), kind: this.str() as CodeSymbol['kind'], range: this.range(), nameRange: this.range(), docRanges: [] };
    for (let i = this.num(); i > 0; i--) s.docRanges.push(this.range());
    if (mask & 1) s.declarationOnly = true;
    if (mask & 2) s.codeHash = this.str();
    return s;
  }
  tag(): CodeTag {
    const mask = this.num();
    const t: CodeTag = { syntax: this.str() as CodeTag['syntax'], id: this.str(), idRange: this.range(), relation: this.str() as CodeTag['relation'], tagRange: this.range() };
    if (mask & 1) t.revision = this.num();
    if (mask & 2) t.artifactType = this.str();
    if (mask & 4) t.scope = this.str() as CodeTag['scope'];
    if (mask & 8) t.written = this.str();
    if (mask & 16) t.above = this.str();
    if (mask & 32) t.symbol = this.isNull() ? null : this.str();
    return t;
  }
  /** A link; a link made from a tag gets that tag's `idRange` object, as the index it was packed from held. */
  link(tags: readonly CodeTag[]): CodeLink {
    const mask = this.num();
    const l: CodeLink = {
      id: this.str(),
      relation: this.str() as CodeLink['relation'],
      file: this.str(),
      symbol: this.isNull() ? null : this.str(),
      range: mask & TAG_ID_RANGE ? tags[this.num()].idRange : this.range(),
      symbolRange: this.range(),
      syntax: this.str() as CodeLink['syntax'],
      codeHash: this.str(),
    };
    if (mask & 1) l.symbolKind = this.str() as CodeLink['symbolKind'];
    if (mask & 2) l.revision = this.num();
    if (mask & 4) {
      const start = this.num();
      const end = this.num();
      l.lines = this.w ? this.w.watched({ start, end }) : { start, end };
    }
    return l;
  }
}
