import type { FieldSpec } from '../model/fields';
import type { Graph, ModelItem } from '../model/graph';
import { KIND_OF_SECTION, SECTION_OF, type ItemKind } from '../model/kinds';
import { KIND_SPECS } from '../model/schema-def';
import { RELATIONS } from '../codelinks/model';
import { RELATION_TARGETS } from './locate';
import { describeType, fieldsAt, schemaAt, SECTION_KEYS } from './schema-path';
import { yamlCursor } from './yaml-context';
import { scalarText } from '../scalar-text';

export type CandidateKind = 'id' | 'enum' | 'key' | 'section' | 'relation' | 'boolean';

export interface Candidate {
  label: string;
  kind: CandidateKind;
  detail?: string;
  documentation?: string;
  /** Text to insert instead of the label (e.g. `key: `). */
  insertText?: string;
  /** Kind of the item, for ID candidates. */
  itemKind?: ItemKind;
}

export interface Completion {
  /** Column where the replaced word starts (on the cursor's line). */
  start: number;
  candidates: Candidate[];
}

/** Title-like text of an item for details and hovers. */
export function itemTitle(item: { data: { title?: unknown; name?: unknown; hazard?: unknown } }): string {
  const d = item.data;
  const t = d.title ?? d.name ?? d.hazard ?? '';
  return scalarText(t);
}

function idCandidates(graph: Graph, kinds: readonly ItemKind[], exclude?: ModelItem): Candidate[] {
  const out: Candidate[] = [];
  for (const k of kinds)
    for (const item of graph.byKind[k]) {
      if (item === exclude) continue;
      out.push({ label: item.id, kind: 'id', detail: `${k}: ${itemTitle(item)}`, itemKind: k });
    }
  return out;
}

function valueCandidates(graph: Graph, spec: FieldSpec, self?: ModelItem): Candidate[] {
  switch (spec.type) {
    case 'ref':
    case 'refs':
      return idCandidates(graph, spec.kinds, self);
    case 'enum':
    case 'enum-or-list':
      return spec.values.map((v) => ({ label: v, kind: 'enum' as const, detail: spec.doc }));
    case 'boolean':
      return ['true', 'false'].map((v) => ({ label: v, kind: 'boolean' as const }));
    case 'list':
      return valueCandidates(graph, spec.of, self);
    default:
      return [];
  }
}

function keyCandidates(fields: Record<string, FieldSpec>, required: readonly string[], present: readonly string[]): Candidate[] {
  return Object.entries(fields)
    .filter(([k]) => !present.includes(k))
    .map(([k, f]) => ({
      label: k,
      kind: 'key' as const,
      detail: `${required.includes(k) ? 'required · ' : ''}${describeType(f)}`,
      documentation: f.doc,
      insertText: f.type === 'object' || f.type === 'list' || f.type === 'map' ? `${k}:` : `${k}: `,
    }));
}

/** Completion candidates at a position of a model file: IDs of the right kinds, enum values, keys, sections. */
export function yamlCompletion(graph: Graph, text: string, line: number, character: number, self?: ModelItem): Completion {
  const cur = yamlCursor(text, line, character);
  const none = { start: cur.prefixStart, candidates: [] };
  if (cur.position === 'key') {
    if (cur.path.length === 0)
      return {
        start: cur.prefixStart,
        candidates: SECTION_KEYS.filter((s) => !cur.siblings.includes(s)).map((s) => ({
          label: s,
          kind: 'section' as const,
          detail: KIND_SPECS[KIND_OF_SECTION[s]].doc,
          insertText: `${s}:`,
        })),
      };
    const f = fieldsAt(cur.path);
    return f ? { start: cur.prefixStart, candidates: keyCandidates(f.fields, f.required, cur.siblings) } : none;
  }
  const s = schemaAt(cur.path);
  if (!s) return none;
  if (s.at === 'field' || s.at === 'element') {
    // `- ` in a list of mappings: the first key of a new element.
    if (s.spec.type === 'object') return { start: cur.prefixStart, candidates: keyCandidates(s.spec.fields, s.spec.required ?? [], []) };
    return { start: cur.prefixStart, candidates: valueCandidates(graph, s.spec, self) };
  }
  if (s.at === 'fields') return { start: cur.prefixStart, candidates: keyCandidates(s.fields, s.required, []) };
  return none;
}

const TAG_RE = /@spdf(?:\s+([A-Za-z]*))?(?:\s+((?:[A-Za-z0-9_.:-]+\s*,\s*)*)([A-Za-z0-9_.:-]*))?$/;

/** Completion inside a code comment after `@spdf`: relation words, then IDs of the kinds the relation targets. */
export function tagCompletion(graph: Graph, lineText: string, character: number): Completion | undefined {
  const before = lineText.slice(0, character);
  const m = TAG_RE.exec(before);
  if (!m) return undefined;
  const afterRelation = m[2] !== undefined || /@spdf\s+[A-Za-z]+\s+$/.test(before);
  if (!afterRelation) {
    const word = m[1] ?? '';
    if (!/\s$/.test(before) && m[1] === undefined) return { start: character, candidates: [] };
    return {
      start: character - word.length,
      candidates: RELATIONS.map((r) => ({ label: r, kind: 'relation' as const, detail: `targets ${RELATION_TARGETS[r].join(', ')}`, insertText: `${r} ` })),
    };
  }
  const relation = m[1] ?? '';
  const kinds = RELATION_TARGETS[relation] ?? (['requirement', 'control', 'threat', 'hazard'] as ItemKind[]);
  const word = m[3] ?? '';
  return { start: character - word.length, candidates: idCandidates(graph, kinds) };
}

/** Item kinds whose section name is `section` (for snippets and stubs). */
export function sectionOf(kind: ItemKind): string {
  return SECTION_OF[kind];
}
