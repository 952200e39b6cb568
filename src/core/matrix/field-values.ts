/** A field that holds one string or a list of strings, as a list (anything else: empty). */
export function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

/** An SL-T as written: a scalar, or `FR1 2, FR2 3 ...` for a vector. */
export function slText(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k} ${String(x)}`)
      .join(', ');
  return '';
}
