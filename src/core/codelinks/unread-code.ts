// @spdf implements SPDF-FC-REPORTS
import { problemLine } from '../problem-line';
import type { Range } from '../types';
import { type CodeProblem, UNREAD_TAG_KINDS } from './model';
import { unscannedProblem, type UnscannedFile } from './unscanned-files';

/** Code evidence that was not read: tag-like text not understood, a file that could not be indexed or not scanned. */
export interface UnreadCode {
  file: string;
  range: Range;
  /** The lint rule that reports the same problem; absent for a file that could not be indexed or scanned. */
  code?: string;
  message: string;
  suggestion?: string;
}

/** The problem of a file's index that leaves evidence unread, if this one does. */
export function unreadCodeOf(file: string, p: CodeProblem): UnreadCode | undefined {
  const suggestion = p.suggestion ? { suggestion: p.suggestion.newText } : {};
  if (UNREAD_TAG_KINDS.has(p.kind)) return { file, range: p.range, code: 'CL008', message: p.message, ...suggestion };
  if (p.kind === 'marker-case') return { file, range: p.range, code: 'CL011', message: p.message, ...suggestion };
  if (p.kind === 'internal') return { file, range: p.range, message: `file could not be indexed: ${p.message}` };
  return undefined;
}

/** Every piece of code evidence not read, by file and position: what a matrix built without it must say it lacks. */
export function unreadCode(files: Iterable<{ file: string; problems: readonly CodeProblem[] }>, unscanned: Iterable<UnscannedFile>): UnreadCode[] {
  const rows: UnreadCode[] = [];
  for (const f of files)
    for (const p of f.problems) {
      const row = unreadCodeOf(f.file, p);
      if (row) rows.push(row);
    }
  for (const n of unscanned) rows.push(unscannedProblem(n));
  return rows.sort(byPlace);
}

/** How the matrix lists it among its input problems (as `spdf check` places a finding). */
export const unreadCodeLine: (r: UnreadCode) => string = problemLine;

export function byPlace(a: { file: string; range: Range }, b: { file: string; range: Range }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
