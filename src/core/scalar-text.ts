/**
 * A model value shown where a scalar belongs (a title, a mode), as JavaScript's `String` writes it. A mapping or
 * sequence in that place is a schema problem the loader reports with its range; here it prints as `String`
 * prints it, so this is the one place to change should it ever print otherwise.
 */
export function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}
