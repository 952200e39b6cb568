// @spdf implements SPDF-EXP-JSON
import type { Matrix } from '../matrix/model';

/**
 * JSON export: the matrix as built, with `version` (documented by media/schemas/spdf.trace.schema.json,
 * checked in test/export). Keys are in a fixed order so the output is stable for golden files and diffs.
 */
export function toJson(m: Matrix): string {
  return `${JSON.stringify({ generator: 'spdf-workbench', ...m }, null, 2)}\n`;
}
