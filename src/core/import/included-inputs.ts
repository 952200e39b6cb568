// @spdf implements SPDF-IMPORT-THREAGILE-INCLUDES
import type { ModelDocument } from './model-types';

/**
 * Leaves out the inputs another input read as an included file (a folder of Threagile parts next to the
 * model that includes them): they are part of that model, not models of their own. Of files that include
 * each other, the first named stays.
 */
export function withoutIncludedInputs<T extends { file: string; parsed: ModelDocument }>(docs: T[]): { kept: T[]; left: { file: string; by: string }[] } {
  const reads = (d: T, file: string) => d.parsed.included?.includes(file) ?? false;
  const left: { file: string; by: string }[] = [];
  const kept = docs.filter((d, i) => {
    const by = docs.find((o, j) => j !== i && reads(o, d.file) && (!reads(d, o.file) || j < i));
    if (by) left.push({ file: d.file, by: by.file });
    return !by;
  });
  return { kept, left };
}
