/** The headline of a matrix view or export with input problems: rows may be missing what was not read or understood. */
export function incompleteText(count: number): string {
  return `INCOMPLETE: ${count} input problem${count === 1 ? '' : 's'} (files not read or not understood; listed under "Input problems")`;
}
