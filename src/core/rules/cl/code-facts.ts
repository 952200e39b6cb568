import { pathMatcher } from '../../path-glob';
import type { CodeLink, CodeProblem, CodeTag } from '../../codelinks/model';
import { codeInput, DEFAULT_TEST_GLOBS, type CodeLinksInput } from '../../codelinks/rule-input';
import type { RuleContext } from '../types';

/** Target kinds each relation may point at. */
export const RELATION_TARGETS: Readonly<Record<string, readonly string[]>> = {
  implements: ['requirement', 'control'],
  verifies: ['requirement', 'control', 'threat'],
  mitigates: ['threat'],
  hazard: ['hazard'],
};

export interface TagInFile {
  file: string;
  tag: CodeTag;
}

/** Every tag of the code index with its file (links and orphans). */
export function allTags(ctx: RuleContext): TagInFile[] {
  return ctx.shared('cl.tags', () => (code(ctx)?.files ?? []).flatMap((f) => f.tags.map((tag) => ({ file: f.file, tag }))));
}

export function allLinks(ctx: RuleContext): CodeLink[] {
  return ctx.shared('cl.links', () => (code(ctx)?.files ?? []).flatMap((f) => f.links));
}

export function code(ctx: RuleContext): CodeLinksInput | undefined {
  return codeInput(ctx.code);
}

export function isTestFile(ctx: RuleContext): (file: string) => boolean {
  return ctx.shared('cl.isTest', () => {
    const globs = ctx.config.code.testGlobs.length ? ctx.config.code.testGlobs : DEFAULT_TEST_GLOBS;
    return pathMatcher([...globs]);
  });
}

/** Reports each problem of the code index the rule owns at its range, with the index's fix offered as a suggestion. */
export function reportCodeProblems(ctx: RuleContext, owns: (kind: CodeProblem['kind']) => boolean): void {
  for (const file of code(ctx)?.files ?? [])
    for (const problem of file.problems) {
      if (!owns(problem.kind)) continue;
      const s = problem.suggestion;
      ctx.report({
        file: file.file,
        range: problem.range,
        message: problem.message,
        suggestions: s ? [{ description: `Replace with '${s.newText}'`, edits: [{ file: file.file, range: s.range, newText: s.newText }] }] : undefined,
      });
    }
}
