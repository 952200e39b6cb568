// @spdf implements SPDF-CMD-DIFF
import type { EvidenceDiff } from '../diff/model';
import type { Finding } from '../types';
import { lintToSarif, type SarifOptions } from './sarif';

const finding = (f: Finding) => ({
  code: f.code,
  severity: f.severity,
  message: f.message,
  file: f.file,
  line: f.range.start.line + 1,
  column: f.range.start.character + 1,
  endLine: f.range.end.line + 1,
  endColumn: f.range.end.character + 1,
});

/** JSON form of `spdf diff` (schema media/schemas/spdf.diff.schema.json); positions 1-based. */
export function diffToJson(d: EvidenceDiff): string {
  return `${JSON.stringify({ ...d, findings: { new: d.findings.new.map(finding), resolved: d.findings.resolved.map(finding) } }, null, 2)}\n`;
}

/** SARIF 2.1.0 with the new findings only (code scanning then annotates what the change introduced). */
export function diffToSarif(d: EvidenceDiff, opts: SarifOptions): string {
  return `${JSON.stringify(lintToSarif({ suppressed: [] }, d.findings.new, { ...opts, problems: d.problems }), null, 2)}\n`;
}
