import type { InputPlace } from '../core/export/code-quality';
import { relative } from 'node:path';
import { findRule } from '../core/rules/registry';
import type { LintResult } from '../core/rules/engine';
import type { Finding } from '../core/types';
import { paint, type Out } from './io';
import { visible } from './visible';

export const JSON_FORMAT_VERSION = 1;

/** 1-based positions, UTF-16 columns, as editors show them. */
export function findingToJson(f: Finding) {
  return {
    file: f.file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    alias: findRule(f.code)?.meta.alias,
    message: f.message,
    fixable: !!f.fix && !!findRule(f.code)?.meta.fixable,
    ...(f.suggestions?.length ? { suggestions: f.suggestions.map((s) => s.description) } : {}),
  };
}

/** What `spdf lint --format json` adds besides findings: the baseline's outcome and the inputs not read. */
export interface LintJsonExtra {
  baseline?: unknown;
  /** Inputs lint could not read (it exits 1 on them): formats with a place for them say so. */
  inputErrors?: readonly string[];
  /** The same inputs at a file and line (1-based), for formats that hold only placed issues. */
  inputPlaces?: readonly InputPlace[];
}

/** `result.suppressed` holds the suppressed findings within the paths the report is narrowed to (the caller scopes them). */
export function lintJson(_root: string, result: LintResult, shown: Finding[], extra: LintJsonExtra = {}) {
  return {
    version: JSON_FORMAT_VERSION,
    root: '.',
    findings: shown.map(findingToJson),
    suppressed: result.suppressed.map((s) => ({ ...findingToJson(s), justification: s.justification })),
    summary: summarize(shown),
    ...(extra.inputErrors?.length ? { problems: extra.inputErrors } : {}),
    ...(extra.baseline !== undefined ? { baseline: extra.baseline } : {}),
  };
}

export function summarize(findings: Finding[]) {
  const s = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) s[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  return s;
}

/** `file:line:col  severity  CODE  message`, paths relative to the current directory; user text made visible. */
export function printHuman(o: Out, root: string, findings: Finding[], cwd = process.cwd()): void {
  const width = Math.max(0, ...findings.map((f) => location(root, f, cwd).length));
  for (const f of findings) {
    const sev = f.severity === 'error' ? paint(o, 'red', 'error  ') : f.severity === 'warning' ? paint(o, 'yellow', 'warning') : paint(o, 'blue', 'info   ');
    o.out(`${location(root, f, cwd).padEnd(width)}  ${sev}  ${paint(o, 'dim', visible(f.code))}  ${visible(f.message)}`);
  }
  const s = summarize(findings);
  const total = findings.length;
  if (total === 0) o.out(paint(o, 'green', '✔ no problems'));
  else
    o.out(
      paint(
        o,
        s.errors ? 'red' : 'yellow',
        `✖ ${total} problem${total === 1 ? '' : 's'} (${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info)`,
      ),
    );
}

function location(root: string, f: Finding, cwd: string): string {
  const rel = relative(cwd, `${root}/${f.file}`) || f.file;
  return `${visible(rel)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
}
