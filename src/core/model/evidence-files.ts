// @spdf implements SPDF-FC-EMPTY-EVIDENCE
import type { Graph } from './graph';

/** The workspace file a path written in the model names (see workspaceFileExists); '' for a URL or other non-file reference. */
export function workspaceFileOf(files: ReadonlySet<string>, fromFile: string, p: string): string | undefined {
  const clean = p.split('#')[0].trim().replace(/\\/g, '/');
  if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return '';
  const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/') + 1) : '';
  const fromRoot = normalise(clean);
  if (files.has(fromRoot)) return fromRoot;
  const fromDir = normalise(dir + clean);
  return files.has(fromDir) ? fromDir : undefined;
}

/** The workspace files the model's tests name as `evidence`: a host tells which of them are empty (`emptyFiles`). */
export function testEvidenceFiles(graph: Graph, files: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const t of graph.byKind.test) {
    const ev = t.data.evidence;
    const file = typeof ev === 'string' && ev.trim() ? workspaceFileOf(files, t.file, ev) : undefined;
    if (file) out.add(file);
  }
  return [...out].sort();
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}
