// @spdf implements SPDF-BASE-001, SPDF-BASE-003
/**
 * `spdf.baseline.json`: the findings a project accepted when it adopted the checks, one entry per
 * fingerprint with a count, sorted, one entry per line (schema media/schemas/spdf.baseline.schema.json).
 * Reading it fails closed: a file that does not parse, has an unknown version or an entry it does not
 * understand yields problems with positions and no baseline.
 */
import { duplicateName } from '../json-duplicate-name';
import { SourceText } from '../text';
import type { Range } from '../types';
import { parseYaml } from '../yaml/parse';
import { deref, type YMap, type YNode } from '../yaml/ynode';
import type { Fingerprint } from './fingerprint';

export const BASELINE_VERSION = 1;
export const BASELINE_FILE = 'spdf.baseline.json';

/**
 * Findings that mean an input was not read, parsed, applied or understood (YAML syntax, unknown enum value, schema,
 * unreadable file, a named file outside the model, a nested config not applied, an unreadable SBOM or VEX file, a
 * malformed tag, a tag marker in another case or misspelt). Accepting one would let the gate pass over a file nobody
 * read: never baselined. Every load problem of the model (`Graph.problems`) is one of them.
 */
export const NEVER_BASELINED: ReadonlySet<string> = new Set(['TM000', 'TM006', 'TM008', 'TM009', 'TM012', 'TM013', 'TM014', 'SB007', 'CL008', 'CL011', 'CL012']);

export interface BaselineEntry extends Fingerprint {
  /** How many findings share this fingerprint. */
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

export interface BaselineProblem {
  message: string;
  range: Range;
}

const FIELDS = ['file', 'code', 'item', 'symbol', 'field', 'message'] as const;

/** The identity of a fingerprint: equal keys, same finding. */
export function fingerprintKey(f: Fingerprint): string {
  return JSON.stringify(FIELDS.map((k) => f[k] ?? null));
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  for (const k of FIELDS) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Stable text: entries sorted, one per line with a fixed key order, so a change shows as one line in a diff. */
export function serialiseBaseline(b: Baseline): string {
  const lines = [...b.entries].sort(compareEntries).map((e) => JSON.stringify(Object.fromEntries([...FIELDS.filter((k) => e[k] !== undefined).map((k) => [k, e[k]]), ['count', e.count]])));
  return `{\n  "version": ${b.version},\n  "entries": [${lines.length ? `\n    ${lines.join(',\n    ')}\n  ` : ''}]\n}\n`;
}

/** Reads a baseline's text; any problem means no baseline (the caller must fail, never report "no findings"). */
export function parseBaseline(raw: string): { baseline?: Baseline; problems: BaselineProblem[] } {
  // A byte-order mark (an editor on Windows) is whitespace here: JSON.parse refuses it, and a space keeps every position.
  const text = raw.replace(/^\uFEFF/, ' ');
  const src = new SourceText('', text);
  const problems: BaselineProblem[] = [];
  const at = (message: string, node?: { start: number; end: number } | null) => problems.push({ message, range: src.range(node?.start ?? 0, node?.end ?? 0) });
  try {
    JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    const offset = pos ? Number(pos[1]) : text.length;
    at(`not valid JSON: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}`, { start: offset, end: offset });
    return { problems };
  }
  // JSON.parse keeps the last of a name written twice (a git merge can leave one): a second count or entries list would accept more.
  const dup = duplicateName(text);
  if (dup) return (at(`the name ${dup.name} is written twice in one object (JSON readers disagree on which value counts); keep one`, dup), { problems });
  const parsed = parseYaml(text);
  for (const p of parsed.problems) at(p.message, p);
  const root = deref(parsed.roots[0] ?? null);
  if (problems.length) return { problems };
  if (!root || root.kind !== 'map') return (at('a baseline is a JSON object with "version" and "entries"', root), { problems });
  const version = valueOf(root, 'version');
  if (!version) at(`no "version" (this spdf reads baseline version ${BASELINE_VERSION})`, root);
  else if (version.kind !== 'scalar' || version.value !== BASELINE_VERSION)
    at(`unknown baseline version ${JSON.stringify(version.kind === 'scalar' ? version.value : '?')} (this spdf reads version ${BASELINE_VERSION})`, version);
  for (const p of root.pairs) if (!['$schema', 'version', 'entries'].includes(String(p.key.value))) at(`unknown key "${p.key.value}"`, p.key);
  const list = valueOf(root, 'entries');
  if (!list || list.kind !== 'seq') return (at('"entries" must be a list', list ?? root), { problems });
  const entries: BaselineEntry[] = [];
  const seen = new Map<string, number>();
  for (const node of list.items) {
    const entry = readEntry(deref(node), at);
    if (!entry || !node) continue;
    const key = fingerprintKey(entry);
    const first = seen.get(key);
    if (first !== undefined) at(`the same fingerprint as the entry on line ${first + 1}; merge them into one entry with a count`, node);
    else seen.set(key, src.positionAt(node.start).line);
    entries.push(entry);
  }
  return problems.length ? { problems } : { baseline: { version: BASELINE_VERSION, entries }, problems };
}

const valueOf = (map: YMap, key: string): Exclude<YNode, { kind: 'alias' }> | null => deref(map.pairs.find((p) => p.key.value === key)?.value ?? null);

function readEntry(node: Exclude<YNode, { kind: 'alias' }> | null, at: (message: string, node?: { start: number; end: number } | null) => void): BaselineEntry | undefined {
  if (!node || node.kind !== 'map') return (at('an entry must be an object', node), undefined);
  let ok = true;
  const fail = (message: string, n: { start: number; end: number }) => ((ok = false), at(message, n));
  const entry: Partial<BaselineEntry> = {};
  for (const p of node.pairs) {
    const key = String(p.key.value);
    const v = deref(p.value);
    if (key === 'count') {
      if (v?.kind === 'scalar' && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= 1) entry.count = v.value;
      else fail('"count" must be a whole number of at least 1', v ?? p.key);
    } else if ((FIELDS as readonly string[]).includes(key)) {
      if (v?.kind === 'scalar' && typeof v.value === 'string') entry[key as (typeof FIELDS)[number]] = v.value;
      else fail(`"${key}" must be a string`, v ?? p.key);
    } else fail(`unknown key "${key}" in an entry`, p.key);
  }
  for (const k of ['file', 'code', 'message', 'count'] as const) if (entry[k] === undefined && ok) fail(`an entry needs "${k}"`, node);
  if (entry.item !== undefined && entry.symbol !== undefined) fail('an entry names an item or a symbol, not both', node);
  if (entry.code !== undefined && NEVER_BASELINED.has(entry.code)) fail(`${entry.code} means an input was not read or understood; it is never baselined (fix it)`, node);
  return ok ? (entry as BaselineEntry) : undefined;
}
