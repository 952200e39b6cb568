import type { FieldSpec } from '../model/fields';
import { ITEM_KINDS, KIND_OF_SECTION, SECTION_OF, type ItemKind } from '../model/kinds';
import { KIND_SPECS } from '../model/schema-def';

/** What the schema says about a key path of a model file. */
export type SchemaAt =
  | { at: 'root' }
  /** A mapping with these fields (an item when `itemKind` is set). */
  | { at: 'fields'; kind: ItemKind; fields: Record<string, FieldSpec>; required: readonly string[]; doc: string; itemKind?: ItemKind }
  | { at: 'field'; kind: ItemKind; key: string; spec: FieldSpec }
  /** Element of a list field. */
  | { at: 'element'; kind: ItemKind; key: string; spec: FieldSpec }
  | { at: 'section'; kind: ItemKind };

/** Walks `path` (keys, `[]` or numeric indexes for list steps) through schema-def. */
export function schemaAt(path: readonly string[]): SchemaAt | undefined {
  if (path.length === 0) return { at: 'root' };
  const kind = Object.hasOwn(KIND_OF_SECTION, path[0]) ? KIND_OF_SECTION[path[0]] : undefined;
  if (!kind) return undefined;
  const spec = KIND_SPECS[kind];
  let i = 1;
  if (kind !== 'system') {
    if (path.length === 1) return { at: 'section', kind };
    if (!isListStep(path[1])) return undefined;
    i = 2;
  }
  let cur: SchemaAt = { at: 'fields', kind, fields: spec.fields, required: spec.required, doc: spec.doc, itemKind: kind };
  for (; i < path.length; i++) {
    const step = path[i];
    if (cur.at === 'fields') {
      const f: FieldSpec | undefined = Object.hasOwn(cur.fields, step) ? cur.fields[step] : undefined;
      if (!f) return undefined;
      cur = { at: 'field', kind, key: step, spec: f };
    } else if (cur.at === 'field' || cur.at === 'element') {
      const f: FieldSpec = cur.spec;
      if (isListStep(step) && (f.type === 'list' || f.type === 'refs' || f.type === 'enum-or-list')) {
        cur = { at: 'element', kind, key: cur.key, spec: f.type === 'list' ? f.of : f.type === 'refs' ? { type: 'ref', kinds: f.kinds, doc: f.doc } : { type: 'enum', values: f.values, doc: f.doc } };
      } else if (f.type === 'object' && !isListStep(step)) {
        const g: FieldSpec | undefined = Object.hasOwn(f.fields, step) ? f.fields[step] : undefined;
        if (!g) return undefined;
        cur = { at: 'field', kind, key: step, spec: g };
      } else if (f.type === 'map' && !isListStep(step)) {
        cur = { at: 'field', kind, key: step, spec: f.values };
      } else return undefined;
    } else return undefined;
    // An object spec stands for its fields when more steps follow or when keys are wanted.
  }
  return cur;
}

/** The mapping of fields at a path, if the path designates a mapping. */
export function fieldsAt(path: readonly string[]): { fields: Record<string, FieldSpec>; required: readonly string[]; doc: string; kind?: ItemKind } | undefined {
  const s = schemaAt(path);
  if (!s) return undefined;
  if (s.at === 'fields') return { fields: s.fields, required: s.required, doc: s.doc, kind: s.itemKind };
  if ((s.at === 'field' || s.at === 'element') && s.spec.type === 'object') return { fields: s.spec.fields, required: s.spec.required ?? [], doc: s.spec.doc };
  return undefined;
}

export function isListStep(step: string): boolean {
  return step === '[]' || /^\d+$/.test(step);
}

export const SECTION_KEYS = ITEM_KINDS.map((k) => SECTION_OF[k]);

/** One-line description of a field type for hovers and completion details. */
export function describeType(f: FieldSpec): string {
  switch (f.type) {
    case 'ref':
      return `reference to ${f.kinds.join(' | ')}`;
    case 'refs':
      return `list of references to ${f.kinds.join(' | ')}`;
    case 'enum':
      return `one of ${f.values.join(', ')}`;
    case 'enum-or-list':
      return `one or more of ${f.values.join(', ')}`;
    case 'list':
      return `list of ${describeType(f.of)}`;
    case 'object':
      return 'mapping';
    case 'map':
      return `mapping of ${describeType(f.values)}`;
    case 'security-level':
      return 'security level 0..4, or FR1..FR7 mapping';
    case 'integer':
    case 'number':
      return f.minimum !== undefined || f.maximum !== undefined ? `${f.type} ${f.minimum ?? ''}..${f.maximum ?? ''}` : f.type;
    case 'string':
      return f.format ? `string (${f.format})` : 'string';
    default:
      return f.type;
  }
}
