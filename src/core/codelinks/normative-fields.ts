import { fnv1a64 } from '../hash';

/**
 * Fields of a link target whose change makes its code links suspect (the "normative" content a reviewer
 * agreed the code satisfies). Editorial fields (status, notes, evidence paths, dates) are left out.
 *
 * | kind        | normative fields                                 |
 * |-------------|--------------------------------------------------|
 * | requirement | title, text                                      |
 * | control     | title, type                                      |
 * | threat      | title, stride, targets                           |
 * | hazard      | hazard, hazardous_situation, harm, severity      |
 * | test        | title, kind, verifies                            |
 */
export const NORMATIVE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  requirement: ['title', 'text'],
  control: ['title', 'type'],
  threat: ['title', 'stride', 'targets'],
  hazard: ['hazard', 'hazardous_situation', 'harm', 'severity'],
  test: ['title', 'kind', 'verifies'],
};

/** The normative subset of an item (absent fields become null so adding one later is a change). */
export function pickNormativeFields(kind: string, item: object): Record<string, unknown> {
  const fields = NORMATIVE_FIELDS[kind] ?? [];
  const picked: Record<string, unknown> = {};
  for (const field of fields) picked[field] = (item as Readonly<Record<string, unknown>>)[field] ?? null;
  return picked;
}

/**
 * Hash of a target's normative field values. Strings are compared with runs of whitespace collapsed, so
 * re-flowing a YAML paragraph is not a change; key order never matters.
 */
export function targetHash(normativeFields: Readonly<Record<string, unknown>>): string {
  return fnv1a64(stableJson(normalizeValue(normativeFields)));
}

function normalizeValue(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = normalizeValue((value as Record<string, unknown>)[key]);
    return out;
  }
  return value === undefined ? null : value;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
