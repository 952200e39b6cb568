import type { ParsedDocument } from '../../src/core/import/types';

/** What an import made of a document, for one deepEqual: the items' IDs, and its errors as `line:col message`. */
export function importOutcome({ items, notes }: ParsedDocument): { ids: string[]; errors: string[] } {
  return {
    ids: items.map((i) => i.id),
    errors: notes.filter((n) => n.kind === 'error').map((n) => `${n.pos.line}:${n.pos.col} ${n.message}`),
  };
}
