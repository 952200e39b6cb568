import { deref, pairOf, type YMap, type YNode } from '../yaml/ynode';
import type { FieldSpec } from './fields';
import { nearest, suggestValue } from '../suggest';

/** A schema violation at a node: TM006 for a value outside its vocabulary, TM008 for any other shape error. */
export interface SchemaIssue {
  code: 'TM006' | 'TM008';
  message: string;
  /** For a TM006 in a vocabulary the config may extend: the vocabulary and the value written. */
  open?: { vocab: 'protocol'; value: string };
  start: number;
  end: number;
}

const FR_KEYS = ['FR1', 'FR2', 'FR3', 'FR4', 'FR5', 'FR6', 'FR7'];

/** What a list's entries are checked against when it lists references: a single value (the kinds are TM002's). */
const REF_ENTRY: FieldSpec = { type: 'ref', kinds: [], doc: '' };

/**
 * Validates a YAML node against a field spec; `where` and `suffix` name the field in messages (`where + suffix`,
 * joined only for a message or a nested mapping: a model's hundred thousand valid fields make no string of their own).
 */
export function validateNode(node: YNode | null, spec: FieldSpec, where: string, out: SchemaIssue[], suffix = ''): void {
  // Aliased content was validated where its anchor stands; walking it again could be exponential (alias bombs).
  if (node?.kind === 'alias') return;
  const n = deref(node);
  if (!n || (n.kind === 'scalar' && n.value === null)) return;
  switch (spec.type) {
    case 'string':
    case 'text':
    case 'ref':
      if (n.kind !== 'scalar') bad(out, n, `${where + suffix} must be a single value, not a ${n.kind === 'map' ? 'mapping' : 'list'}`);
      return;
    case 'boolean':
      if (n.kind !== 'scalar' || typeof n.value !== 'boolean') bad(out, n, `${where + suffix} must be true or false`);
      return;
    case 'integer':
    case 'number': {
      const v = n.kind === 'scalar' ? n.value : undefined;
      if (typeof v !== 'number' || (spec.type === 'integer' && !Number.isInteger(v))) return bad(out, n, `${where + suffix} must be ${spec.type === 'integer' ? 'an integer' : 'a number'}`);
      // YAML's .nan is a float that fails every comparison, so no range below would refuse it and readers drop it for their default.
      if (Number.isNaN(v)) return bad(out, n, `${where + suffix} must be a number, not .nan (not a number)`);
      if ((spec.minimum !== undefined && v < spec.minimum) || (spec.maximum !== undefined && v > spec.maximum))
        bad(out, n, `${where + suffix} must be between ${spec.minimum ?? '-∞'} and ${spec.maximum ?? '∞'}, not ${v}`);
      return;
    }
    case 'enum':
    case 'enum-or-list':
      if (n.kind !== 'scalar') return bad(out, n, `${where + suffix} must be one of: ${spec.values.join(', ')}`);
      if (!spec.values.includes(String(n.value))) {
        const open = spec.type === 'enum' ? spec.open : undefined;
        const hint = suggestValue(String(n.value), spec.values);
        out.push({
          code: 'TM006',
          message: `unknown ${where + suffix} '${n.value}'${hint ? ` (did you mean '${hint}'?)` : ''}; expected one of: ${spec.values.join(', ')}${open === 'protocol' ? ', or a protocol declared under `protocols` in spdf.config.yaml' : ''}`,
          start: n.start,
          end: n.end,
          ...(open ? { open: { vocab: open, value: String(n.value) } } : {}),
        });
      }
      return;
    case 'refs':
    case 'list': {
      if (n.kind !== 'seq') return bad(out, n, `${where + suffix} must be a list`);
      const of = spec.type === 'refs' ? REF_ENTRY : spec.of;
      const field = where + suffix;
      for (const item of n.items) validateNode(item, of, field, out, ' entry');
      return;
    }
    case 'map': {
      if (n.kind !== 'map') return bad(out, n, `${where + suffix} must be a mapping`);
      const prefix = `${where + suffix}.`;
      for (const p of n.pairs) validateNode(p.value, spec.values, prefix, out, String(p.key.value));
      return;
    }
    case 'object':
      if (n.kind !== 'map') return bad(out, n, `${where + suffix} must be a mapping`);
      validateFields(n, spec.fields, spec.required ?? [], where + suffix, out);
      return;
    case 'security-level':
      validateSecurityLevel(n, where + suffix, out);
      return;
  }
}

export function validateFields(map: YMap, fields: Record<string, FieldSpec>, required: readonly string[], where: string, out: SchemaIssue[]): void {
  for (const p of map.pairs) {
    const key = String(p.key.value);
    // Own keys only: `constructor` or `toString` is an unknown key, not one of Object.prototype's.
    const spec = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!spec) {
      const hint = nearest(key, Object.keys(fields));
      out.push({ code: 'TM008', message: `unknown key '${key}' in ${where}${hint ? ` (did you mean '${hint}'?)` : ''}`, start: p.key.start, end: p.key.end });
      continue;
    }
    validateNode(p.value, spec, key, out);
  }
  for (const r of required) {
    const p = pairOf(map, r);
    if (p ? !isEmpty(p.value) : hasKeyNamed(map, r)) continue;
    const at = p ? p.key : (map.pairs[0]?.key ?? map);
    out.push({ code: 'TM008', message: `${where} is missing the required key '${r}'`, start: at.start, end: at.end });
  }
}

function isEmpty(value: YNode | null): boolean {
  const v = value && deref(value);
  return !value || (v?.kind === 'scalar' && v.value === null);
}

/** A key whose text is `key` (a non-string key such as `1` counts as its text). */
function hasKeyNamed(map: YMap, key: string): boolean {
  for (const p of map.pairs) if (String(p.key.value) === key) return true;
  return false;
}

/** Records a TM008 shape error at `at`. */
function bad(out: SchemaIssue[], at: { start: number; end: number }, message: string): void {
  out.push({ code: 'TM008', message, start: at.start, end: at.end });
}

function validateSecurityLevel(n: Exclude<YNode, { kind: 'alias' }>, where: string, out: SchemaIssue[]): void {
  const level = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4;
  if (n.kind === 'scalar') {
    if (!level(n.value)) bad(out, n, `${where} must be a security level 0..4 or a mapping FR1..FR7 of levels`);
    return;
  }
  if (n.kind !== 'map') return bad(out, n, `${where} must be a security level 0..4 or a mapping FR1..FR7 of levels`);
  for (const p of n.pairs) {
    const v = deref(p.value);
    if (!FR_KEYS.includes(String(p.key.value))) bad(out, p.key, `${where} has key '${p.key.value}'; expected FR1..FR7`);
    else if (!v || v.kind !== 'scalar' || !level(v.value)) bad(out, v ?? p.key, `${where}.${p.key.value} must be a security level 0..4`);
  }
}
