// @spdf implements SPDF-FC-CONFLICT-MARKERS
import type { CodeProblem } from './model';

const OPENING = /^<{7}(?: |$)/m;
const CLOSING = /^>{7}(?: |$)/m;

/**
 * An unresolved git merge conflict in a tagged source file (a `<<<<<<<` line, later a `>>>>>>>` line): its tags may
 * come from one side of the conflict, and the parser's recovery may credit them to any symbol, so CL009 reports it
 * at the opening marker. Nothing for a file without tags.
 */
export function conflictMarkerProblems(text: string, tagged: boolean): CodeProblem[] {
  if (!tagged) return [];
  const open = OPENING.exec(text);
  if (!open || !CLOSING.test(text.slice(open.index))) return [];
  const line = text.slice(0, open.index).split('\n').length - 1;
  const range = { start: { line, character: 0 }, end: { line, character: 7 } };
  return [{ kind: 'tag-near-syntax-error', range, message: 'unresolved merge conflict (`<<<<<<<` ... `>>>>>>>`): the tags in this file may come from one side of it; resolve the conflict' }];
}
