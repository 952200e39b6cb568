/**
 * A model value shown where a scalar belongs (a title, a mode). A mapping or sequence in that place is a schema
 * problem the loader reports with its range; here it prints as compact JSON, so the reader sees what was written
 * instead of `[object Object]` (one that refers to itself prints as `[…]` or `{…}`).
 */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  const elided = Array.isArray(value) ? '[…]' : '{…}';
  try {
    return JSON.stringify(value) ?? elided;
  } catch {
    return elided;
  }
}
