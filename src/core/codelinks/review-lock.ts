import { duplicateName } from '../json-duplicate-name';
import { SourceText } from '../text';
import { parseYaml } from '../yaml/parse';
import { asMap, asSeq, deref } from '../yaml/ynode';
import type { Relation } from './model';
import { isRelation } from './model';

/**
 * The review lock: reviewed fingerprints of code links, at the workspace root, diffed by humans.
 * Only `updateReviewLock` produces its text and only `writeReviewLock` (src/node) writes it.
 */
export const REVIEW_LOCK_FILE = 'spdf.lock.json';
export const REVIEW_LOCK_VERSION = 1;

export interface LinkKey {
  id: string;
  relation: Relation;
  /** Workspace-relative POSIX path. */
  file: string;
  /** Qualified symbol name; null for a file-level link. */
  symbol: string | null;
}

export interface ReviewLockEntry extends LinkKey {
  codeHash: string;
  targetHash: string;
  reviewer: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  /** Fields this version does not know (added by hand or by a newer tool): kept as they are on rewrite. */
  extra?: Record<string, unknown>;
}

export interface ReviewLock {
  version: typeof REVIEW_LOCK_VERSION;
  links: ReviewLockEntry[];
  /** Top-level fields this version does not know, and the order of every top-level key: kept on rewrite. */
  extra?: Record<string, unknown>;
  keyOrder?: string[];
  /** Entries that do not fit the schema: ignored when reading, kept verbatim on rewrite. */
  unparsed?: unknown[];
}

const ENTRY_KEYS = ['id', 'relation', 'file', 'symbol', 'codeHash', 'targetHash', 'reviewer', 'date'] as const;

export function linkKey(key: LinkKey): string {
  return JSON.stringify([key.id, key.relation, key.file, key.symbol]);
}

function compareEntries(a: LinkKey, b: LinkKey): number {
  const text = (x: string | null) => x ?? '';
  return a.file.localeCompare(b.file, 'en') || text(a.symbol).localeCompare(text(b.symbol), 'en') || a.id.localeCompare(b.id, 'en') || a.relation.localeCompare(b.relation, 'en');
}

export interface ParsedReviewLock {
  lock: ReviewLock;
  problems: string[];
}

/**
 * Reads lock text; an absent lock is empty. Entries that do not fit the schema are dropped with a problem naming `file` (config `lock_file`).
 * A text that reads two ways (a git merge can leave either) is a problem at its position: a name written twice in one
 * object makes the whole lock unread (which value a reader keeps is its choice, and the name may be `links` itself);
 * a link reviewed in two entries keeps both, and its state is the worst either gives (`reviewStatusOf`).
 */
export function parseReviewLock(text: string | undefined, file = REVIEW_LOCK_FILE): ParsedReviewLock {
  const lock: ReviewLock = { version: REVIEW_LOCK_VERSION, links: [] };
  if (text === undefined) return { lock, problems: [] };
  // A byte-order mark reads as a space: JSON.parse refuses the mark, and a space keeps every position.
  const json = text.replace(/^\uFEFF/, ' ');
  // An empty lock is a truncated one (a write cut short, a bad merge): every review in it, and every suspect link, is lost.
  if (json.trim() === '') return { lock, problems: [`${file} is empty: no review was read (spdf review writes a new one)`] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { lock, problems: [`${file} is not valid JSON: ${(error as Error).message}`] };
  }
  const dup = duplicateName(json);
  if (dup)
    return {
      lock,
      problems: [
        `${file}:${lineColumn(json, dup.start)}: the name ${dup.name} is written twice in one object (JSON readers disagree on which value counts, as after a git merge): no review was read; keep one`,
      ],
    };
  const problems: string[] = [];
  const root = data as { version?: unknown; links?: unknown };
  if (!root || typeof root !== 'object' || Array.isArray(root) || !Array.isArray(root.links)) {
    return { lock, problems: [`${file} has no "links" array`] };
  }
  if (root.version !== REVIEW_LOCK_VERSION) {
    return { lock, problems: [`${file} has version ${String(root.version)}; this tool reads version ${REVIEW_LOCK_VERSION}`] };
  }
  const firstOf = new Map<string, number>();
  const twice: [index: number, first: number, entry: ReviewLockEntry][] = [];
  root.links.forEach((raw, index) => {
    const entry = toEntry(raw);
    if (entry) {
      lock.links.push(entry);
      const key = linkKey(entry);
      const first = firstOf.get(key);
      if (first === undefined) firstOf.set(key, index);
      else twice.push([index, first, entry]);
    } else {
      (lock.unparsed ??= []).push(raw);
      problems.push(`${file}: entry ${index + 1} is malformed and was ignored`);
    }
  });
  if (twice.length) {
    const at = entryPositions(json);
    for (const [index, first, e] of twice)
      problems.push(
        `${file}:${at(index)}: entry ${index + 1} reviews the same link as entry ${first + 1} (${e.relation} ${e.id} on ${e.symbol ?? 'the file'} in ${e.file}); the link counts as reviewed only if every entry of it matches its code and target (keep one: spdf review ${e.id} writes one)`,
      );
  }
  const extra = unknownFields(root, ['version', 'links']);
  if (extra) lock.extra = extra;
  lock.keyOrder = Object.keys(root);
  return { lock, problems };
}

/** 1-based `line:column` of `offset` in `text`. */
function lineColumn(text: string, offset: number): string {
  const p = new SourceText('', text).positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

/**
 * `line:column` of each entry of `links` by its index, read with the YAML parser (JSON is YAML) only when an entry is
 * repeated: the common lock is read by JSON.parse alone. Falls back to 1:1 where no node is found.
 */
function entryPositions(text: string): (index: number) => string {
  const root = asMap(deref(parseYaml(text).roots[0] ?? null));
  const links = asSeq(deref(root?.pairs.find((p) => p.key.value === 'links')?.value ?? null));
  const src = new SourceText('', text);
  return (index) => {
    const node = links?.items[index];
    const p = src.positionAt(node?.start ?? 0);
    return `${p.line + 1}:${p.character + 1}`;
  };
}

function toEntry(raw: unknown): ReviewLockEntry | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const strings = ['id', 'file', 'codeHash', 'targetHash', 'reviewer', 'date'] as const;
  if (!strings.every((k) => typeof r[k] === 'string')) return undefined;
  if (typeof r.relation !== 'string' || !isRelation(r.relation)) return undefined;
  if (r.symbol !== null && typeof r.symbol !== 'string') return undefined;
  const extra = unknownFields(r, ENTRY_KEYS);
  return {
    id: r.id as string,
    relation: r.relation,
    file: r.file as string,
    symbol: r.symbol,
    codeHash: r.codeHash as string,
    targetHash: r.targetHash as string,
    reviewer: r.reviewer as string,
    date: r.date as string,
    ...(extra ? { extra } : {}),
  };
}

function unknownFields(o: Record<string, unknown>, known: readonly string[]): Record<string, unknown> | undefined {
  const rest = Object.entries(o).filter(([k]) => !known.includes(k));
  return rest.length ? Object.fromEntries(rest) : undefined;
}

/**
 * Stable text: entries sorted by file, symbol, id, relation, in a fixed key order followed by their unknown
 * fields; malformed entries last, verbatim; top-level keys in their original order; one trailing newline.
 */
export function renderReviewLock(lock: ReviewLock): string {
  const links: unknown[] = [...lock.links].sort(compareEntries).map((e) => ({
    id: e.id,
    relation: e.relation,
    file: e.file,
    symbol: e.symbol,
    codeHash: e.codeHash,
    targetHash: e.targetHash,
    reviewer: e.reviewer,
    date: e.date,
    ...e.extra,
  }));
  links.push(...(lock.unparsed ?? []));
  const top: Record<string, unknown> = {};
  for (const key of [...(lock.keyOrder ?? []), 'version', 'links']) if (!(key in top)) top[key] = key === 'version' ? REVIEW_LOCK_VERSION : key === 'links' ? links : lock.extra?.[key];
  return `${JSON.stringify(top, null, 2)}\n`;
}

/** `text` with the line endings and byte-order mark of `like` (a CRLF lock stays CRLF). */
function sameLayoutAs(like: string | undefined, text: string): string {
  const crlf = like !== undefined && /^[^\n]*\r\n/.test(like);
  const bom = like?.startsWith('\uFEFF') ? '\uFEFF' : '';
  return bom + (crlf ? text.replace(/\n/g, '\r\n') : text);
}

export interface ReviewLockUpdate {
  /** New lock text; undefined when the old lock could not be read (never overwrite reviews we cannot parse). */
  text: string | undefined;
  problems: string[];
  added: number;
  updated: number;
  removed: number;
}

/**
 * New lock text from the old text and freshly reviewed links (same key = replaced). `retain` drops old
 * entries whose link no longer exists (pass it only when the caller indexed the whole workspace).
 */
export function updateReviewLock(oldText: string | undefined, reviewed: readonly ReviewLockEntry[], retain: (entry: ReviewLockEntry) => boolean = () => true): ReviewLockUpdate {
  const parsed = parseReviewLock(oldText?.replace(/^\uFEFF/, '').trim() === '' ? undefined : oldText);
  const unreadable = parsed.lock.links.length === 0 && parsed.problems.length > 0;
  if (unreadable) return { text: undefined, problems: parsed.problems, added: 0, updated: 0, removed: 0 };
  // A link the old lock reviews twice keeps both entries until it is reviewed again: a rewrite never picks one.
  const byKey = new Map<string, ReviewLockEntry[]>();
  let removed = 0;
  for (const entry of parsed.lock.links) {
    if (!retain(entry)) removed++;
    else {
      const key = linkKey(entry);
      const same = byKey.get(key);
      if (same) same.push(entry);
      else byKey.set(key, [entry]);
    }
  }
  let added = 0;
  let updated = 0;
  for (const entry of reviewed) {
    const key = linkKey(entry);
    const extra = byKey.get(key)?.find((e) => e.extra)?.extra;
    if (byKey.has(key)) updated++;
    else added++;
    byKey.set(key, [{ ...entry, ...(extra && !entry.extra ? { extra } : {}) }]);
  }
  return {
    text: sameLayoutAs(oldText, renderReviewLock({ ...parsed.lock, links: [...byKey.values()].flat() })),
    problems: parsed.problems,
    added,
    updated,
    removed,
  };
}
