import type fc from 'fast-check';
import { MemoryHost } from '../../src/core/host';
import { WorkspaceState } from '../../src/server/state';

/** The workspace after some edits: files on disk and the open documents that override them. */
export interface Files {
  disk: Map<string, string>;
  open: Map<string, string>;
}

/** One random change to a model file, as a user or the disk makes it. */
export type Edit =
  | { op: 'delete-line' | 'duplicate-line'; file: number; line: number }
  | { op: 'swap-id'; file: number; from: number; to: number }
  | { op: 'suppress'; file: number; line: number; code: number; justified: boolean }
  | { op: 'append-item'; file: number; ref: number }
  | { op: 'set-field'; file: number; line: number; value: number }
  | { op: 'add-description'; file: number; line: number }
  | { op: 'delete-file' | 'close'; file: number };

export type EditArbitrary = fc.Arbitrary<Edit>;

export const modelPaths = (f: Files) => [...new Set([...f.disk.keys(), ...f.open.keys()])].filter((p) => p.endsWith('.spdf.yaml')).sort();

/** Applies one edit to `f` and to the incremental state; `ids` finds the IDs an edit may swap, `codes` the rules a suppression names. */
export async function applyEdit(e: Edit, f: Files, state: WorkspaceState, ids: RegExp, codes: readonly string[] = []): Promise<void> {
  const paths = modelPaths(f);
  if (!paths.length) return;
  const path = paths[e.file % paths.length];
  const text = f.open.get(path) ?? f.disk.get(path) ?? '';
  const lines = text.split('\n');
  const type = async (next: string) => {
    f.open.set(path, next);
    await state.setOverlay(path, next);
  };
  switch (e.op) {
    case 'delete-line':
      return type(lines.filter((_, i) => i !== e.line % lines.length).join('\n'));
    case 'duplicate-line': {
      const i = e.line % lines.length;
      return type([...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n'));
    }
    case 'swap-id': {
      const own = [...new Set(text.match(ids) ?? [])];
      const all = [...new Set(paths.flatMap((p) => (f.open.get(p) ?? f.disk.get(p) ?? '').match(ids) ?? []))];
      if (!own.length || !all.length) return;
      return type(text.split(own[e.from % own.length]).join(all[e.to % all.length]));
    }
    case 'suppress': {
      if (!codes.length) return;
      const i = e.line % lines.length;
      const indent = /^\s*/.exec(lines[i])?.[0] ?? '';
      const comment = `${indent}# spdf-disable-next-line ${codes[e.code % codes.length]}${e.justified ? ' -- reviewed' : ''}`;
      return type([...lines.slice(0, i), comment, ...lines.slice(i)].join('\n'));
    }
    case 'append-item': {
      const all = [...new Set(text.match(ids) ?? [])];
      const ref = all.length ? all[e.ref % all.length] : 'THR-000000';
      return type(`${text.trimEnd()}\nrequirements:\n  - id: SEC-REQ-9${String(e.ref % 1000).padStart(5, '0')}\n    title: Added while typing\n    derived_from: [${ref}]\n`);
    }
    case 'set-field': {
      const at = lines.flatMap((l, i) => (FIELD_LINE.test(l) ? [i] : []));
      if (!at.length) return;
      const i = at[e.line % at.length];
      const [, head, field] = FIELD_LINE.exec(lines[i])!;
      const values = FIELD_VALUES[field] ?? [`${lines[i].slice(head.length)}x`, 'Typed while editing', "'quoted: value'"];
      return type([...lines.slice(0, i), `${head}${values[e.value % values.length]}`, ...lines.slice(i + 1)].join('\n'));
    }
    case 'add-description': {
      const at = lines.flatMap((l, i) => (/^\s*- id: /.test(l) ? [i] : []));
      if (!at.length) return;
      const i = at[e.line % at.length];
      const indent = ' '.repeat(lines[i].indexOf('id:'));
      return type([...lines.slice(0, i + 1), `${indent}description: |`, `${indent}  Added while typing,`, `${indent}  on two lines.`, ...lines.slice(i + 1)].join('\n'));
    }
    case 'close':
      if (!f.open.delete(path)) return;
      await state.closeOverlay(path);
      return;
    case 'delete-file':
      if (f.open.has(path) || !f.disk.delete(path)) return;
      await state.fileChanged(path, 'deleted');
      return;
  }
}

/** Lines of fields a field-only edit changes (no ID or reference among them), and values each may take. */
export const FIELD_LINE = /^(\s*(?:- )?(title|description|text|status|result|severity|kind|sl_t|priority|rationale): )/;
const FIELD_VALUES: Record<string, string[]> = {
  status: ['open', 'mitigated', 'accepted', 'approved', 'draft', 'closed'],
  result: ['pass', 'fail', 'blocked'],
  severity: ['negligible', 'minor', 'serious', 'critical', 'catastrophic'],
  kind: ['unit', 'integration', 'pentest', 'fuzz'],
  sl_t: ['1', '2', '3', '4'],
};

/** A state built from scratch over the files (what every incremental state must equal); `codeLinks` runs the code rules (on no source files). */
export async function freshState(f: Files, root: string, codeLinks = false): Promise<WorkspaceState> {
  const state = new WorkspaceState(new MemoryHost(new Map(f.disk)), { root, trusted: true, codeLinks });
  for (const [p, t] of f.open) state.overlays.set(p, t);
  await state.loadAll();
  state.check();
  return state;
}
