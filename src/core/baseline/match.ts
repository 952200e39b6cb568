// @spdf implements SPDF-BASE-001, SPDF-BASE-002
import type { Finding } from '../types';
import { BASELINE_VERSION, fingerprintKey, NEVER_BASELINED, type Baseline, type BaselineEntry } from './format';
import type { Fingerprint } from './fingerprint';

export interface BaselineMatch {
  /** Findings the baseline does not hold, plus every finding of a fingerprint that now occurs more often than baselined. */
  fresh: Finding[];
  /** Findings the baseline accepts. */
  baselined: Finding[];
  /** Entries that occur less often than they say (`now` of `entry.count`): the baseline can shrink. */
  unused: { entry: BaselineEntry; now: number }[];
}

type FingerprintOf = (f: Finding) => Fingerprint;

function groupByKey(findings: readonly Finding[], fingerprintOf: FingerprintOf): Map<string, { fp: Fingerprint; findings: Finding[] }> {
  const groups = new Map<string, { fp: Fingerprint; findings: Finding[] }>();
  for (const f of findings) {
    const fp = fingerprintOf(f);
    const key = fingerprintKey(fp);
    const g = groups.get(key);
    if (g) g.findings.push(f);
    else groups.set(key, { fp, findings: [f] });
  }
  return groups;
}

/**
 * Splits findings into fresh and baselined. When a fingerprint occurs more often than its entry counts, nobody
 * can tell which occurrence is new, so all of them are fresh (fail closed). A finding that means an input was not
 * read is always fresh. Only entries `judged` can be unused: one whose rule did not run this time (off, or its
 * inputs absent, as code under --no-code) says nothing about whether its finding is gone.
 */
export function matchBaseline(findings: readonly Finding[], baseline: Baseline, fingerprintOf: FingerprintOf, judged: (e: BaselineEntry) => boolean = () => true): BaselineMatch {
  const entries = new Map(baseline.entries.map((e) => [fingerprintKey(e), e]));
  const fresh: Finding[] = [];
  const baselined: Finding[] = [];
  const now = new Map<string, number>();
  for (const [key, g] of groupByKey(findings, fingerprintOf)) {
    const entry = entries.get(key);
    now.set(key, g.findings.length);
    if (entry && !NEVER_BASELINED.has(g.fp.code) && g.findings.length <= entry.count) baselined.push(...g.findings);
    else fresh.push(...g.findings);
  }
  const unused = baseline.entries.flatMap((entry) => {
    const n = now.get(fingerprintKey(entry)) ?? 0;
    return n < entry.count && judged(entry) ? [{ entry, now: n }] : [];
  });
  return { fresh, baselined, unused };
}

/** A baseline of the current findings; those never baselined are returned apart. */
export function createBaseline(findings: readonly Finding[], fingerprintOf: FingerprintOf): { baseline: Baseline; refused: Finding[] } {
  const refused = findings.filter((f) => NEVER_BASELINED.has(f.code));
  const entries = [...groupByKey(findings, fingerprintOf).values()].filter((g) => !NEVER_BASELINED.has(g.fp.code)).map((g) => ({ ...g.fp, count: g.findings.length }));
  return { baseline: { version: BASELINE_VERSION, entries }, refused };
}

/** The baseline shrunk to what still occurs: entries gone are dropped, counts lowered; nothing new is added. */
export function pruneBaseline(baseline: Baseline, match: BaselineMatch): Baseline {
  const lower = new Map(match.unused.map((u) => [u.entry, u.now]));
  const entries = baseline.entries.flatMap((e) => {
    const n = lower.get(e);
    return n === undefined ? [e] : n > 0 ? [{ ...e, count: n }] : [];
  });
  return { version: BASELINE_VERSION, entries };
}

/** `file: CODE [item|symbol] [field] message (count)` for listing an entry. */
export function entryLine(e: BaselineEntry, now?: number): string {
  const where = [e.item ? `item ${e.item}` : e.symbol ? `symbol ${e.symbol}` : '', e.field ? `field ${e.field}` : ''].filter(Boolean).join(', ');
  const times = now === undefined ? (e.count > 1 ? ` (x${e.count})` : '') : ` (baselined ${e.count}, now ${now})`;
  return `${e.file}: ${e.code}${where ? ` [${where}]` : ''} ${e.message}${times}`;
}
