/** The defects a run reported, as the peer benchmark compares them: requirements no tag covers, tags naming no requirement. */
export interface Defects {
  uncovered: string[];
  orphans: string[];
}

/**
 * OpenFastTrace's plain report (`-c BLACK_AND_WHITE -v FAILURE_DETAILS`): an uncovered item is
 * `not ok [...] dsn~ID~1 (-impl)`; an orphan tag is an implicit impl item whose link is `[orphaned ...] → dsn~ID~1`.
 */
export function oftDefects(report: string): Defects {
  const uncovered: string[] = [];
  const orphans: string[] = [];
  for (const line of report.split('\n')) {
    const item = /^not ok \[.*\] dsn~(\S+)~\d+ \(-impl\)\s*$/.exec(line);
    if (item) uncovered.push(item[1]);
    const orphan = /^\s+\[orphaned\s*\] → dsn~(\S+)~\d+\s*$/.exec(line);
    if (orphan) orphans.push(orphan[1]);
  }
  return { uncovered: uncovered.sort(), orphans: orphans.sort() };
}

/** `spdf check --format json --fail-on-status MISSING`: MISSING requirements and unknown-ID tags. */
export function spdfDefects(json: string): Defects {
  const report = JSON.parse(json) as { offenders: { class: string; id?: string; status?: string }[] };
  const uncovered: string[] = [];
  const orphans: string[] = [];
  for (const o of report.offenders) {
    if (o.class === 'status' && o.status === 'MISSING' && o.id) uncovered.push(o.id);
    else if (o.class === 'unknown-id' && o.id) orphans.push(o.id);
  }
  return { uncovered: uncovered.sort(), orphans: orphans.sort() };
}

/** Empty when both lists match; else a short description of the first differences. */
export function compareDefects(label: string, expected: Defects, actual: Defects): string[] {
  const out: string[] = [];
  for (const key of ['uncovered', 'orphans'] as const) {
    const want = new Set(expected[key]);
    const got = new Set(actual[key]);
    const missing = [...want].filter((x) => !got.has(x));
    const extra = [...got].filter((x) => !want.has(x));
    if (missing.length || extra.length || actual[key].length !== expected[key].length) {
      out.push(
        `${label} ${key}: ${actual[key].length} reported, ${expected[key].length} expected; not reported ${missing.slice(0, 5).join(', ') || '-'}; unexpected ${extra.slice(0, 5).join(', ') || '-'}`,
      );
    }
  }
  return out;
}
