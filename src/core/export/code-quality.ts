// @spdf implements SPDF-CMD-LINT, SPDF-FC-REPORTS
import { fnv1a64 } from '../hash';
import type { Finding, Severity } from '../types';

/** GitLab's Code Quality severities (a subset of Code Climate's). */
const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/** An input not read or not understood, where the report shows it (1-based line). */
export interface InputPlace {
  file: string;
  line: number;
  message: string;
}

/**
 * GitLab Code Quality report (Code Climate JSON subset) of the findings: GitLab compares the report of a
 * merge request with its target's and shows what is new. Fingerprints hash rule, file and message (never the
 * line), numbered when the same finding occurs twice, so moving text does not make a finding "new".
 */
export function toCodeQuality(findings: readonly Finding[], uriPrefix = '', inputs: readonly InputPlace[] = []): string {
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
  // The format has no place for a run that did not read everything: each such input is a blocker issue, so a merge
  // request never shows "no new issues" over a file that was not checked.
  const incomplete = inputs.map((p) => ({
    type: 'issue',
    check_name: 'spdf-input',
    description: `INCOMPLETE: ${p.message}`,
    categories: ['Security'],
    severity: 'blocker',
    fingerprint: fnv1a64(`spdf-input\u0000${p.file}\u0000${p.message}`),
    location: { path: `${uriPrefix}${p.file}`, lines: { begin: p.line, end: p.line } },
  }));
  return JSON.stringify([...incomplete, ...issues], null, 2);
}
