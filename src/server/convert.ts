/** Conversions between the core's values and LSP's. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range as LspRange } from 'vscode-languageserver/node';
import { unscannedProblem, type UnscannedFile } from '../core/codelinks/unscanned-files';
import { findRule } from '../core/rules/registry';
import type { Finding, Range } from '../core/types';

export class Paths {
  /** Client URI strings of open documents, by workspace path (so we answer in the client's spelling). */
  readonly clientUris = new Map<string, string>();

  constructor(readonly root: string) {}

  /** Workspace-relative POSIX path of a URI, or undefined when it is not a file inside the root. */
  toPath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let abs: string;
    try {
      abs = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const rel = relative(this.root, abs);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return sep === '/' ? rel : rel.split(sep).join('/');
  }

  toUri(path: string): string {
    return this.clientUris.get(path) ?? pathToFileURL(join(this.root, path)).href;
  }

  abs(path: string): string {
    return join(this.root, path);
  }
}

export function lspRange(r: Range): LspRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** The rule's heading anchor in docs/rules.md (`## TM002 dangling-reference` -> `tm002-dangling-reference`). */
export function ruleAnchor(code: string): string {
  const rule = findRule(code);
  return rule ? `${rule.meta.code}-${rule.meta.alias}`.toLowerCase() : code.toLowerCase();
}

/** docs/rules.md shipped beside the bundle (dist/../docs) or found above the source file. */
export function defaultDocsUrl(): string | undefined {
  for (let d = __dirname, i = 0; i < 5; i++, d = dirname(d)) {
    const p = join(d, 'docs', 'rules.md');
    if (existsSync(p)) return pathToFileURL(resolve(p)).href;
  }
  return undefined;
}

export function findingKey(f: Finding): string {
  return `${f.code}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
}

export function toDiagnostic(f: Finding, paths: Paths, docsUrl: string | undefined): Diagnostic {
  const d: Diagnostic = {
    range: lspRange(f.range),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.code,
    source: 'spdf',
    message: f.message,
    data: { key: findingKey(f) },
  };
  if (docsUrl) d.codeDescription = { href: `${docsUrl}#${ruleAnchor(f.code)}` };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: paths.toUri(r.file), range: lspRange(r.range) }, message: r.message }));
  return d;
}

/** An input `spdf check` fails on (src/server/input-problems.ts): an error in its words. */
export function inputProblemDiagnostic(p: { code?: string; range: Range; message: string; note?: true }): Diagnostic {
  return { range: lspRange(p.range), severity: p.note ? DiagnosticSeverity.Information : DiagnosticSeverity.Error, source: 'spdf', message: p.message, ...(p.code ? { code: p.code } : {}) };
}

/** A source file not scanned for tags: an error where `spdf check` reports it, in its words. */
export function unscannedDiagnostic(n: UnscannedFile): Diagnostic {
  const p = unscannedProblem(n);
  return { range: lspRange(p.range), severity: DiagnosticSeverity.Error, source: 'spdf', message: p.message };
}
