import { CONFIG_SPEC } from './config-def';
import type { FieldSpec } from './fields';
import { ITEM_KINDS, SECTION_OF } from './kinds';
import { KIND_SPECS } from './schema-def';

type JsonSchema = Record<string, unknown>;

const LEVEL: JsonSchema = { type: 'integer', minimum: 0, maximum: 4 };

function fieldSchema(spec: FieldSpec): JsonSchema {
  const d = spec.doc ? { description: spec.doc } : {};
  switch (spec.type) {
    case 'string':
      return { type: 'string', ...d, ...(spec.format === 'date' ? { pattern: '^\\d{4}-\\d{2}(-\\d{2})?$' } : {}) };
    case 'text':
    case 'ref':
      return { type: 'string', ...d };
    case 'boolean':
      return { type: 'boolean', ...d };
    case 'integer':
    case 'number':
      return { type: spec.type, ...d, ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}), ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}) };
    case 'enum':
    case 'enum-or-list':
      // A vocabulary the config may extend: any name is valid here, TM006 checks it against the config.
      if (spec.type === 'enum' && spec.open) return { anyOf: [{ enum: [...spec.values] }, { type: 'string' }], ...d };
      return { enum: [...spec.values], ...d };
    case 'refs':
      return { type: 'array', items: { type: 'string' }, ...d };
    case 'list':
      return { type: 'array', items: fieldSchema(spec.of), ...d };
    case 'map':
      return { type: 'object', additionalProperties: fieldSchema(spec.values), ...d };
    case 'object':
      return objectSchema(spec.fields, spec.required ?? [], spec.doc);
    case 'security-level':
      return {
        ...d,
        oneOf: [LEVEL, { type: 'object', additionalProperties: false, properties: Object.fromEntries(['FR1', 'FR2', 'FR3', 'FR4', 'FR5', 'FR6', 'FR7'].map((f) => [f, LEVEL])) }],
      };
  }
}

function objectSchema(fields: Record<string, FieldSpec>, required: readonly string[], doc: string): JsonSchema {
  return {
    type: 'object',
    ...(doc ? { description: doc } : {}),
    additionalProperties: false,
    ...(required.length ? { required: [...required] } : {}),
    properties: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, fieldSchema(f)])),
  };
}

/** JSON Schema (draft-07) of `*.spdf.yaml`, for Red Hat YAML and other editors. */
export function modelJsonSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = { spdf: { type: 'string', description: 'Model format version, e.g. "0.1".' } };
  const definitions: Record<string, JsonSchema> = {};
  for (const kind of ITEM_KINDS) {
    const spec = KIND_SPECS[kind];
    definitions[kind] = objectSchema(spec.fields, spec.required, spec.doc);
    properties[SECTION_OF[kind]] = kind === 'system' ? { $ref: `#/definitions/${kind}` } : { type: 'array', description: spec.doc, items: { $ref: `#/definitions/${kind}` } };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://spdf-workbench.invalid/schemas/spdf.schema.json',
    title: 'SPDF Workbench model file (*.spdf.yaml)',
    type: 'object',
    additionalProperties: false,
    properties,
    definitions,
  };
}

export function configJsonSchema(): JsonSchema {
  const spec = CONFIG_SPEC.type === 'object' ? CONFIG_SPEC : undefined;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://spdf-workbench.invalid/schemas/spdf.config.schema.json',
    title: 'SPDF Workbench configuration (spdf.config.yaml)',
    ...objectSchema(spec!.fields, [], spec!.doc),
  };
}
