// @spdf implements SPDF-FC-RESULT-REINDEX
import type { LanguageMapOptions } from '../core/codelinks/languages';
import type { TagSyntaxOptions } from '../core/codelinks/tag-syntaxes';

/** What a run's file indexes are a function of, besides each file's bytes: shared by every file of one index. */
export interface IndexContext {
  syntaxes: TagSyntaxOptions;
  languages: LanguageMapOptions;
  testGlobs: readonly string[];
  /** The code-index cache folder and options key (code-index-cache.ts) the run read and wrote its indexes with. */
  cacheDir: string;
  cacheKey: string;
}

/**
 * What the code index made of one source file it read in one bounded read: the file left out as holding no tag
 * (`untagged`, never claimed by a glob), or indexed (`index`: parsed or cached, with no internal problem). Any other
 * outcome (a note, a file claimed by a glob) leaves `kind` unset: the read then counts by its bytes.
 */
export interface IndexedRead {
  file: string;
  context: IndexContext;
  kind?: 'untagged' | 'index';
  /**
   * The SHA-256 (hex) of the bytes this read returned, set by the recorder, which digests every read anyway: the code
   * index keys its cache with it instead of hashing the same bytes a second time.
   */
  digest?: string;
}

/**
 * Where the code index says, while the whole-result cache records a run (result-cache-recorder.ts), which bounded
 * read it is making and what it made of it. One instance per process, shared by the bundles as `boundedReads` is:
 * dist/cli.js records, dist/cli-main.js indexes. Unset when nothing records (then the index does no extra work).
 */
export interface DerivedReadSink {
  /** The read being made, set only for the synchronous bounded read itself. */
  reading: IndexedRead | undefined;
  /**
   * The files whose code fingerprints the answer may depend on, as the run says from the review lock it read
   * (`noteFingerprintedFiles`). Unset until the run says so: then every file's fingerprints count as read.
   */
  fingerprinted?: Set<string>;
  /**
   * The files whose index reached the run through `unpackIndex` with positions that note their first read
   * (`watched`), and of those the files any of whose positions was read (`positionsRead`). Set by the recorder.
   */
  positions?: PositionWatch;
}

/** See `DerivedReadSink.positions`: a file is position-free when it is watched and none of its positions was read. */
export interface PositionWatch {
  watched: Set<string>;
  positionsRead: Set<string>;
  /** Above 0 while positions are read for no answer (a cache written for later runs): those reads note nothing. */
  paused: number;
}

/** Whether the run records, watched `file`'s index and has read none of its positions so far. */
export function positionsUnread(file: string): boolean {
  const positions = derivedReadSink()?.positions;
  return !!positions && positions.watched.has(file) && !positions.positionsRead.has(file);
}

/** Runs `write`, which reads positions only to keep them for later runs (that then note them when they use them). */
export function withoutNotingPositions<T>(write: () => T): T {
  const positions = derivedReadSink()?.positions;
  if (!positions) return write();
  positions.paused++;
  try {
    return write();
  } finally {
    positions.paused--;
  }
}

/**
 * Marks a file's positions as read while the whole-result cache records: for readers that take a file's positions
 * from elsewhere than its watched index (findings a cache kept for the file).
 */
export function notePositionsRead(file: string): void {
  derivedReadSink()?.positions?.positionsRead.add(file);
}

const SHARED = Symbol.for('spdf-workbench/derived-reads/1');
const holder = globalThis as unknown as Record<symbol, DerivedReadSink | undefined>;

export function derivedReadSink(): DerivedReadSink | undefined {
  return holder[SHARED];
}

/**
 * Tells the whole-result cache, while it records, which files' code fingerprints the run's answer may depend on:
 * a fingerprint is compared only with the review lock's entry of the same link (review-status.ts `reviewStatusOf`),
 * so the files the lock names. Called with the lock every reader of the run shares (src/node/workspace.ts); each
 * call adds to the files already named.
 */
export function noteFingerprintedFiles(files: Iterable<string>): void {
  const sink = derivedReadSink();
  if (!sink) return;
  const named = (sink.fingerprinted ??= new Set());
  for (const file of files) named.add(file);
}

export function setDerivedReadSink(sink: DerivedReadSink | undefined): void {
  if (sink) holder[SHARED] = sink;
  else delete holder[SHARED];
}
