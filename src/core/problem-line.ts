import type { Range } from './types';

/** A problem placed in a file, as every report and view lists it: `file:line:col: [CODE ]message` (1-based). */
export function problemLine(p: { file: string; range: Range; code?: string; message: string }): string {
  return `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.code ? `${p.code} ` : ''}${p.message}`;
}
