// @spdf implements SPDF-FC-CONFLICT-MARKERS
// @spdf implements SPDF-FC-DISABLED-CODE
// @spdf implements SPDF-FC-SKIPPED-TESTS
import type { LineIndex } from '../text';
import { conflictMarkerProblems } from './conflict-markers';
import { disabledCodeProblems } from './disabled-code';
import type { CodeFileIndex, CodeProblem } from './model';
import { skippedTestProblems } from './skipped-tests';

/**
 * Problems read from a source file's text around its tags and their symbols, whatever the parser made of it: merge
 * conflicts, code no build compiles, tests no run runs.
 */
export function textProblems(text: string, lines: LineIndex, index: Omit<CodeFileIndex, 'file'>, isTestFile: boolean): CodeProblem[] {
  const tagged = index.tags.length + index.orphanTags.length + index.links.length > 0;
  return [...conflictMarkerProblems(text, tagged), ...disabledCodeProblems(text, index), ...skippedTestProblems(text, lines, index, isTestFile)];
}
