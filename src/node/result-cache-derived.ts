// @spdf implements SPDF-FC-RESULT-REINDEX
import { pathMatcher } from '../core/path-glob';
import { buildLanguageMap, type CodeLanguage, languageForPath } from '../core/codelinks/languages';
import { mightContainTags } from '../core/codelinks/prefilter';
import type { CodeFileIndex } from '../core/codelinks/model';
import { sha256Hex } from './cache-location';
import { CodeIndexCache, contentHash, optionsKey, shardOf, type ShardView } from './codeindex/code-index-cache';
import { IndexNotes } from './codeindex/index-notes';
import { compiledSyntaxes } from './codeindex/parse-tasks';
import { parseQuickly, QUICK_START_MAX_BYTES } from './codeindex/quick-start-runtime';
import { type BoundedReadHost, bytesMightContainTags, readSourceBytesNow } from './codeindex/source-bytes';
import type { IndexContext } from './derived-reads';
import type { ChangedRead, IndexFacts, InputRecord } from './result-cache-recorder';

/** SHA-256 of an index as JSON with its keys sorted and unset fields left out: equal for equal indexes, however made. */
export function indexDigest(index: CodeFileIndex): string {
  return sha256Hex(canonical(index, false));
}

/** What a projected digest leaves out of an index. */
interface Projection {
  /** Every code fingerprint's value (`codeHash` of links and symbols): one mark stands for each. */
  fingerprints?: boolean;
  /** Every position's value (ranges, a link's `lines`): one mark stands for each, so their number and order count. */
  positions?: boolean;
}

/**
 * `indexDigest` with the values of what `projection` names replaced by one mark each: equal for indexes that differ
 * at most in those values (whether a fingerprint or position is there, and where in the index, still counts).
 */
export function projectedDigest(index: CodeFileIndex, projection: Projection = { fingerprints: true }): string {
  return sha256Hex(canonical(index, projection));
}

/** A range (`start`, `end`: positions) or a link's `lines` (`start`, `end`: line numbers): the only objects keyed so. */
const isPositionPair = (keys: readonly string[]) => keys.length === 2 && keys[0] === 'end' && keys[1] === 'start';

function canonical(v: unknown, project: Projection | false): string {
  if (Array.isArray(v)) return `[${v.map((x) => canonical(x, project)).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    if (project && project.positions && isPositionPair(keys)) return '"@"';
    return `{${keys.map((k) => `${JSON.stringify(k)}:${project && project.fingerprints && k === 'codeHash' ? '"#"' : canonical(o[k], project)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** The facts recorded for an index read, when they are what this build writes; else undefined (a miss). */
function factsOf(recorded: unknown): IndexFacts | undefined {
  if (recorded === undefined) return {};
  if (recorded === null || typeof recorded !== 'object' || Array.isArray(recorded)) return undefined;
  const { fingerprintFree, positionFree, digest, projected, ...rest } = recorded as Record<string, unknown>;
  if (Object.keys(rest).length || (fingerprintFree !== undefined && fingerprintFree !== true) || (positionFree !== undefined && positionFree !== true)) return undefined;
  if ((digest !== undefined && typeof digest !== 'string') || (projected !== undefined && (typeof projected !== 'string' || !(fingerprintFree || positionFree)))) return undefined;
  return recorded;
}

/** What the answer recorded with `facts` is free of, or undefined when it may depend on every value of the index. */
function projectionOf(facts: IndexFacts): Projection | undefined {
  return facts.fingerprintFree || facts.positionFree ? { fingerprints: facts.fingerprintFree, positions: facts.positionFree } : undefined;
}

/**
 * The facts of a new index when the stored answer holds for it, else undefined: the same index as recorded (or,
 * the first time, as `old`, the index the code-index cache holds for the old bytes), or, for an answer recorded as
 * reading none of the file's fingerprints or positions, the same index but for the values of those.
 */
function sameAnswer(facts: IndexFacts, old: CodeFileIndex | undefined, now: CodeFileIndex): IndexFacts | undefined {
  const digest = facts.digest ?? (old && indexDigest(old));
  if (digest === undefined) return undefined;
  const nowDigest = indexDigest(now);
  const projection = projectionOf(facts);
  if (!projection) return nowDigest === digest ? { digest } : undefined;
  // Kept from the first proof on: the index it was taken of may never be in the code-index cache.
  const projected = facts.projected ?? (nowDigest === digest ? projectedDigest(now, projection) : old && projectedDigest(old, projection));
  if (projected === undefined || (nowDigest !== digest && projectedDigest(now, projection) !== projected)) return undefined;
  return { ...(facts.fingerprintFree ? { fingerprintFree: true } : {}), ...(facts.positionFree ? { positionFree: true } : {}), digest: nowDigest, projected };
}

const decoder = new TextDecoder('utf-8');

/** Whether the context, as stored, still gives the options key the run's index was keyed by (build-code-index.ts). */
function sameOptions(c: IndexContext): boolean {
  return optionsKey({ syntaxOptions: c.syntaxes, languages: c.languages, testGlobs: c.testGlobs }) === c.cacheKey;
}

/**
 * Whether source files that read other bytes than when an answer was stored still give the code index exactly what
 * it made of them then (result-cache.ts replays the answer only if so). Each file goes through the index's own steps
 * (readSourceBytesNow, the prefilters, the code-index cache, a parse in this thread): a file left out as untagged must
 * still be untagged; an indexed file must still be indexed, with no internal problem, to an index whose digest is the
 * one recorded (or, the first time, the digest of the index the code-index cache holds for the old bytes), or, when
 * the run that stored the answer said it read none of the file's code fingerprints, whose digest with fingerprints
 * left out is (`sameAnswer`). Answers the
 * inputs updated to the new bytes, or undefined for a miss: any doubt (an entry not understood, an old index no
 * longer cached, a note, more text than a quick parse takes) is a miss, never an answer.
 */
export async function rederive(contexts: readonly IndexContext[], inputs: readonly InputRecord[], changed: readonly ChangedRead[]): Promise<Map<number, InputRecord> | undefined> {
  try {
    const updated = new Map<number, InputRecord>();
    const shards = new Map<string, Promise<ShardView>>();
    // As build-code-index.ts makes them from the same options (the options key of the code-index cache).
    const files = new Map<IndexContext, { language: (file: string) => CodeLanguage | undefined; isTestFile: (file: string) => boolean }>();
    const fileFacts = (c: IndexContext) => {
      let facts = files.get(c);
      if (!facts) {
        const map = buildLanguageMap(c.languages);
        facts = { language: (file) => languageForPath(file, map), isTestFile: pathMatcher([...c.testGlobs]) };
        files.set(c, facts);
      }
      return facts;
    };
    const shardView = (c: IndexContext, file: string) => {
      const key = `${c.cacheDir}\0${c.cacheKey}\0${shardOf(file)}`;
      let view = shards.get(key);
      if (!view) shards.set(key, (view = CodeIndexCache.shardHolding(c.cacheDir, c.cacheKey, file)));
      return view;
    };
    const toParse: {
      at: number;
      context: IndexContext;
      file: string;
      language: CodeLanguage;
      text: string;
      isTestFile: boolean;
      hash: string;
      facts: IndexFacts;
      old: CodeFileIndex | undefined;
      cached: ShardView;
    }[] = [];
    for (const { at, bytes } of changed) {
      const [fn, args, oldHash, derived] = inputs[at];
      const context = derived && contexts[derived[0]];
      if (fn !== 'readFileUpToSync' || !derived || !context || typeof args[1] !== 'number' || !sameOptions(context)) return undefined;
      const [, file, kind, recorded] = derived;
      const facts = factsOf(recorded);
      if (!facts) return undefined;
      const host = { readUpToSync: () => bytes } as unknown as BoundedReadHost;
      const source = readSourceBytesNow(host, file, args[1], new IndexNotes());
      if (!Buffer.isBuffer(source)) return undefined;
      const compiled = compiledSyntaxes(context.syntaxes);
      const text = bytesMightContainTags(source, compiled) ? decoder.decode(source) : undefined;
      const tagged = text !== undefined && mightContainTags(text, compiled);
      const hash = contentHash(source);
      if (kind === 'untagged') {
        if (tagged) return undefined;
        updated.set(at, [fn, args, hash, derived]);
        continue;
      }
      if (kind !== 'index' || !tagged) return undefined;
      const cached = await shardView(context, file);
      const old = facts.digest === undefined || (projectionOf(facts) && facts.projected === undefined) ? cached.get(file, oldHash)?.index : undefined;
      if (facts.digest === undefined && !old) return undefined;
      const known = cached.get(file, hash)?.index;
      if (known) {
        const now = sameAnswer(facts, old, known);
        if (!now) return undefined;
        updated.set(at, [fn, args, hash, [derived[0], file, kind, now]]);
        continue;
      }
      const language = fileFacts(context).language(file);
      if (!language) return undefined;
      toParse.push({ at, context, file, language, text, isTestFile: fileFacts(context).isTestFile(file), hash, facts, old, cached });
    }
    if (toParse.reduce((n, t) => n + t.text.length, 0) > QUICK_START_MAX_BYTES) return undefined;
    for (const context of new Set(toParse.map((t) => t.context))) {
      const batch = toParse.filter((t) => t.context === context);
      const parsed = await parseQuickly(
        __dirname,
        batch.map(({ file, language, text, isTestFile }) => ({ file, language, text, isTestFile })),
        context.syntaxes,
      );
      for (const [i, t] of batch.entries()) {
        const index = parsed[i]?.index;
        if (!index || index.file !== t.file || index.problems.some((p) => p.kind === 'internal')) return undefined;
        const now = sameAnswer(t.facts, t.old, index);
        if (!now) {
          // A miss: the run that follows finds this parse in the code-index cache instead of parsing the file again.
          await t.cached.put(t.file, t.hash, index);
          return undefined;
        }
        const [fn, args, , derived] = inputs[t.at];
        updated.set(t.at, [fn, args, t.hash, [derived![0], t.file, 'index', now]]);
      }
    }
    return updated;
  } catch {
    return undefined;
  }
}
