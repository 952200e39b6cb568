// @spdf implements SPDF-FC-CONFLICT-MARKERS
// @spdf implements SPDF-FC-DISABLED-CODE
import { conflictMarkerProblems } from './conflict-markers';
import { disabledCodeProblems } from './disabled-code';
import type { CodeFileIndex, CodeProblem } from './model';

/** Problems read from a source file's text around its tags, whatever the parser made of it: merge conflicts, code no build compiles. */
export function textProblems(text: string, index: Pick<CodeFileIndex, 'language' | 'tags' | 'orphanTags' | 'links'>): CodeProblem[] {
  const tagged = index.tags.length + index.orphanTags.length + index.links.length > 0;
  return [...conflictMarkerProblems(text, tagged), ...disabledCodeProblems(text, index)];
}
