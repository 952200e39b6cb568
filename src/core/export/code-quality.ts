// @spdf implements SPDF-CMD-LINT
import { fnv1a64 } from '../hash';
import type { Finding, Severity } from '../types';

/** GitLab's Code Quality severities (a subset of Code Climate's). */
const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab Code Quality report (Code Climate JSON subset) of the findings: GitLab compares the report of a
 * merge request with its target's and shows what is new. Fingerprints hash rule, file and message (never the
 * line), numbered when the same finding occurs twice, so moving text does not make a finding "new".
 */
export function toCodeQuality(findings: readonly Finding[], uriPrefix = ''): string {
  const seen = new Map<string, number>();
  const issues = findings.map((f) => {
    const key = `${f.code}\u0000${f.file}\u0000${f.message}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return {
      type: 'issue',
      check_name: f.code,
      description: `${f.code} ${f.message}`,
      categories: ['Security'],
      severity: SEVERITY[f.severity],
      fingerprint: fnv1a64(`${key}\u0000${n}`),
      location: { path: `${uriPrefix}${f.file}`, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
    };
  });
  return JSON.stringify(issues, null, 2);
}
