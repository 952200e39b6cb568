import type { ItemKind } from './kinds';

/**
 * The single source of truth for the model's shape: the JSON Schemas under media/schemas/,
 * the reference table of the loader, the field docs and completion in the editor all come from here.
 */
export type FieldSpec =
  | { type: 'string'; doc: string; format?: 'date' | 'path' }
  | { type: 'text'; doc: string }
  | { type: 'boolean'; doc: string }
  | { type: 'integer' | 'number'; doc: string; minimum?: number; maximum?: number }
  | { type: 'enum'; doc: string; values: readonly string[]; /** A vocabulary spdf.config.yaml may extend (TM006 then checks the config's entries too). */ open?: 'protocol' }
  | { type: 'ref'; doc: string; kinds: readonly ItemKind[] }
  | { type: 'refs'; doc: string; kinds: readonly ItemKind[] }
  | { type: 'list'; doc: string; of: FieldSpec }
  | { type: 'object'; doc: string; fields: Record<string, FieldSpec>; required?: readonly string[]; open?: boolean }
  | { type: 'map'; doc: string; values: FieldSpec }
  | { type: 'security-level'; doc: string }
  | { type: 'enum-or-list'; doc: string; values: readonly string[] };

export interface KindSpec {
  doc: string;
  fields: Record<string, FieldSpec>;
  required: readonly string[];
}

export const str = (doc: string): FieldSpec => ({ type: 'string', doc });
export const text = (doc: string): FieldSpec => ({ type: 'text', doc });
export const bool = (doc: string): FieldSpec => ({ type: 'boolean', doc });
export const date = (doc: string): FieldSpec => ({ type: 'string', doc, format: 'date' });
export const path = (doc: string): FieldSpec => ({ type: 'string', doc, format: 'path' });
export const oneOf = (values: readonly string[], doc: string): FieldSpec => ({ type: 'enum', values, doc });
export const ref = (kinds: readonly ItemKind[], doc: string): FieldSpec => ({ type: 'ref', kinds, doc });
export const refs = (kinds: readonly ItemKind[], doc: string): FieldSpec => ({ type: 'refs', kinds, doc });
export const list = (of: FieldSpec, doc: string): FieldSpec => ({ type: 'list', of, doc });
export const strings = (doc: string): FieldSpec => ({ type: 'list', of: { type: 'string', doc: '' }, doc });
export const obj = (fields: Record<string, FieldSpec>, doc: string, required: readonly string[] = []): FieldSpec => ({ type: 'object', fields, doc, required });
export const sl = (doc: string): FieldSpec => ({ type: 'security-level', doc });
